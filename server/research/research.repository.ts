// The research view's reads: caisses by profile, and the fingerprint of everything it depends on.
import type { Caisse, Queryable } from '../db/schema.ts';
import type { ResearchFilters } from './research.schema.ts';

/**
 * Every write is audited in its own transaction, so the tail of the audit log (the latest instant and
 * how many entries carry it) changes with any change of responses, profiles, objectives, selections or
 * waves: an exact cache key read through an index, whatever the size of the data.
 */
export async function globalFingerprint(k: Queryable): Promise<string> {
  const last = await k.selectFrom('audit_log').select('at').orderBy('at', 'desc').limit(1).executeTakeFirst();
  if (!last) return 'empty';
  const same = await k
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('at', '=', last.at)
    .executeTakeFirst();
  return `${last.at}#${Number(same?.n ?? 0)}`;
}

export function filteredCaisses(k: Queryable, f: ResearchFilters): Promise<Caisse[]> {
  let q = k.selectFrom('caisses').selectAll().orderBy('name');
  if (f.territoryType) q = q.where('territory_type', '=', f.territoryType);
  if (f.targetPublic) q = q.where('target_public', '=', f.targetPublic);
  if (f.region) q = q.where('region', '=', f.region);
  if (f.stage) q = q.where('stage', '=', f.stage);
  return q.execute();
}
