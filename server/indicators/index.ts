// The indicators folder's public module: what other feature folders may use.
export { valueSchema } from './indicators.schema.ts';
export { analyseWave } from './analysis.service.ts';
export type { CaisseGaps } from './analysis.service.ts';
export { deleteMeasures } from './measures.repository.ts';
export { pruneSelectionObjectives } from './selection.ts';
export { computeResults } from './results.service.ts';
export { replaceSelection, selectionPutSchema } from './selection.ts';
export type { Selection } from './selection.ts';
export type { WaveAnalysis, WaveCount } from './analysis.service.ts';
export { sourceWaves } from './results.service.ts';
export type { IndicatorResult, WaveResults } from './results.service.ts';
export { storedMeasures } from './measures.ts';
export { insertMeasures } from './measures.repository.ts';
export { listSelection } from './selection.ts';
