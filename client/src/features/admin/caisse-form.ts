// The caisse creation form's fields as typed, and the slug proposed from the name.

export type Form = Record<
  | 'name'
  | 'slug'
  | 'region'
  | 'commune'
  | 'territoryType'
  | 'targetPublic'
  | 'startDate'
  | 'stage'
  | 'experimentersCount'
  | 'patInvolvement',
  string
> & { ssaCollectiveMember: boolean };

export const EMPTY: Form = {
  name: '',
  slug: '',
  region: '',
  commune: '',
  territoryType: '',
  targetPublic: '',
  startDate: '',
  stage: '',
  experimentersCount: '',
  patInvolvement: 'none',
  ssaCollectiveMember: false,
};

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A slug proposed from the name: « Caisse de l’Aude » → caisse-de-l-aude. */
export function slugify(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}
