// Récolte's indicator library: reference sheets, per-response measures and pure aggregation. No database, no
// server imports: it takes answers or stored measures and returns values.
export * from './schema.ts';
export * from './measure.ts';
export * from './stats.ts';
export * from './format.ts';
export * from './engine.ts';
export * from './codec.ts';
export * from './aggregate.ts';
export * from './result.ts';
export * from './gaps.ts';
export { indicators, indicatorById } from './catalogue/index.ts';
export { monitoringAccounts, type MonitoringAccounts } from './catalogue/economy.ts';
export {
  AGE_BANDS,
  COTISATION_BANDS,
  COTISATION_TIERS,
  HOUSEHOLD_SIZE_BANDS,
  ageBand,
  cotisationBand,
  cotisationTier,
  householdSizeBand,
} from './catalogue/readers.ts';
export * from './instruments/index.ts';
