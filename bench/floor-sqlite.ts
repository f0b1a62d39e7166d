// Floor for bench/ingest on SQLite: a bare Fastify route that inserts the submitted JSON into
// better-sqlite3 with a prepared statement (WAL, synchronous NORMAL, the same columns as
// `responses`), with no validation and no lookups. Started by ingest.ts: FLOOR_DB, PORT, HOST.
import { randomUUID } from 'node:crypto';
import SQLite from 'better-sqlite3';
import Fastify from 'fastify';

const db = new SQLite(process.env.FLOOR_DB ?? ':memory:');
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.pragma('busy_timeout = 5000');
db.exec(`create table if not exists floor_responses (
  id text primary key, wave_id text not null, participant_id text, data text not null, submitted_at text not null)`);
const insert = db.prepare(
  'insert into floor_responses (id, wave_id, participant_id, data, submitted_at) values (?, ?, ?, ?, ?)',
);

const app = Fastify({ logger: false });
app.get('/api/health', async () => ({ status: 'ok' }));
app.post<{ Params: { token: string }; Body: { waveId: string; clientId: string; data: unknown } }>(
  '/api/r/:token/responses',
  async (req) => {
    const id = randomUUID();
    const submittedAt = new Date().toISOString();
    insert.run(id, req.body.waveId, req.params.token, JSON.stringify(req.body.data), submittedAt);
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
await app.listen({ port: Number(process.env.PORT ?? 0), host: process.env.HOST ?? '127.0.0.1' });
