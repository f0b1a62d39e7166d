// The audit feature as other folders see it: writing an entry.
export { type AuditEntry, audit, auditRow } from './audit.ts';
