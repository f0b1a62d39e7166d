// GET /api/health: 200 when the database answers, 503 otherwise.
import { z } from 'zod';
import type { App, Deps } from '../http/types.ts';
import { health } from './health.service.ts';

export function healthRoutes(app: App, { db }: Deps): void {
  app.get(
    '/health',
    {
      schema: {
        tags: ['health'],
        response: {
          200: z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) }),
          503: z.object({ status: z.literal('unavailable'), database: z.enum(['sqlite', 'postgres']) }),
        },
      },
    },
    async (_req, reply) => {
      const h = await health(db);
      return h.status === 'ok' ? h : reply.code(503).send(h);
    },
  );
}
