// The audit log: who did what to which target, never the content of answers.
import type { Kysely, Transaction } from 'kysely';
import { type Actor, roleLabel } from '../auth/actor.ts';
import type { AuditLogTable, Database } from '../db/schema.ts';
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

export async function audit(db: Kysely<Database> | Transaction<Database>, actor: Actor, e: AuditEntry) {
  await db.insertInto('audit_log').values(auditRow(actor, e)).execute();
}
