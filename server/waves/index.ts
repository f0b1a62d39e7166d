// The waves feature as other folders see it.
export {
  countParticipants,
  findWave,
  insertWave,
  isAccepting,
  listWaves,
  submittedCounts,
  type WaveWithLevel,
} from './waves.repository.ts';
