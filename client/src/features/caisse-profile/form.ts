// The profile form's fields as typed (text for numbers and dates) and the PATCH body they make.
import type { CaisseProfile, CaisseProfileUpdate } from './api.ts';

export type Form = {
  name: string;
  slug: string;
  region: string;
  commune: string;
  territoryType: string;
  targetPublic: string;
  startDate: string;
  stage: string;
  experimentersCount: string;
  ssaCollectiveMember: boolean;
  patInvolvement: string;
};

export const toForm = (c: CaisseProfile): Form => ({
  name: c.name,
  slug: c.slug,
  region: c.region,
  commune: c.commune,
  territoryType: c.territoryType,
  targetPublic: c.targetPublic,
  startDate: c.startDate ?? '',
  stage: c.stage,
  experimentersCount: c.experimentersCount === null ? '' : String(c.experimentersCount),
  ssaCollectiveMember: c.ssaCollectiveMember,
  patInvolvement: c.patInvolvement,
});

export function toBody(f: Form): CaisseProfileUpdate {
  const count = f.experimentersCount.trim();
  return {
    name: f.name,
    slug: f.slug,
    region: f.region as CaisseProfile['region'],
    commune: f.commune,
    territoryType: f.territoryType as CaisseProfile['territoryType'],
    targetPublic: f.targetPublic as CaisseProfile['targetPublic'],
    startDate: f.startDate || null,
    stage: f.stage as CaisseProfile['stage'],
    experimentersCount: count === '' ? null : Number(count),
    ssaCollectiveMember: f.ssaCollectiveMember,
    patInvolvement: f.patInvolvement as CaisseProfile['patInvolvement'],
  };
}
