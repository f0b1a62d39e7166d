// Creating questionnaires and versions inside the caller's transaction: every definition is checked before it is saved.
import type { Queryable, Questionnaire, QuestionnaireVersion } from '../db/schema.ts';
import { badRequest } from '../http/errors.ts';
import { checkDefinition } from './definition-check.ts';
import { insertQuestionnaire, insertVersion } from './questionnaires.repository.ts';

/** Throws a 400 with every reason when the definition is not a valid SurveyJS questionnaire. */
export function checkedDefinition(input: unknown) {
  const result = checkDefinition(input);
  if (!result.ok) {
    throw badRequest(
      'INVALID_DEFINITION',
      `Définition SurveyJS invalide : ${result.errors.map((e) => e.message).join(' ; ')}`,
      result.errors,
    );
  }
  return result;
}

export async function createQuestionnaire(
  trx: Queryable,
  input: {
    caisseId: string | null;
    standardKey?: string | null;
    origin?: string;
    title: string;
    level: string;
    definition: unknown;
  },
  createdBy: string | null,
): Promise<{ questionnaire: Questionnaire; version: QuestionnaireVersion }> {
  const checked = checkedDefinition(input.definition);
  const questionnaire = await insertQuestionnaire(trx, input);
  const version = await insertVersion(trx, {
    questionnaireId: questionnaire.id,
    definition: checked.definition,
    questionNames: checked.questionNames,
    createdBy,
  });
  return { questionnaire, version };
}

export async function addVersion(
  trx: Queryable,
  questionnaireId: string,
  definition: unknown,
  createdBy: string | null,
) {
  const checked = checkedDefinition(definition);
  return insertVersion(trx, {
    questionnaireId,
    definition: checked.definition,
    questionNames: checked.questionNames,
    createdBy,
  });
}
