import { beforeEach, describe, expect, it } from 'vitest';
import { chooseStartData, createLinkPrefs, createLocalStore, shortHash } from './local-store.ts';

describe('participant local store', () => {
  beforeEach(() => localStorage.clear());

  it('reuses the clientId of an unacknowledged submission, and makes a new one after', () => {
    const s = createLocalStore('token-aaaaaaaaaaaaaaaaaaaaaa', 'wave-1');
    const first = s.startSubmission({ consent: true });
    expect(first.clientId).toMatch(/^[A-Za-z0-9_-]{8,100}$/);
    const retry = s.startSubmission({ consent: true });
    expect(retry.clientId).toBe(first.clientId);
    // Survives a reload: a new store over the same storage.
    expect(createLocalStore('token-aaaaaaaaaaaaaaaaaaaaaa', 'wave-1').pending()?.clientId).toBe(
      first.clientId,
    );
    s.clearPending();
    expect(s.startSubmission({ consent: true }).clientId).not.toBe(first.clientId);
  });

  it('separates two people on one device, and never stores the token in a key', () => {
    const a = createLocalStore('token-of-person-a-xxxxxxxx', 'w');
    const b = createLocalStore('token-of-person-b-xxxxxxxx', 'w');
    a.saveDraft({ q: 1 }, false);
    expect(b.draft()).toBeNull();
    expect(Object.keys(localStorage).some((k) => k.includes('token-of-person-a'))).toBe(false);
    expect(shortHash('a')).not.toBe(shortHash('b'));
  });

  it('marks a draft synced only if nothing newer was typed', () => {
    const s = createLocalStore('token-cccccccccccccccccccc', 'w');
    s.saveDraft({ q: 1 }, false);
    s.markDraftSynced({ q: 1 });
    expect(s.draft()?.synced).toBe(true);
    s.saveDraft({ q: 2 }, false);
    s.markDraftSynced({ q: 1 });
    expect(s.draft()?.synced).toBe(false);
  });

  it('starts from unsynced local answers, else the server draft, else the local copy', () => {
    const server = { data: { from: 'server' } };
    const local = (synced: boolean) => ({ data: { from: 'local' }, savedAt: '', synced });
    expect(chooseStartData(local(false), server)).toEqual({ from: 'local' });
    expect(chooseStartData(local(true), server)).toEqual({ from: 'server' });
    expect(chooseStartData(local(true), null)).toEqual({ from: 'local' });
    expect(chooseStartData(null, null)).toBeNull();
  });

  it('keeps the questionnaire language per link, under a hashed key', () => {
    const a = createLinkPrefs('token-of-person-a-xxxxxxxx');
    expect(a.locale()).toBeNull();
    a.setLocale('en');
    expect(createLinkPrefs('token-of-person-a-xxxxxxxx').locale()).toBe('en');
    expect(createLinkPrefs('token-of-person-b-xxxxxxxx').locale()).toBeNull();
    expect(Object.keys(localStorage).some((k) => k.includes('token-of-person-a'))).toBe(false);
  });
});
