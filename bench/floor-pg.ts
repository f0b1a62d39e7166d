// Floor for bench/ingest on PostgreSQL: a bare Fastify route that inserts the submitted JSON
// through a pg Pool (as many connections as the server's), with no validation and no lookups,
// into a table with the same columns as `responses`. Started by ingest.ts: DATABASE_URL, PORT, HOST.
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
await pool.query(`create table if not exists floor_responses (
  id text primary key, wave_id text not null, participant_id text, data text not null, submitted_at text not null)`);
const text =
  'insert into floor_responses (id, wave_id, participant_id, data, submitted_at) values ($1, $2, $3, $4, $5)';

const app = Fastify({ logger: false });
app.get('/api/health', async () => ({ status: 'ok' }));
app.post<{ Params: { token: string }; Body: { waveId: string; clientId: string; data: unknown } }>(
  '/api/r/:token/responses',
  async (req) => {
    const id = randomUUID();
    const submittedAt = new Date().toISOString();
    await pool.query(text, [
      id,
      req.body.waveId,
      req.params.token,
      JSON.stringify(req.body.data),
      submittedAt,
    ]);
    return {
      id,
      waveId: req.body.waveId,
      clientId: req.body.clientId,
      status: 'submitted',
      revision: 1,
      submittedAt,
    };
  },
);
process.once(
  'SIGTERM',
  () =>
    void app
      .close()
      .then(() => pool.end())
      .then(() => process.exit(0)),
);
await app.listen({ port: Number(process.env.PORT ?? 0), host: process.env.HOST ?? '127.0.0.1' });
