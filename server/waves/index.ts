// The waves feature as other folders see it.
export { findWave, insertWave, isAccepting, listWaves, type WaveWithLevel } from './waves.repository.ts';
