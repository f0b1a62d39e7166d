// Every migration, imported statically so that the bundled server carries them (no directory scan).
import type { Migration } from 'kysely';
import * as m0001 from './2026_11_23_0001_foundation.ts';
import * as m0002 from './2026_11_23_0002_accounts.ts';
import * as m0003 from './2026_11_23_0003_indicators.ts';
import * as m0004 from './2026_11_23_0004_questionnaire_origin.ts';
import * as m0005 from './2026_11_23_0005_audit_time_index.ts';
import * as m0006 from './2026_11_23_0006_app_state.ts';
import * as m0007 from './2026_11_23_0007_measures_single_index.ts';
import * as m0008 from './2026_12_05_0008_response_content_hash.ts';
import * as m0009 from './2026_12_05_0009_response_collection_mode.ts';

export const migrations: Record<string, Migration> = {
  '2026_11_23_0001_foundation': m0001,
  '2026_11_23_0002_accounts': m0002,
  '2026_11_23_0003_indicators': m0003,
  '2026_11_23_0004_questionnaire_origin': m0004,
  '2026_11_23_0005_audit_time_index': m0005,
  '2026_11_23_0006_app_state': m0006,
  '2026_11_23_0007_measures_single_index': m0007,
  '2026_12_05_0008_response_content_hash': m0008,
  '2026_12_05_0009_response_collection_mode': m0009,
};
