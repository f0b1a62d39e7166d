// The durable queue of submissions (IndexedDB, via `idb`): each one is stored with its clientId
// and the contentHash the browser computed, before the first attempt. It leaves the queue only when
// the server's receipt carries an id and that same contentHash (the server then holds exactly these
// answers); it then becomes a receipt in the log. A 409 CLIENT_ID_CONFLICT or a receipt with
// another hash keeps it, marked, for the person (and the coordinator's import) to deal with.
// Entries are filed under a SHA-256 of the link's token, never the token itself: two people sharing
// a phone never see, send or download each other's answers.
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import { ApiError } from '../../lib/api.ts';
import type { SubmissionResult, SurveyData } from './api.ts';
import { contentHashOf } from './content-hash.ts';
import { newClientId } from './local-store.ts';

export interface QueuedSubmission {
  clientId: string;
  /** SHA-256 (hex) of the link's token. */
  link: string;
  waveId: string;
  data: SurveyData;
  contentHash: string;
  queuedAt: string;
  /** Why the last attempt did not take it out of the queue, when retrying cannot help. */
  problem: 'conflict' | 'mismatch' | null;
}

export interface Receipt {
  clientId: string;
  link: string;
  waveId: string;
  /** Null for a refusal (consent: no), which stores no response. */
  responseId: string | null;
  contentHash: string;
  sentAt: string;
}

interface QueueDb extends DBSchema {
  pending: { key: string; value: QueuedSubmission; indexes: { link: string } };
  receipts: { key: string; value: Receipt; indexes: { link: string } };
}

const DB_NAME = 'recolte-participant';

export function openQueueDb(): Promise<IDBPDatabase<QueueDb>> {
  return openDB<QueueDb>(DB_NAME, 1, {
    upgrade(db) {
      db.createObjectStore('pending', { keyPath: 'clientId' }).createIndex('link', 'link');
      db.createObjectStore('receipts', { keyPath: 'clientId' }).createIndex('link', 'link');
    },
  });
}

/** The receipt does not prove the server stored these answers: the entry stays. */
export class ReceiptMismatchError extends Error {
  constructor(
    readonly expected: string,
    readonly received: string | undefined,
  ) {
    super(`contentHash ${received ?? '(none)'} ≠ ${expected}`);
  }
}

export async function linkKey(token: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`recolte:${token}`));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface SubmissionQueueOptions {
  token: string;
  send: (entry: QueuedSubmission) => Promise<SubmissionResult>;
  db?: Promise<IDBPDatabase<QueueDb>>;
  now?: () => Date;
}

export function createSubmissionQueue(opts: SubmissionQueueOptions) {
  const db = opts.db ?? openQueueDb();
  const link = linkKey(opts.token);
  const now = opts.now ?? (() => new Date());
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const l of listeners) l();
  };

  const pending = async (): Promise<QueuedSubmission[]> => {
    const all = await (await db).getAllFromIndex('pending', 'link', await link);
    return all.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
  };

  return {
    /** Stores the submission (durably) before anything is sent. */
    async enqueue(waveId: string, data: SurveyData, clientId = newClientId()): Promise<QueuedSubmission> {
      const entry: QueuedSubmission = {
        clientId,
        link: await link,
        waveId,
        data,
        contentHash: await contentHashOf(data),
        queuedAt: now().toISOString(),
        problem: null,
      };
      await (await db).put('pending', entry);
      changed();
      return entry;
    },
    pending,
    /** The oldest entry waiting for this wave, if any. */
    async pendingFor(waveId: string): Promise<QueuedSubmission | undefined> {
      return (await pending()).find((e) => e.waveId === waveId);
    },
    async receipts(): Promise<Receipt[]> {
      const all = await (await db).getAllFromIndex('receipts', 'link', await link);
      return all.sort((a, b) => b.sentAt.localeCompare(a.sentAt));
    },
    /**
     * One attempt for one entry. Resolves with the receipt once the server's contentHash matches
     * (the entry then moves to the receipts); rejects otherwise (the entry stays, except a refusal
     * that no retry can change: 422, 404, wave closed, which the caller drops with `remove`).
     */
    async sendOne(entry: QueuedSubmission): Promise<SubmissionResult> {
      let result: SubmissionResult;
      try {
        result = await opts.send(entry);
      } catch (err) {
        if (err instanceof ApiError && err.status === 409 && err.code === 'CLIENT_ID_CONFLICT') {
          await (await db).put('pending', { ...entry, problem: 'conflict' });
          changed();
        }
        throw err;
      }
      // A refusal (consent: no) stores no response, hence no id; anything else must have one.
      const stored = result.status === 'refused' || !!result.id;
      if (!stored || result.contentHash !== entry.contentHash) {
        await (await db).put('pending', { ...entry, problem: 'mismatch' });
        changed();
        throw new ReceiptMismatchError(entry.contentHash, result.contentHash);
      }
      const tx = (await db).transaction(['pending', 'receipts'], 'readwrite');
      await Promise.all([
        tx.objectStore('receipts').put({
          clientId: entry.clientId,
          link: entry.link,
          waveId: entry.waveId,
          responseId: result.id,
          contentHash: result.contentHash,
          sentAt: now().toISOString(),
        }),
        tx.objectStore('pending').delete(entry.clientId),
        tx.done,
      ]);
      changed();
      return result;
    },
    async remove(clientId: string): Promise<void> {
      await (await db).delete('pending', clientId);
      changed();
    },
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type SubmissionQueue = ReturnType<typeof createSubmissionQueue>;

/**
 * The pending answers of one wave as the body of the coordinator's batch import
 * (POST /api/waves/:waveId/responses), exactly: `{ rows }`, self-administered rows.
 */
export function importBody(entries: QueuedSubmission[], participantCode?: string) {
  return {
    rows: entries.map((e) => ({
      ...(participantCode ? { participantCode } : {}),
      clientId: e.clientId,
      data: e.data,
      collectionMode: 'self' as const,
    })),
  };
}
