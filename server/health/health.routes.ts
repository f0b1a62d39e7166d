// GET /api/health: 200 when the database answers, 503 otherwise.
import { sql } from 'kysely';
import { z } from 'zod';
import type { App, Deps } from '../http/types.ts';

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
      try {
        await sql`select 1`.execute(db.kysely);
        return { status: 'ok' as const, database: db.dialect };
      } catch {
        return reply.code(503).send({ status: 'unavailable' as const, database: db.dialect });
      }
    },
  );
}
