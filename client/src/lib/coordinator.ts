// The coordinator screens' API helpers (profile, objectives, indicators, questionnaires, waves,
// participants, exports), their response types, and the pure logic the screens share (tested in
// coordinator.test.ts): % ↔ fraction, objectives without an indicator, CSV rows → participants,
// server validation details → per-field errors.
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  DEFAULT_OBJECTIVE_DIMENSIONS,
  DIMENSIONS,
  type Dimension,
  isStandardObjective,
  OBJECTIVE_LABELS,
  PAT_INVOLVEMENTS,
  REGION_NAMES,
  STAGES,
  STANDARD_OBJECTIVES,
  TARGET_PUBLICS,
  TERRITORY_TYPES,
} from '../../../indicators/taxonomy.ts';
import { ApiError, api } from './api.ts';
import type { Lang } from '../i18n/i18n.tsx';

export {
  DEFAULT_OBJECTIVE_DIMENSIONS,
  DIMENSIONS,
  isStandardObjective,
  OBJECTIVE_LABELS,
  STANDARD_OBJECTIVES,
};
export type { Dimension };

const enc = encodeURIComponent;
const c = (caisseId: string) => `/caisses/${enc(caisseId)}`;

// ---- Caisse profile ---------------------------------------------------------------------------

/** The regions for a select, in alphabetical order of their names. */
export const INSEE_REGIONS: { code: string; name: string }[] = Object.entries(REGION_NAMES)
  .map(([code, name]) => ({ code, name }))
  .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
export { PAT_INVOLVEMENTS, STAGES, TARGET_PUBLICS, TERRITORY_TYPES };

export interface CaisseProfile {
  id: string;
  name: string;
  slug: string;
  region: string;
  commune: string;
  territoryType: (typeof TERRITORY_TYPES)[number];
  targetPublic: (typeof TARGET_PUBLICS)[number];
  startDate: string | null;
  stage: (typeof STAGES)[number];
  experimentersCount: number | null;
  ssaCollectiveMember: boolean;
  patInvolvement: (typeof PAT_INVOLVEMENTS)[number];
  createdAt: string;
  updatedAt: string;
}
export type CaisseProfileUpdate = Partial<Omit<CaisseProfile, 'id' | 'createdAt' | 'updatedAt'>>;

// ---- Objectives -------------------------------------------------------------------------------

export interface Objective {
  id: string;
  code: string;
  standard: boolean;
  label: string;
  labelEn: string | null;
  dimensions: Dimension[];
  description: string | null;
  priority: number | null;
}
export interface ObjectiveInput {
  code: string;
  label?: string;
  dimensions?: Dimension[];
  description?: string | null;
  priority?: number | null;
}

// ---- Indicators -------------------------------------------------------------------------------

export interface Localized {
  fr: string;
  en: string;
}
export interface ReferenceSheet {
  id: string;
  version: number;
  label: Localized;
  description: Localized;
  dimension: Dimension;
  objectives: string[];
  level: 'participant' | 'caisse';
  module: string;
  extraModules?: string[];
  questions: string[];
  unit: Localized;
  direction: 'higher_is_better' | 'lower_is_better' | 'neutral';
  kind: 'proportion' | 'mean' | 'distribution' | 'ratio';
  categories?: { code: string; label: Localized }[];
  headlineCategories?: string[];
  missingRule: Localized;
  disaggregations: string[];
  method: Localized;
  source: string;
  range?: { min: number; max: number };
}
export const PERIODICITIES = ['each_wave', 'quarterly', 'biannual', 'annual'] as const;
export type Periodicity = (typeof PERIODICITIES)[number];
export interface SelectionItem {
  indicatorId: string;
  objectives: string[];
  baseline: number | null;
  target: number | null;
  periodicity: Periodicity | null;
}

/** Values of this indicator are shares (0–1) shown and entered as percentages. */
export function isShare(sheet: Pick<ReferenceSheet, 'unit' | 'range' | 'kind'>): boolean {
  if (sheet.kind === 'proportion' || sheet.kind === 'distribution') return true;
  return sheet.unit.fr.trim().startsWith('%') && sheet.range?.min === 0 && sheet.range?.max === 1;
}

/** What the input shows for a stored value: a percentage for shares (0.25 → "25"). */
export function toInput(value: number | null, share: boolean): string {
  if (value === null || !Number.isFinite(value)) return '';
  const v = share ? value * 100 : value;
  return String(Math.round(v * 1e6) / 1e6);
}

/** What is stored for an input: shares as fractions ("25" → 0.25; "12,5" → 0.125). Null when empty, NaN when not a number. */
export function fromInput(text: string, share: boolean): number | null {
  const t = text.trim().replace(/\s/g, '').replace(',', '.').replace(/%$/, '');
  if (t === '') return null;
  const n = Number(t);
  if (!Number.isFinite(n)) return Number.NaN;
  return share ? Math.round((n / 100) * 1e9) / 1e9 : n;
}

/** Declared objectives that no selected indicator evidences (the ○ list). */
export function objectivesWithoutIndicator(
  objectives: readonly Pick<Objective, 'code'>[],
  selection: readonly Pick<SelectionItem, 'objectives'>[],
): string[] {
  const covered = new Set(selection.flatMap((s) => s.objectives));
  return objectives.map((o) => o.code).filter((code) => !covered.has(code));
}

/** The label of an objective in the reader's language. */
export function objectiveLabel(o: Pick<Objective, 'code' | 'label' | 'labelEn'>, lang: Lang): string {
  if (isStandardObjective(o.code)) return OBJECTIVE_LABELS[o.code][lang];
  return lang === 'en' && o.labelEn ? o.labelEn : o.label;
}

// ---- Questionnaires ---------------------------------------------------------------------------

export interface QuestionnaireSummary {
  id: string;
  caisseId: string | null;
  standardKey: string | null;
  origin: 'standard' | 'assembled' | 'custom';
  title: string;
  level: 'participant' | 'caisse';
  latestVersionId: string;
  latestVersion: number;
  createdAt: string;
  updatedAt: string;
}
export interface VersionSummary {
  id: string;
  version: number;
  createdAt: string;
  questionNames: string[];
}
export interface QuestionnaireDetail extends QuestionnaireSummary {
  versions: VersionSummary[];
  definition: Record<string, unknown>;
}
export interface VersionDetail extends VersionSummary {
  questionnaireId: string;
  title: string;
  level: 'participant' | 'caisse';
  definition: Record<string, unknown>;
}
export interface VersionCreated {
  id: string;
  versionId: string;
  version: number;
  title: string;
  level: 'participant' | 'caisse';
  caisseId: string | null;
}
export interface Assembled {
  questionnaireId: string;
  versionId: string;
  version: number;
  modules: string[];
  changed: boolean;
}
export interface DefinitionIssue {
  path?: string;
  message: string;
  messageEn?: string;
}

// ---- Waves ------------------------------------------------------------------------------------

export interface Wave {
  id: string;
  caisseId: string;
  questionnaireVersionId: string;
  questionnaireId: string;
  level: 'participant' | 'caisse';
  period: string;
  opensAt: string | null;
  closesAt: string | null;
  status: 'draft' | 'open' | 'closed';
  isBaseline: boolean;
  acceptingResponses: boolean;
  submitted: number;
  participants: number;
  responseRate: number | null;
  createdAt: string;
  updatedAt: string;
}
export interface WaveCreate {
  questionnaireVersionId: string;
  period: string;
  opensAt?: string | null;
  closesAt?: string | null;
  status?: Wave['status'];
  isBaseline?: boolean;
}

// ---- Participants -----------------------------------------------------------------------------

export const HOUSEHOLD_TYPES = [
  'single',
  'couple',
  'single_parent',
  'couple_children',
  'shared',
  'other',
] as const;
export type HouseholdType = (typeof HOUSEHOLD_TYPES)[number];
export interface ParticipantAttributes {
  cotisationTier?: string;
  householdSize?: number;
  householdType?: HouseholdType;
}
export interface Participant {
  id: string;
  code: string;
  attributes: ParticipantAttributes;
  consent: 'unknown' | 'given' | 'refused';
  linkActive: boolean;
  tokenIssuedAt: string | null;
  createdAt: string;
}
export interface ParticipantWithToken extends Participant {
  token: string;
  link: string;
}
export interface ParticipantInput {
  code: string;
  attributes?: ParticipantAttributes;
}
export interface ImportRowError {
  row: number;
  code: string | null;
  messages: string[];
}

/** The link as a full URL (the server gives a path when it does not know its public address). */
export function absoluteLink(link: string, origin = globalThis.location?.origin ?? ''): string {
  return /^https?:\/\//.test(link) ? link : `${origin}${link.startsWith('/') ? '' : '/'}${link}`;
}

/**
 * Rows of a parsed CSV (header row → objects) as the import body: `code` kept as text, the
 * household size as a number when it is one (left as text otherwise, for the server to report),
 * empty cells left out. Header names are matched without case, spaces, `_` or `-`.
 */
export function csvRowsToParticipants(rows: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  const norm = (k: string) => k.toLowerCase().replace(/[\s_-]/g, '');
  const columns: Record<string, 'code' | 'cotisationTier' | 'householdSize' | 'householdType'> = {
    code: 'code',
    cotisationtier: 'cotisationTier',
    householdsize: 'householdSize',
    householdtype: 'householdType',
  };
  return rows
    .map((row) => {
      const out: Record<string, unknown> = {};
      const attributes: Record<string, unknown> = {};
      for (const [key, raw] of Object.entries(row)) {
        const field = columns[norm(key)];
        if (!field) continue;
        const value = typeof raw === 'string' ? raw.trim() : raw;
        if (value === '' || value === null || value === undefined) continue;
        if (field === 'code') out.code = String(value);
        else if (field === 'householdSize') {
          const n = Number(String(value).replace(',', '.'));
          attributes.householdSize = Number.isFinite(n) ? n : value;
        } else attributes[field] = String(value);
      }
      if (Object.keys(attributes).length > 0) out.attributes = attributes;
      return out;
    })
    .filter((r) => Object.keys(r).length > 0);
}

// ---- Errors -----------------------------------------------------------------------------------

/** The 400 of the request validator as { field: message } (details: [{ path: 'body/region', message }]). */
export function fieldErrors(err: unknown): Record<string, string> {
  if (!(err instanceof ApiError) || err.status !== 400 || !Array.isArray(err.details)) return {};
  const out: Record<string, string> = {};
  for (const d of err.details as { path?: string; message?: string }[]) {
    const path = (d.path ?? '').replace(/^body\/?/, '');
    const field = path.split('/')[0] || '_';
    if (!out[field]) out[field] = d.message ?? '';
  }
  return out;
}

/** The reasons of an INVALID_DEFINITION (400) in the reader's language. */
export function definitionIssues(err: unknown, lang: Lang): string[] {
  if (!(err instanceof ApiError) || !Array.isArray(err.details)) return [];
  return (err.details as DefinitionIssue[]).map((d) => {
    const text = lang === 'en' && d.messageEn ? d.messageEn : d.message;
    return d.path ? `${d.path} — ${text}` : text;
  });
}

export function importErrors(err: unknown): ImportRowError[] {
  if (!(err instanceof ApiError) || err.status !== 422) return [];
  const errors = (err.details as { errors?: unknown } | undefined)?.errors;
  return Array.isArray(errors) ? (errors as ImportRowError[]) : [];
}

// ---- Calls ------------------------------------------------------------------------------------

type Items<T> = { items: T[] };

export const coordinatorApi = {
  caisse: (id: string) => api.get<CaisseProfile>(c(id)),
  updateCaisse: (id: string, body: CaisseProfileUpdate) => api.patch<CaisseProfile>(c(id), body),

  objectives: async (id: string) => (await api.get<Items<Objective>>(`${c(id)}/objectives`)).items,
  saveObjectives: async (id: string, objectives: ObjectiveInput[]) =>
    (await api.put<Items<Objective>>(`${c(id)}/objectives`, { objectives })).items,

  library: async () => (await api.get<Items<ReferenceSheet>>('/indicators')).items,
  selection: async (id: string) =>
    (await api.get<{ indicators: SelectionItem[] }>(`${c(id)}/indicators`)).indicators,
  saveSelection: async (id: string, indicators: SelectionItem[]) =>
    (await api.put<{ indicators: SelectionItem[] }>(`${c(id)}/indicators`, { indicators })).indicators,

  questionnaires: async (id: string) =>
    (await api.get<Items<QuestionnaireSummary>>(`${c(id)}/questionnaires`)).items,
  questionnaire: (qid: string) => api.get<QuestionnaireDetail>(`/questionnaires/${enc(qid)}`),
  version: (vid: string) => api.get<VersionDetail>(`/questionnaire-versions/${enc(vid)}`),
  assemble: (id: string) =>
    api.post<{ participant: Assembled | null; caisse: Assembled | null }>(
      `${c(id)}/questionnaires/assemble`,
      {},
    ),
  createQuestionnaire: (
    id: string,
    body: { title: string; level: 'participant' | 'caisse'; definition: Record<string, unknown> | string },
  ) => api.post<VersionCreated>(`${c(id)}/questionnaires`, body),
  addVersion: (qid: string, definition: Record<string, unknown> | string) =>
    api.post<VersionCreated>(`/questionnaires/${enc(qid)}/versions`, { definition }),

  waves: async (id: string) => (await api.get<Items<Wave>>(`${c(id)}/waves`)).items,
  createWave: (id: string, body: WaveCreate) => api.post<Wave>(`${c(id)}/waves`, body),
  updateWave: (wid: string, body: Partial<WaveCreate>) => api.patch<Wave>(`/waves/${enc(wid)}`, body),

  participants: async (id: string) => (await api.get<Items<Participant>>(`${c(id)}/participants`)).items,
  addParticipant: (id: string, body: ParticipantInput) =>
    api.post<ParticipantWithToken>(`${c(id)}/participants`, body),
  importParticipants: (id: string, rows: unknown[]) =>
    api.post<{ created: ParticipantWithToken[]; errors: ImportRowError[] }>(`${c(id)}/participants/import`, {
      rows,
    }),
  reissue: (pid: string) => api.post<ParticipantWithToken>(`/participants/${enc(pid)}/token`),
  revoke: (pid: string) => api.del<Participant>(`/participants/${enc(pid)}/token`),
  erase: (pid: string) => api.del<{ erased: true }>(`/participants/${enc(pid)}`),
};

/** Plain links to the export routes (the server answers with a file). */
export const exportUrls = {
  csv: (id: string, wave: string) => `/api${c(id)}/exports/responses.csv?wave=${enc(wave)}`,
  csvExcel: (id: string, wave: string) =>
    `/api${c(id)}/exports/responses.csv?wave=${enc(wave)}&delimiter=${enc(';')}&bom=true`,
  xlsx: (id: string, wave: string) => `/api${c(id)}/exports/responses.xlsx?wave=${enc(wave)}`,
  codebook: (id: string, wave: string) => `/api${c(id)}/exports/codebook.csv?wave=${enc(wave)}`,
};

// ---- Loading ----------------------------------------------------------------------------------

export type Load<T> =
  | { kind: 'loading' }
  | { kind: 'error'; error: unknown }
  | { kind: 'ready'; data: T; reloading: boolean };

/** Loads data for a screen; `reload()` fetches again (keeping the old data on screen meanwhile). */
export function useLoad<T>(fn: () => Promise<T>, deps: readonly unknown[]) {
  const [state, setState] = useState<Load<T>>({ kind: 'loading' });
  const seq = useRef(0);
  // `deps` are what `fn` depends on (the caller lists them, as for useEffect).
  const run = useCallback(async () => {
    const mine = ++seq.current;
    setState((s) => (s.kind === 'ready' ? { ...s, reloading: true } : { kind: 'loading' }));
    try {
      const data = await fn();
      if (mine === seq.current) setState({ kind: 'ready', data, reloading: false });
    } catch (error) {
      if (mine === seq.current) setState({ kind: 'error', error });
    }
    // biome-ignore lint/correctness/useExhaustiveDependencies: the caller lists what `fn` depends on
  }, deps);
  useEffect(() => {
    void run();
  }, [run]);
  const set = useCallback((data: T) => setState({ kind: 'ready', data, reloading: false }), []);
  return { state, reload: run, set };
}

/** A message for any failure (the server's own message for 4xx, which is French). */
export function errorMessage(err: unknown, lang: Lang): string {
  if (err instanceof ApiError) {
    if (err.isNetwork)
      return lang === 'fr'
        ? 'Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.'
        : 'The server is not responding. Check your connection and try again.';
    if (err.status >= 500)
      return lang === 'fr' ? 'Le serveur a rencontré un problème.' : 'The server ran into a problem.';
    if (err.status === 403)
      return lang === 'fr' ? 'Vous n’avez pas accès à cette action.' : 'You are not allowed to do this.';
    return err.message;
  }
  return err instanceof Error ? err.message : String(err);
}
