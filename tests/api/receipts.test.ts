// Receipts: every response write answers with the SHA-256 of the canonical JSON of its answers, so a
// retry (same clientId, same answers) gets the original back and a clientId reused for different
// answers is refused; checked through the stored rows, on each database, including concurrent retries.
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as contentHashMigration from '../../migrations/2026_12_05_0008_response_content_hash.ts';
import { createContext, type TestContext } from '../helpers/context.ts';
import { openWaveSetup, validAnswers } from '../helpers/fixtures.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createContext();
});
afterAll(() => ctx.close());

/** Computed here independently of the app: SHA-256 hex of the RFC 8785 form. */
const sha = (data: unknown) =>
  createHash('sha256')
    .update(canonicalize(data) as string)
    .digest('hex');

const storedRows = (waveId: string) =>
  ctx.db.kysely
    .selectFrom('responses')
    .select(['id', 'client_id', 'data', 'content_hash', 'revision', 'superseded_at'])
    .where('wave_id', '=', waveId)
    .orderBy('revision')
    .execute();

const corrected = { ...validAnswers, power_to_act: 5 };

describe('link submissions carry a content hash', () => {
  it('answers and stores the hash of the canonical answers, whatever their key order', async () => {
    const s = await openWaveSetup(ctx);
    const url = `/api/r/${s.participant.token}/responses`;
    const res = await ctx.anonymous.post(url, {
      waveId: s.wave.id,
      clientId: 'hash-0001',
      data: validAnswers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().contentHash).toBe(sha(validAnswers));
    expect(res.json().contentHash).toMatch(/^[0-9a-f]{64}$/);
    const [row] = await storedRows(s.wave.id);
    expect(row!.content_hash).toBe(sha(validAnswers));
    expect(row!.content_hash).toBe(sha(JSON.parse(row!.data)));

    // The same answers in another key order are the same content: a replay, not a conflict.
    const reversed = Object.fromEntries(Object.entries(validAnswers).reverse());
    expect(JSON.stringify(reversed)).not.toBe(JSON.stringify(validAnswers));
    const again = await ctx.anonymous.post(url, { waveId: s.wave.id, clientId: 'hash-0001', data: reversed });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(res.json());
    expect(await storedRows(s.wave.id)).toHaveLength(1);
  });

  it('answers a retry with the original and refuses a clientId reused for other answers (409), writing nothing', async () => {
    const s = await openWaveSetup(ctx);
    const url = `/api/r/${s.participant.token}/responses`;
    const first = await ctx.anonymous.post(url, {
      waveId: s.wave.id,
      clientId: 'retry-0001',
      data: validAnswers,
    });
    expect(first.statusCode).toBe(200);
    const retry = await ctx.anonymous.post(url, {
      waveId: s.wave.id,
      clientId: 'retry-0001',
      data: validAnswers,
    });
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual(first.json());

    const other = await ctx.anonymous.post(url, {
      waveId: s.wave.id,
      clientId: 'retry-0001',
      data: corrected,
    });
    expect(other.statusCode).toBe(409);
    expect(other.json()).toEqual({
      statusCode: 409,
      code: 'CLIENT_ID_CONFLICT',
      message: expect.any(String),
    });
    const rows = await storedRows(s.wave.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: first.json().id,
      content_hash: sha(validAnswers),
      superseded_at: null,
    });
    expect(JSON.parse(rows[0]!.data)).toEqual(validAnswers);
  });

  it('keeps corrections as revisions: an old clientId replays its own revision and conflicts with other answers', async () => {
    const s = await openWaveSetup(ctx);
    const url = `/api/r/${s.participant.token}/responses`;
    const first = (
      await ctx.anonymous.post(url, { waveId: s.wave.id, clientId: 'rev-00001', data: validAnswers })
    ).json();
    const second = await ctx.anonymous.post(url, {
      waveId: s.wave.id,
      clientId: 'rev-00002',
      data: corrected,
    });
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ revision: 2, contentHash: sha(corrected) });

    // A late retry of the first submission: its own (now superseded) revision, nothing written.
    const late = await ctx.anonymous.post(url, {
      waveId: s.wave.id,
      clientId: 'rev-00001',
      data: validAnswers,
    });
    expect(late.statusCode).toBe(200);
    expect(late.json()).toEqual(first);
    // The first clientId with the corrected answers is not a correction: a correction needs its own clientId.
    const reused = await ctx.anonymous.post(url, {
      waveId: s.wave.id,
      clientId: 'rev-00001',
      data: corrected,
    });
    expect(reused.statusCode).toBe(409);
    expect(reused.json().code).toBe('CLIENT_ID_CONFLICT');

    const rows = await storedRows(s.wave.id);
    expect(rows.map((r) => [r.client_id, r.revision, r.content_hash, r.superseded_at === null])).toEqual([
      ['rev-00001', 1, sha(validAnswers), false],
      ['rev-00002', 2, sha(corrected), true],
    ]);
  });

  it('leaves a draft saved after a submission in place when that submission is retried', async () => {
    const s = await openWaveSetup(ctx);
    const link = `/api/r/${s.participant.token}`;
    const first = await ctx.anonymous.post(`${link}/responses`, {
      waveId: s.wave.id,
      clientId: 'draft-0001',
      data: validAnswers,
    });
    // The participant starts a correction, then the phone retries the first submission.
    const draft = { consent: true, health_self_rated: 'poor' };
    expect((await ctx.anonymous.put(`${link}/draft`, { waveId: s.wave.id, data: draft })).statusCode).toBe(
      200,
    );
    const retry = await ctx.anonymous.post(`${link}/responses`, {
      waveId: s.wave.id,
      clientId: 'draft-0001',
      data: validAnswers,
    });
    expect(retry.json()).toEqual(first.json());
    expect((await ctx.anonymous.get(link)).json().waves[0].draft.data).toEqual(draft);
    // A conflicting reuse changes nothing either.
    const reused = await ctx.anonymous.post(`${link}/responses`, {
      waveId: s.wave.id,
      clientId: 'draft-0001',
      data: corrected,
    });
    expect(reused.statusCode).toBe(409);
    expect((await ctx.anonymous.get(link)).json().waves[0].draft.data).toEqual(draft);
    // The correction itself, with its own clientId, stores revision 2 and clears the draft.
    const correction = await ctx.anonymous.post(`${link}/responses`, {
      waveId: s.wave.id,
      clientId: 'draft-0002',
      data: corrected,
    });
    expect(correction.json()).toMatchObject({ revision: 2, contentHash: sha(corrected) });
    expect((await ctx.anonymous.get(link)).json().waves[0].draft).toBeNull();
  });

  it('hashes a refusal’s answers without storing anything', async () => {
    const s = await openWaveSetup(ctx);
    const res = await ctx.anonymous.post(`/api/r/${s.participant.token}/responses`, {
      waveId: s.wave.id,
      clientId: 'refuse-0001',
      data: { consent: false },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'refused', id: null, contentHash: sha({ consent: false }) });
    expect(await storedRows(s.wave.id)).toEqual([]);
  });

  it('stores one row for 20 concurrent retries of the same submission, all answered with it', async () => {
    const s = await openWaveSetup(ctx);
    const url = `/api/r/${s.participant.token}/responses`;
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        ctx.anonymous.post(url, { waveId: s.wave.id, clientId: 'burst-0001', data: validAnswers }),
      ),
    );
    expect(answers.map((r) => r.statusCode)).toEqual(Array(20).fill(200));
    const rows = await storedRows(s.wave.id);
    expect(rows).toHaveLength(1);
    expect(new Set(answers.map((r) => r.json().id))).toEqual(new Set([rows[0]!.id]));
    expect(new Set(answers.map((r) => r.json().contentHash))).toEqual(new Set([sha(validAnswers)]));
    expect(rows[0]!.content_hash).toBe(sha(validAnswers));
  });

  it('lets one of 20 concurrent different answers under one clientId win, refuses the others with 409', async () => {
    const s = await openWaveSetup(ctx);
    const url = `/api/r/${s.participant.token}/responses`;
    const variants = Array.from({ length: 20 }, (_, i) => ({
      ...validAnswers,
      power_to_act: (i % 5) + 1,
      fruit_veg_portions: i,
    }));
    const answers = await Promise.all(
      variants.map((data) => ctx.anonymous.post(url, { waveId: s.wave.id, clientId: 'race-00001', data })),
    );
    const won = answers.filter((r) => r.statusCode === 200);
    expect(won).toHaveLength(1);
    for (const r of answers.filter((x) => x.statusCode !== 200)) {
      expect(r.statusCode).toBe(409);
      expect(r.json().code).toBe('CLIENT_ID_CONFLICT');
    }
    const winner = won[0]!.json();
    const rows = await storedRows(s.wave.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).toBe(winner.id);
    expect(rows[0]!.content_hash).toBe(winner.contentHash);
    expect(sha(JSON.parse(rows[0]!.data))).toBe(winner.contentHash);
    expect(variants.map(sha)).toContain(winner.contentHash);
  });
});

describe('imports carry a content hash per row', () => {
  it('answers each row’s hash; a re-import is answered with the originals, a changed row is refused', async () => {
    const s = await openWaveSetup(ctx);
    await ctx.admin.post(`/api/caisses/${s.caisse.id}/participants`, { code: 'P002' });
    const rows = [
      { participantCode: 'P001', clientId: 'batch-0001', data: validAnswers },
      { participantCode: 'P002', clientId: 'batch-0002', data: corrected },
    ];
    const url = `/api/waves/${s.wave.id}/responses`;
    const first = await ctx.admin.post(url, { rows });
    expect(first.statusCode).toBe(200);
    expect(first.json().results.map((r: { contentHash: string }) => r.contentHash)).toEqual([
      sha(validAnswers),
      sha(corrected),
    ]);
    const again = await ctx.admin.post(url, { rows });
    expect(again.statusCode).toBe(200);
    expect(again.json().results).toEqual(first.json().results);
    expect(await storedRows(s.wave.id)).toHaveLength(2);

    // Row 2 reuses its clientId for other answers: 409, and row 1 (new) is not written either.
    const changed = await ctx.admin.post(url, {
      rows: [
        { participantCode: 'P001', clientId: 'batch-0003', data: corrected },
        { participantCode: 'P002', clientId: 'batch-0002', data: validAnswers },
      ],
      mode: 'valid_only',
    });
    expect(changed.statusCode).toBe(409);
    expect(changed.json()).toMatchObject({
      code: 'CLIENT_ID_CONFLICT',
      details: { row: 2, clientId: 'batch-0002' },
    });
    const stored = await storedRows(s.wave.id);
    expect(stored.map((r) => [r.client_id, r.content_hash]).sort()).toEqual(
      [
        ['batch-0001', sha(validAnswers)],
        ['batch-0002', sha(corrected)],
      ].sort(),
    );
  });

  it('stores one set of rows for concurrent imports of the same batch, all answered with it', async () => {
    const s = await openWaveSetup(ctx);
    const rows = [{ participantCode: 'P001', clientId: 'twin-00001', data: validAnswers }];
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => ctx.admin.post(`/api/waves/${s.wave.id}/responses`, { rows })),
    );
    expect(answers.map((r) => r.statusCode)).toEqual(Array(6).fill(200));
    const stored = await storedRows(s.wave.id);
    expect(stored).toHaveLength(1);
    for (const r of answers)
      expect(r.json().results).toEqual([
        expect.objectContaining({ id: stored[0]!.id, contentHash: sha(validAnswers) }),
      ]);
  });
});

describe('the content-hash migration', () => {
  it('hashes the rows stored before it as the app hashes new ones', async () => {
    const s = await openWaveSetup(ctx);
    const url = `/api/r/${s.participant.token}/responses`;
    await ctx.anonymous.post(url, { waveId: s.wave.id, clientId: 'mig-00001', data: validAnswers });
    await ctx.anonymous.post(url, { waveId: s.wave.id, clientId: 'mig-00002', data: corrected });
    const before = await storedRows(s.wave.id);
    // A row stored with another key order and a lone surrogate (hashed as if it were U+FFFD).
    const odd = `{"power_to_act":4,"consent":true,"note":"a\\ud800b"}`;
    await ctx.db.kysely.updateTable('responses').set({ data: odd }).where('id', '=', before[0]!.id).execute();

    await contentHashMigration.down(ctx.db.kysely);
    await contentHashMigration.up(ctx.db.kysely);

    const after = await storedRows(s.wave.id);
    expect(after.map((r) => r.content_hash)).toEqual([
      sha({ consent: true, note: 'a\uFFFDb', power_to_act: 4 }),
      before[1]!.content_hash,
    ]);
    expect(before[1]!.content_hash).toBe(sha(corrected));
    // Every other row of the database was filled too.
    const empty = await ctx.db.kysely
      .selectFrom('responses')
      .select('id')
      .where('content_hash', '=', '')
      .execute();
    expect(empty).toEqual([]);
  });
});
