// The questionnaires feature as other folders see it.
export { findByStandardKey, findVersion, latestVersion } from './questionnaires.repository.ts';
export { syncStandardQuestionnaires } from './standard-library.ts';
export type { ValidationError } from './validator.ts';
export { ValidatorCache } from './validator-cache.ts';
