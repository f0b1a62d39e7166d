import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../lib/api.ts';
import type { SubmissionResult } from './api.ts';
import { contentHashOf } from './content-hash.ts';
import {
  createSubmissionQueue,
  importBody,
  openQueueDb,
  type QueuedSubmission,
  ReceiptMismatchError,
} from './submission-queue.ts';

const receipt = (e: QueuedSubmission, over: Partial<SubmissionResult> = {}): SubmissionResult => ({
  id: 'r1',
  waveId: e.waveId,
  clientId: e.clientId,
  contentHash: e.contentHash,
  status: 'submitted',
  revision: 1,
  submittedAt: '2026-12-05T10:00:00.000Z',
  ...over,
});

// One fresh database per test: fake-indexeddb is global, so wipe it.
async function freshDb() {
  const db = await openQueueDb();
  await db.clear('pending');
  await db.clear('receipts');
  return Promise.resolve(db);
}

describe('submission queue', () => {
  it('stores the entry with its clientId and browser hash, and keeps it until a matching receipt', async () => {
    const send = vi.fn(async (e: QueuedSubmission) => receipt(e));
    const q = createSubmissionQueue({ token: 'tok-a', send, db: freshDb() });
    const e = await q.enqueue('w1', { consent: true, age: 3 });
    expect(e.contentHash).toBe(await contentHashOf({ age: 3, consent: true }));
    expect(await q.pending()).toEqual([e]);
    const r = await q.sendOne(e);
    expect(r.id).toBe('r1');
    expect(await q.pending()).toEqual([]);
    expect(await q.receipts()).toMatchObject([{ clientId: e.clientId, responseId: 'r1', waveId: 'w1' }]);
  });

  it('keeps the entry when the receipt hash differs (or has no id)', async () => {
    const db = freshDb();
    const q = createSubmissionQueue({
      token: 'tok-a',
      db,
      send: async (e) => receipt(e, { contentHash: 'f'.repeat(64) }),
    });
    const e = await q.enqueue('w1', { consent: true });
    await expect(q.sendOne(e)).rejects.toBeInstanceOf(ReceiptMismatchError);
    expect(await q.pending()).toMatchObject([{ clientId: e.clientId, problem: 'mismatch' }]);
    expect(await q.receipts()).toEqual([]);

    const q2 = createSubmissionQueue({ token: 'tok-a', db, send: async (x) => receipt(x, { id: null }) });
    await expect(q2.sendOne(e)).rejects.toBeInstanceOf(ReceiptMismatchError);
    expect(await q2.pending()).toHaveLength(1);
  });

  it('a refusal (no id, status refused) with the same hash is a receipt', async () => {
    const q = createSubmissionQueue({
      token: 'tok-a',
      db: freshDb(),
      send: async (e) => receipt(e, { id: null, status: 'refused', revision: null }),
    });
    const e = await q.enqueue('w1', { consent: false });
    await q.sendOne(e);
    expect(await q.pending()).toEqual([]);
    expect(await q.receipts()).toMatchObject([{ responseId: null }]);
  });

  it('409 CLIENT_ID_CONFLICT keeps the entry, marked; a network failure keeps it unmarked', async () => {
    const db = freshDb();
    const conflict = createSubmissionQueue({
      token: 'tok-a',
      db,
      send: async () => {
        throw new ApiError(409, 'CLIENT_ID_CONFLICT', 'other answers');
      },
    });
    const e = await conflict.enqueue('w1', { consent: true });
    await expect(conflict.sendOne(e)).rejects.toMatchObject({ code: 'CLIENT_ID_CONFLICT' });
    expect(await conflict.pending()).toMatchObject([{ clientId: e.clientId, problem: 'conflict' }]);

    const offline = createSubmissionQueue({
      token: 'tok-a',
      db,
      send: async () => {
        throw new ApiError(0, 'NETWORK_ERROR', 'Failed to fetch');
      },
    });
    const e2 = await offline.enqueue('w2', { consent: true });
    await expect(offline.sendOne(e2)).rejects.toMatchObject({ status: 0 });
    expect((await offline.pendingFor('w2'))?.problem).toBeNull();
  });

  it('never shows one link’s entries to another token', async () => {
    const db = freshDb();
    const send = async (e: QueuedSubmission) => receipt(e);
    const a = createSubmissionQueue({ token: 'tok-a', db, send });
    const b = createSubmissionQueue({ token: 'tok-b', db, send });
    await a.enqueue('w1', { consent: true });
    expect(await b.pending()).toEqual([]);
    expect(await a.pending()).toHaveLength(1);
    expect(JSON.stringify(await a.pending())).not.toContain('tok-a');
  });

  it('turns pending entries into exactly the batch import body', async () => {
    const q = createSubmissionQueue({ token: 'tok-a', db: freshDb(), send: async (e) => receipt(e) });
    const e = await q.enqueue('w1', { consent: true });
    expect(importBody([e], 'P-0001')).toEqual({
      rows: [
        { participantCode: 'P-0001', clientId: e.clientId, data: { consent: true }, collectionMode: 'self' },
      ],
    });
  });
});
