// WAL checkpoints on a thread of their own. SQLite's automatic checkpoint runs inside the commit that
// crosses the threshold: it copies thousands of pages into the database file and syncs it while the
// event loop waits, which is what set the ingest benchmark's p99 latency. Here a worker thread with
// its own connection runs a PASSIVE checkpoint (it never blocks writers or readers) every `everyMs`,
// so that the server connection's own, rarer checkpoint (see connect.ts) only has the last frames
// left to copy. Durability is unchanged: a commit is in the WAL before it is answered.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
const checkpoint = () => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (err) { parentPort.postMessage(String(err)); }
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

export function startCheckpointer(path: string, everyMs = 250): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER, { eval: true, workerData: { path, driver, everyMs } });
  // A failed checkpoint is retried at the next tick; say so rather than fail silently.
  worker.on('message', (m) => console.warn(`checkpoint: ${m}`));
  worker.unref();
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        worker.once('exit', () => resolve());
        // Kept alive while it finishes, or a closing script would exit before the promise settles.
        worker.ref();
        worker.postMessage('stop');
      }),
  };
}
