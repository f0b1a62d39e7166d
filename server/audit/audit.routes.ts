// Reading the audit log: admins see everything, a caisse's coordinators see their caisse.
import { requireAdmin, requireCaisse } from '../auth/index.ts';
import { authErrors, caisseParams } from '../http/schemas.ts';
import type { App, Deps } from '../http/types.ts';
import { auditPageSchema, auditQuerySchema } from './audit.schema.ts';
import { auditPage } from './audit.service.ts';

export function auditRoutes(app: App, { db }: Deps): void {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Journal d’audit (administrateurs)',
        querystring: auditQuerySchema,
        response: { 200: auditPageSchema, ...authErrors },
      },
    },
    async (req) => {
      requireAdmin(req.actor);
      return auditPage(db, null, req.query);
    },
  );

  app.get(
    '/caisses/:caisseId/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Journal d’audit de la caisse (coordinateurs)',
        params: caisseParams,
        querystring: auditQuerySchema,
        response: { 200: auditPageSchema, ...authErrors },
      },
    },
    async (req) => {
      requireCaisse(req.actor, req.params.caisseId, 'coordinator');
      return auditPage(db, req.params.caisseId, req.query);
    },
  );
}
