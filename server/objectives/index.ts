// The objectives feature as other folders see it.
export { listObjectives, replaceObjectives, toObjectiveDto } from './objectives.repository.ts';
export { type ObjectiveDto, type ObjectivesPut, objectivesPutSchema } from './objectives.schema.ts';
