// Reading the audit log, newest first, with the author's email.
import type { Queryable } from '../db/schema.ts';

export function listAuditEntries(
  db: Queryable,
  q: { caisseId: string | null; limit: number; before?: string | undefined },
) {
  let query = db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.user_id')
    .selectAll('audit_log')
    .select('users.email')
    .orderBy('audit_log.at', 'desc')
    .orderBy('audit_log.id', 'desc')
    .limit(q.limit);
  if (q.caisseId) query = query.where('audit_log.caisse_id', '=', q.caisseId);
  if (q.before) query = query.where('audit_log.at', '<', q.before);
  return query.execute();
}
