// The participants feature as other folders see it.
export {
  findParticipantByToken,
  findParticipantsByCodes,
  findParticipantWithWave,
  insertParticipant,
  setConsent,
} from './participants.repository.ts';
export { type Attributes, participantCodeSchema } from './participants.schema.ts';
export { participantLink, reissueTokenIn } from './participants.service.ts';
