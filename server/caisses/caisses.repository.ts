// Caisses in the database, and their mapping to the API shape.
import type { Caisse, CaisseUpdate, Queryable } from '../db/schema.ts';
import { newId, nowIso } from '../util.ts';
import type { CaisseCreate, CaisseDto, CaisseUpdateInput } from './caisses.schema.ts';

export function toCaisseDto(c: Caisse): CaisseDto {
  return {
    id: c.id,
    name: c.name,
    slug: c.slug,
    region: c.region as CaisseDto['region'],
    commune: c.commune,
    territoryType: c.territory_type as CaisseDto['territoryType'],
    targetPublic: c.target_public as CaisseDto['targetPublic'],
    startDate: c.start_date,
    stage: c.stage as CaisseDto['stage'],
    experimentersCount: c.experimenters_count,
    ssaCollectiveMember: c.ssa_collective_member === 1,
    patInvolvement: c.pat_involvement as CaisseDto['patInvolvement'],
    createdAt: c.created_at,
    updatedAt: c.updated_at,
  };
}

function toColumns(input: CaisseUpdateInput): CaisseUpdate {
  const cols: CaisseUpdate = {};
  if (input.name !== undefined) cols.name = input.name;
  if (input.slug !== undefined) cols.slug = input.slug;
  if (input.region !== undefined) cols.region = input.region;
  if (input.commune !== undefined) cols.commune = input.commune;
  if (input.territoryType !== undefined) cols.territory_type = input.territoryType;
  if (input.targetPublic !== undefined) cols.target_public = input.targetPublic;
  if (input.startDate !== undefined) cols.start_date = input.startDate;
  if (input.stage !== undefined) cols.stage = input.stage;
  if (input.experimentersCount !== undefined) cols.experimenters_count = input.experimentersCount;
  if (input.ssaCollectiveMember !== undefined) cols.ssa_collective_member = input.ssaCollectiveMember ? 1 : 0;
  if (input.patInvolvement !== undefined) cols.pat_involvement = input.patInvolvement;
  return cols;
}

export async function insertCaisse(db: Queryable, input: CaisseCreate): Promise<Caisse> {
  const now = nowIso();
  const row: Caisse = {
    id: newId(),
    name: input.name,
    slug: input.slug,
    region: input.region,
    commune: input.commune,
    territory_type: input.territoryType,
    target_public: input.targetPublic,
    start_date: input.startDate ?? null,
    stage: input.stage,
    experimenters_count: input.experimentersCount ?? null,
    ssa_collective_member: input.ssaCollectiveMember ? 1 : 0,
    pat_involvement: input.patInvolvement ?? 'none',
    created_at: now,
    updated_at: now,
  };
  await db.insertInto('caisses').values(row).execute();
  return row;
}

export async function updateCaisse(
  db: Queryable,
  id: string,
  input: CaisseUpdateInput,
): Promise<Caisse | undefined> {
  await db
    .updateTable('caisses')
    .set({ ...toColumns(input), updated_at: nowIso() })
    .where('id', '=', id)
    .execute();
  return findCaisse(db, id);
}

export const findCaisse = (db: Queryable, id: string) =>
  db.selectFrom('caisses').selectAll().where('id', '=', id).executeTakeFirst();

export function listCaisses(db: Queryable, onlyIds: string[] | null) {
  let q = db.selectFrom('caisses').selectAll().orderBy('name');
  if (onlyIds) {
    if (onlyIds.length === 0) return Promise.resolve([]);
    q = q.where('id', 'in', onlyIds);
  }
  return q.execute();
}

/** Marks the caisse's profile as changed (its objectives are part of it). */
export const touchCaisse = (db: Queryable, id: string) =>
  db.updateTable('caisses').set({ updated_at: nowIso() }).where('id', '=', id).execute();
