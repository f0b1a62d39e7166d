// Caisse profile vocabulary (the enums of server/caisses/caisses.schema.ts) with their French and
// English labels, and the research filters kept in the URL query (?territoryType=rural&region=76)
// so that a filtered view can be shared. Used by the research and administration screens.
import {
  DIMENSION_LABELS,
  DIMENSIONS,
  type Dimension,
  type Localized,
  PAT_INVOLVEMENTS,
  REGION_NAMES,
  STAGES,
  TARGET_PUBLICS,
  TERRITORY_TYPES,
} from '../../../../indicators/taxonomy.ts';
import type { ResearchFilters as ResearchFiltersDto } from '../../../../server/research/research.schema.ts';
import type { Lang } from '../../i18n/i18n.tsx';

export type { Dimension, Localized };
export { DIMENSION_LABELS, DIMENSIONS, PAT_INVOLVEMENTS, STAGES, TARGET_PUBLICS, TERRITORY_TYPES };

/** INSEE codes of the 18 regions, with their names. */
export const REGIONS: Record<string, string> = REGION_NAMES;
export const REGION_CODES = Object.keys(REGIONS).sort((a, b) => REGIONS[a]!.localeCompare(REGIONS[b]!, 'fr'));

export const TERRITORY_LABELS: Record<(typeof TERRITORY_TYPES)[number], Localized> = {
  urbain: { fr: 'Urbain', en: 'Urban' },
  periurbain: { fr: 'Périurbain', en: 'Peri-urban' },
  rural: { fr: 'Rural', en: 'Rural' },
};
export const PUBLIC_LABELS: Record<(typeof TARGET_PUBLICS)[number], Localized> = {
  universal: { fr: 'Tout public', en: 'Everyone' },
  precarious: { fr: 'Publics précaires', en: 'People in precarity' },
  students: { fr: 'Étudiants', en: 'Students' },
  other: { fr: 'Autre', en: 'Other' },
};
export const STAGE_LABELS: Record<(typeof STAGES)[number], Localized> = {
  reflexion: { fr: 'Réflexion', en: 'Reflection' },
  prototypage: { fr: 'Prototypage', en: 'Prototyping' },
  demarrage: { fr: 'Démarrage', en: 'Starting' },
  fonctionnement: { fr: 'Fonctionnement', en: 'Running' },
};
export const PAT_LABELS: Record<(typeof PAT_INVOLVEMENTS)[number], Localized> = {
  governance: { fr: 'Gouvernance', en: 'Governance' },
  funding: { fr: 'Financement', en: 'Funding' },
  both: { fr: 'Gouvernance et financement', en: 'Governance and funding' },
  none: { fr: 'Aucune', en: 'None' },
};

/** The label of a profile value in the reader's language (the raw code if unknown). */
export function profileLabel(
  kind: 'territoryType' | 'targetPublic' | 'stage' | 'region' | 'patInvolvement',
  code: string,
  lang: Lang,
): string {
  if (kind === 'region') return REGIONS[code] ?? code;
  const table: Record<string, Localized> =
    kind === 'territoryType'
      ? TERRITORY_LABELS
      : kind === 'targetPublic'
        ? PUBLIC_LABELS
        : kind === 'stage'
          ? STAGE_LABELS
          : PAT_LABELS;
  return table[code]?.[lang] ?? code;
}

// ---- Filters ↔ URL ----------------------------------------------------------------------------

/** The filters of the research routes (the server's querystring schema). */
export type ResearchFilters = ResearchFiltersDto;
export type FilterKey = keyof ResearchFilters;
export const FILTER_KEYS: FilterKey[] = ['territoryType', 'targetPublic', 'region', 'stage'];

const allowed: Record<FilterKey, readonly string[]> = {
  territoryType: TERRITORY_TYPES,
  targetPublic: TARGET_PUBLICS,
  region: Object.keys(REGIONS),
  stage: STAGES,
};

/** The filters in a URL query; unknown keys and values are dropped (the server refuses them). */
export function filtersFromSearch(params: URLSearchParams): ResearchFilters {
  const f: Record<string, string> = {};
  for (const k of FILTER_KEYS) {
    const v = params.get(k);
    if (v && allowed[k].includes(v)) f[k] = v;
  }
  return f as ResearchFilters;
}

/** Sets one filter in a URL query ('' removes it), keeping the other parameters. */
export function withFilter(params: URLSearchParams, key: FilterKey, value: string): URLSearchParams {
  const next = new URLSearchParams(params);
  if (value && allowed[key].includes(value)) next.set(key, value);
  else next.delete(key);
  return next;
}

/** The query string for the API (`?territoryType=rural`), '' without filters; stable order. */
export function filtersQuery(f: ResearchFilters): string {
  const p = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    const v = f[k];
    if (v) p.set(k, v);
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}
