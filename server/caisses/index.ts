// The caisses feature as other folders see it.
export { findCaisse, insertCaisse, toCaisseDto, touchCaisse } from './caisses.repository.ts';
export {
  type CaisseCreate,
  type CaisseDto,
  caisseCreateSchema,
  INSEE_REGIONS,
  stages,
  targetPublics,
  territoryTypes,
} from './caisses.schema.ts';
