// Constants shared by the catalogue files.
import type { DisaggregationKey } from '../schema.ts';

/** Participant-level indicators: every participant attribute, plus the caisse's profile for cross-caisse views. */
export const PARTICIPANT_DISAGGREGATIONS: DisaggregationKey[] = [
  'cotisation_tier',
  'household_type',
  'household_size_band',
  'respondent_sex',
  'age_band',
  'collection_mode',
  'territory_type',
  'target_public',
];

/** Caisse-level accounts: only the caisse's profile (research view across caisses). */
export const CAISSE_DISAGGREGATIONS: DisaggregationKey[] = ['territory_type', 'target_public'];

/** Citation for a question Récolte defines itself (no validated instrument exists for it). */
export function recolteSource(module: string, extra = ''): string {
  return (
    `Récolte question module "${module}" (defined for this indicator, not a validated instrument)` +
    `${extra ? `; ${extra}` : ''}. Dimensions after Let's Food & Vertigo Lab, étude nationale sur les caisses ` +
    'alimentaires, 2025.'
  );
}
