// A page of the audit log (the whole platform's, or one caisse's), in the API shape.
import type { Db } from '../db/connect.ts';
import { listAuditEntries } from './audit.repository.ts';
import type { AuditPage, AuditQuery } from './audit.schema.ts';

export async function auditPage(db: Db, caisseId: string | null, q: AuditQuery): Promise<AuditPage> {
  const rows = await listAuditEntries(db.kysely, { caisseId, limit: q.limit, before: q.before });
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at,
      userId: r.user_id,
      userEmail: r.email,
      role: r.role,
      caisseId: r.caisse_id,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
    })),
    next: rows.length === q.limit ? rows[rows.length - 1]!.at : null,
  };
}
