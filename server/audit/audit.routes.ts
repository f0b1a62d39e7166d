// Reading the audit log: admins see everything, a caisse's coordinators see their caisse.
import { z } from 'zod';
import { requireAdmin, requireCaisse } from '../auth/policy.ts';
import { caisseParams } from '../caisses/caisses.routes.ts';
import { authErrors } from '../http/schemas.ts';
import type { App, Deps } from '../http/types.ts';

const entrySchema = z.object({
  id: z.string(),
  at: z.string(),
  userId: z.string().nullable(),
  userEmail: z.string().nullable(),
  role: z.string(),
  caisseId: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
});
const pageSchema = z.object({ items: z.array(entrySchema), next: z.string().nullable() });
const querySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** Cursor: the `at` of the last entry seen (entries come newest first). */
  before: z.iso.datetime().optional(),
});

export function auditRoutes(app: App, { db }: Deps): void {
  async function page(caisseId: string | null, q: z.infer<typeof querySchema>) {
    let query = db.kysely
      .selectFrom('audit_log')
      .leftJoin('users', 'users.id', 'audit_log.user_id')
      .selectAll('audit_log')
      .select('users.email')
      .orderBy('audit_log.at', 'desc')
      .orderBy('audit_log.id', 'desc')
      .limit(q.limit);
    if (caisseId) query = query.where('audit_log.caisse_id', '=', caisseId);
    if (q.before) query = query.where('audit_log.at', '<', q.before);
    const rows = await query.execute();
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

  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Journal d’audit (administrateurs)',
        querystring: querySchema,
        response: { 200: pageSchema, ...authErrors },
      },
    },
    async (req) => {
      requireAdmin(req.actor);
      return page(null, req.query);
    },
  );

  app.get(
    '/caisses/:caisseId/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Journal d’audit de la caisse (coordinateurs)',
        params: caisseParams,
        querystring: querySchema,
        response: { 200: pageSchema, ...authErrors },
      },
    },
    async (req) => {
      requireCaisse(req.actor, req.params.caisseId, 'coordinator');
      return page(req.params.caisseId, req.query);
    },
  );
}
