// Server-side validation of SurveyJS responses. A definition is compiled once (with survey-core's
// Model, ~25 ms) into plain checks; a response is then validated in microseconds, with rules at
// least as strict as survey-core's and stricter where survey-core is lax (values outside the
// choices or the rating scale, wrong JSON types, unknown keys, values of hidden questions).
// Conditions run on survey-core's own expression engine. See validator/README.md for the rules.
import { Model } from 'survey-core';
import { compileModel } from './validator/compile.ts';
import { validateWith } from './validator/run.ts';
import type { CompiledValidator, DefinitionIssue, SurveyDefinition } from './validator/types.ts';

export type {
  CompiledValidator,
  DefinitionIssue,
  SurveyDefinition,
  ValidationError,
  ValidationResult,
} from './validator/types.ts';
export { SUPPORTED_TYPES } from './validator/compile.ts';

/** Thrown by compileValidator when the definition uses something the validator cannot check. */
export class UnsupportedDefinitionError extends Error {
  constructor(readonly issues: DefinitionIssue[]) {
    super(`Définition non prise en charge : ${issues.map((i) => i.message).join(' ; ')}`);
    this.name = 'UnsupportedDefinitionError';
  }
}

/** Compiles without throwing: the validator, or the reasons it cannot be built. */
export function tryCompileValidator(
  definition: SurveyDefinition,
): { ok: true; validator: CompiledValidator } | { ok: false; issues: DefinitionIssue[] } {
  const compiled = compileModel(new Model(definition));
  if (compiled.issues.length > 0) return { ok: false, issues: compiled.issues };
  const { root, questionNames } = compiled;
  return {
    ok: true,
    validator: { questionNames, validate: (data: unknown) => validateWith(root, data) },
  };
}

/**
 * Compiles a definition (assumed checked by checkDefinition) into a fast validator.
 * @throws UnsupportedDefinitionError
 */
export function compileValidator(definition: SurveyDefinition): CompiledValidator {
  const res = tryCompileValidator(definition);
  if (!res.ok) throw new UnsupportedDefinitionError(res.issues);
  return res.validator;
}
