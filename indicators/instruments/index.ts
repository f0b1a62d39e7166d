// Scoring of the validated instruments (see shared INSTRUMENTS.md): pure functions of one SurveyJS answer object.
export * from './answers.ts';
export * from './hfias.ts';
export * from './usda6.ts';
export * from './fies.ts';
export * from './epices.ts';
export * from './swemwbs.ts';
export * from './mastery.ts';
export * from './loneliness.ts';
export * from './hdds.ts';
export * from './mddw.ts';
export * from './short-items.ts';
