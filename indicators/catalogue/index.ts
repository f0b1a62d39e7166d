// The indicator catalogue: every reference sheet with its per-response measure, one file per dimension.
import type { IndicatorDefinition } from '../schema.ts';
import { accessIndicators } from './access.ts';
import { agroecologyIndicators } from './agroecology.ts';
import { democracyIndicators } from './democracy.ts';
import { economyIndicators } from './economy.ts';
import { healthIndicators } from './health.ts';

export const indicators: readonly IndicatorDefinition[] = Object.freeze([
  ...accessIndicators,
  ...democracyIndicators,
  ...agroecologyIndicators,
  ...healthIndicators,
  ...economyIndicators,
]);

export const indicatorById: ReadonlyMap<string, IndicatorDefinition> = new Map(
  indicators.map((d) => [d.id, d]),
);

export { COTISATION_BANDS, COTISATION_TIERS, AGE_BANDS, HOUSEHOLD_SIZE_BANDS } from './readers.ts';
