// What the participant's own device keeps, per link and wave, in localStorage:
// - the answers as last typed, with whether the server has them (a draft made offline survives a
//   reload and wins over the server's older copy);
// - a submission not yet acknowledged: its clientId (so a retry, even after a reload, is the same
//   submission for the server) and its answers.
// Keys carry a short hash of the token, never the token itself, so two people sharing a phone do
// not mix their answers.
import type { SurveyData } from './api.ts';

export interface LocalDraft {
  data: SurveyData;
  savedAt: string;
  /** True once the server has acknowledged this exact data. */
  synced: boolean;
}

export interface PendingSubmission {
  clientId: string;
  data: SurveyData;
  since: string;
}

/** FNV-1a, 32 bits, in base 36: a key separator, not a secret. */
export function shortHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

type KV = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function storage(): KV | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function newClientId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // Older browsers: 128 random bits from getRandomValues, same alphabet the server accepts.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function createLocalStore(token: string, waveId: string, kv: KV | null = storage()) {
  const prefix = `recolte.r.${shortHash(token)}.${waveId}`;
  const read = <T>(key: string): T | null => {
    try {
      const raw = kv?.getItem(key);
      return raw ? (JSON.parse(raw) as T) : null;
    } catch {
      return null;
    }
  };
  const write = (key: string, value: unknown) => {
    try {
      kv?.setItem(key, JSON.stringify(value));
    } catch {
      // full or disabled: the server copy is then the only one
    }
  };
  const remove = (key: string) => {
    try {
      kv?.removeItem(key);
    } catch {
      // nothing to do
    }
  };

  return {
    draft: () => read<LocalDraft>(`${prefix}.draft`),
    saveDraft: (data: SurveyData, synced: boolean) =>
      write(`${prefix}.draft`, { data, savedAt: new Date().toISOString(), synced } satisfies LocalDraft),
    markDraftSynced(data: SurveyData) {
      const d = read<LocalDraft>(`${prefix}.draft`);
      // Only if nothing newer was typed meanwhile.
      if (d && JSON.stringify(d.data) === JSON.stringify(data))
        write(`${prefix}.draft`, { ...d, synced: true });
    },
    clearDraft: () => remove(`${prefix}.draft`),
    pending: () => read<PendingSubmission>(`${prefix}.pending`),
    /** The submission to send: the one waiting (same clientId), or a new one. */
    startSubmission(data: SurveyData): PendingSubmission {
      const existing = read<PendingSubmission>(`${prefix}.pending`);
      const p: PendingSubmission = {
        clientId: existing?.clientId ?? newClientId(),
        data,
        since: existing?.since ?? new Date().toISOString(),
      };
      write(`${prefix}.pending`, p);
      return p;
    },
    clearPending: () => remove(`${prefix}.pending`),
  };
}

export type LocalStore = ReturnType<typeof createLocalStore>;

/**
 * The answers to start from: unsynced local answers (typed offline on this device) first, then the
 * server's draft (any device), then whatever this device had.
 */
export function chooseStartData(
  local: LocalDraft | null,
  server: { data: SurveyData } | null,
): SurveyData | null {
  if (local && !local.synced) return local.data;
  return server?.data ?? local?.data ?? null;
}

/** The link's preferences on this device (not per wave): the questionnaire language chosen. */
export function createLinkPrefs(token: string, kv: KV | null = storage()) {
  const key = `recolte.r.${shortHash(token)}.locale`;
  return {
    locale(): string | null {
      try {
        return kv?.getItem(key) ?? null;
      } catch {
        return null;
      }
    },
    setLocale(locale: string): void {
      try {
        kv?.setItem(key, locale);
      } catch {
        // full or disabled: the choice lasts for this page only
      }
    },
  };
}

export type LinkPrefs = ReturnType<typeof createLinkPrefs>;
