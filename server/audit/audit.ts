// The audit log: who did what to which target, never the content of answers.
import { type Actor, roleLabel } from '../auth/index.ts';
import { prepared } from '../db/prepared.ts';
import type { AuditLogTable, Queryable } from '../db/schema.ts';
import { newTimeId, nowIso } from '../util.ts';

export interface AuditEntry {
  caisseId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
}

export function auditRow(actor: Actor, e: AuditEntry): AuditLogTable {
  return {
    id: newTimeId(),
    at: nowIso(),
    user_id: actor.kind === 'user' ? actor.user.id : null,
    role: roleLabel(actor, e.caisseId),
    caisse_id: e.caisseId,
    action: e.action,
    target_type: e.targetType,
    target_id: e.targetId,
  };
}

const insertEntry = prepared(
  ['id', 'at', 'user_id', 'role', 'caisse_id', 'action', 'target_type', 'target_id'],
  (db, row: AuditLogTable) => db.insertInto('audit_log').values(row),
);

export async function audit(db: Queryable, actor: Actor, e: AuditEntry) {
  await insertEntry(db, auditRow(actor, e));
}
