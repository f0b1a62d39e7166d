// Test helpers: compile a small definition, and ask survey-core (the reference) for its verdict.
import { Model } from 'survey-core';
import { checkDefinition } from '../../../server/questionnaires/definition-check.ts';
import { type CompiledValidator, compileValidator } from '../../../server/questionnaires/validator.ts';

export type Json = Record<string, unknown>;

/** A one-page definition from a list of elements (checked first, so tests use valid definitions). */
export function definition(elements: Json[], extra: Json = {}): Json {
  return { pages: [{ name: 'p1', elements }], ...extra };
}

/** Checks then compiles a full definition (tests only use definitions checkDefinition accepts). */
export function compileChecked(def: Json): CompiledValidator {
  const checked = checkDefinition(def);
  if (!checked.ok) throw new Error(`definition refused: ${JSON.stringify(checked.errors)}`);
  return compileValidator(def);
}

export function compile(elements: Json[], extra: Json = {}): CompiledValidator {
  return compileChecked(definition(elements, extra));
}

/** Error codes our validator reports (empty when accepted). */
export function codes(v: CompiledValidator, data: unknown): string[] {
  const res = v.validate(data);
  return res.ok ? [] : res.errors.map((e) => `${e.question}:${e.code}`);
}

/** survey-core's verdict with the working sequence of STACK.md: its error texts, [] when valid. */
export function surveyCoreErrors(model: Model, data: Json): string[] {
  model.clear(true, true);
  model.data = structuredClone(data);
  const valid = model.validate(true, false);
  if (valid) return [];
  const texts = [
    ...model
      .getAllQuestions(false, false, true)
      .flatMap((q) => q.errors.map((e) => `${q.name}: ${e.getText()}`)),
    ...model
      .getAllPanels(false, true)
      .flatMap((p) =>
        (p as unknown as { errors: { getText(): string }[] }).errors.map((e) => `${p.name}: ${e.getText()}`),
      ),
  ];
  return texts.length > 0 ? texts : ['(invalid)'];
}

export function surveyCoreModel(elements: Json[], extra: Json = {}): Model {
  return new Model(definition(elements, extra));
}
