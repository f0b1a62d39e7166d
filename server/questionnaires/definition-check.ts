// Checks a SurveyJS definition before it is saved: survey-core must load it cleanly, names must
// be present and unique, expressions must parse, and the response validator must support every
// question (a definition we cannot validate is refused rather than accepting unchecked data).
import { Model } from 'survey-core';
import { type SurveyDefinition, tryCompileValidator } from './validator.ts';
import type { DefinitionIssue } from './validator/types.ts';
import { isPlainObject } from './validator/values.ts';
import type { DefinitionError } from './questionnaires.schema.ts';

export type { SurveyDefinition } from './validator.ts';
/** One reason a definition is refused: the details of INVALID_DEFINITION (questionnaires.schema.ts). */
export type { DefinitionError };

export type DefinitionCheck =
  | { ok: true; definition: SurveyDefinition; questionNames: string[] }
  | { ok: false; errors: DefinitionError[] };

// Names that expressions resolve as variables of their own; a question must not shadow them.
const RESERVED = new Set([
  'panel',
  'panelindex',
  'visiblepanelindex',
  'parentpanel',
  'prevpanel',
  'nextpanel',
  'item',
  'row',
  'rowindex',
  'locale',
  'pageno',
  'pagecount',
  'questioncount',
  'correctanswers',
  'incorrectanswers',
]);

interface RawQuestion {
  name: string;
  path: string;
}

/** Walks the raw JSON: element paths (for survey-core's errors) and question names. */
function walkRaw(def: Record<string, unknown>, errors: DefinitionError[]) {
  const paths = new WeakMap<object, string>();
  const questions: RawQuestion[] = [];
  const visit = (elements: unknown, where: string) => {
    if (!Array.isArray(elements)) return;
    for (const [i, el] of elements.entries()) {
      const path = `${where}[${i}]`;
      if (!isPlainObject(el)) continue; // survey-core reports it (missing type)
      paths.set(el, path);
      const type = typeof el.type === 'string' ? el.type.toLowerCase() : '';
      if (type === 'panel' || type === 'flowpanel') {
        visit(el.elements ?? el.questions, `${path}.elements`);
        continue;
      }
      if (typeof el.name !== 'string' || el.name.trim() === '') {
        errors.push({ path, message: 'Question sans nom', messageEn: 'Question without a name' });
      } else {
        questions.push({ name: el.name, path });
      }
      if (type === 'paneldynamic') visit(el.templateElements, `${path}.templateElements`);
      if (type === 'multipletext' && Array.isArray(el.items)) {
        const seen = new Set<string>();
        for (const [j, item] of el.items.entries()) {
          const itemName = isPlainObject(item) ? item.name : typeof item === 'string' ? item : undefined;
          if (typeof itemName !== 'string' || itemName.trim() === '') {
            errors.push({
              path: `${path}.items[${j}]`,
              message: 'Élément sans nom',
              messageEn: 'Item without a name',
            });
          } else if (seen.has(itemName)) {
            errors.push({
              path: `${path}.items[${j}]`,
              message: `Élément en double : « ${itemName} »`,
              messageEn: `Duplicate item: "${itemName}"`,
            });
          } else seen.add(itemName);
        }
      }
    }
  };
  if (Array.isArray(def.pages)) {
    for (const [i, page] of def.pages.entries()) {
      if (!isPlainObject(page)) continue;
      paths.set(page, `pages[${i}]`);
      visit(page.elements ?? page.questions, `pages[${i}].elements`);
    }
  }
  visit(def.elements ?? def.questions, 'elements');
  return { paths, questions };
}

function checkNames(questions: RawQuestion[], errors: DefinitionError[]): void {
  const seen = new Map<string, string>();
  for (const { name, path } of questions) {
    const lower = name.toLowerCase();
    const first = seen.get(lower);
    if (first !== undefined) {
      errors.push({
        path,
        message: `Nom de question en double : « ${name} » (déjà utilisé en ${first}, la casse ne compte pas)`,
        messageEn: `Duplicate question name: "${name}" (already used at ${first}, case-insensitive)`,
      });
    } else seen.set(lower, path);
    if (
      /[.[\]{}]/.test(name) ||
      name !== name.trim() ||
      /-(comment|unwrapped)$/i.test(name) ||
      RESERVED.has(lower)
    ) {
      errors.push({
        path,
        message: `Nom de question non utilisable dans les expressions : « ${name} » (ni . [ ] { }, ni espace au bord, ni suffixe -Comment, ni nom réservé)`,
        messageEn: `Question name unusable in expressions: "${name}" (no . [ ] { }, no edge spaces, no -Comment suffix, no reserved name)`,
      });
    }
  }
}

// biome-ignore lint/suspicious/noExplicitAny: survey-core JsonError objects
function fromJsonError(e: any, paths: WeakMap<object, string>): DefinitionError | null {
  const obj = e.jsonObj;
  const path = obj && typeof obj === 'object' ? paths.get(obj) : undefined;
  const at = path ?? (obj && typeof obj === 'object' && typeof obj.name === 'string' ? obj.name : undefined);
  switch (e.type) {
    case 'unknownproperty':
      return {
        path: at,
        message: `Propriété inconnue « ${e.propertyName} » (type « ${e.className} »)`,
        messageEn: `Unknown property "${e.propertyName}" (type "${e.className}")`,
      };
    case 'incorrecttypeproperty':
      return {
        path: at,
        message: `Type inconnu « ${obj?.type} » dans « ${e.propertyName} »`,
        messageEn: `Unknown type "${obj?.type}" in "${e.propertyName}"`,
      };
    case 'missingtypeproperty':
      return {
        path: at,
        message: `Élément sans type dans « ${e.propertyName} »`,
        messageEn: `Element without a type in "${e.propertyName}"`,
      };
    case 'requiredproperty':
      // A question without a name is reported by the walk, with its path.
      if (e.propertyName === 'name') return null;
      return {
        path: at,
        message: `Propriété obligatoire « ${e.propertyName} » manquante (type « ${e.className} »)`,
        messageEn: `Required property "${e.propertyName}" is missing (type "${e.className}")`,
      };
    default:
      return { path: at, message: `Erreur de définition : ${e.message}`, messageEn: String(e.message) };
  }
}

const EXPRESSION_ERRORS: Record<number, [string, string]> = {
  0: ['syntaxe invalide', 'invalid syntax'],
  1: ['fonction inconnue', 'unknown function'],
};

export function checkDefinition(input: unknown): DefinitionCheck {
  let def: unknown = input;
  if (typeof input === 'string') {
    try {
      def = JSON.parse(input);
    } catch (e) {
      const reason = (e as Error).message;
      return {
        ok: false,
        errors: [{ message: `JSON invalide : ${reason}`, messageEn: `Invalid JSON: ${reason}` }],
      };
    }
  }
  if (!isPlainObject(def)) {
    return {
      ok: false,
      errors: [
        {
          message: 'La définition doit être un objet JSON',
          messageEn: 'The definition must be a JSON object',
        },
      ],
    };
  }
  const errors: DefinitionError[] = [];
  if (def.pages !== undefined && def.elements !== undefined) {
    // survey-core then silently ignores "pages".
    errors.push({
      message: '« pages » et « elements » ne peuvent pas être utilisés ensemble',
      messageEn: '"pages" and "elements" cannot be used together',
    });
  }
  const { paths, questions } = walkRaw(def, errors);
  checkNames(questions, errors);

  let model: Model;
  try {
    model = new Model(def);
  } catch (e) {
    const reason = (e as Error).message;
    return {
      ok: false,
      errors: [
        ...errors,
        {
          message: `survey-core ne peut pas charger la définition : ${reason}`,
          messageEn: `survey-core cannot load the definition: ${reason}`,
        },
      ],
    };
  }
  for (const e of model.jsonErrors ?? []) {
    const err = fromJsonError(e, paths);
    if (err) errors.push(err);
  }
  const valued = model
    .getAllQuestions(false, false, true)
    .filter((q) => !['html', 'image'].includes(q.getType()));
  if (valued.length === 0) {
    errors.push({
      message: 'Le questionnaire ne contient aucune question',
      messageEn: 'The questionnaire has no question',
    });
  }
  let syntaxChecked = false;
  for (const res of model.validateExpressions({ functions: true, variables: false, semantics: false })) {
    // biome-ignore lint/suspicious/noExplicitAny: survey-core element or validator
    const obj: any = res.obj;
    const owner = obj?.name ?? obj?.errorOwner?.name ?? obj?.getType?.() ?? '';
    const text = String(obj?.[res.propertyName] ?? '');
    for (const err of res.errors) {
      const kind = EXPRESSION_ERRORS[err.errorType];
      if (!kind) continue;
      syntaxChecked ||= err.errorType === 0;
      errors.push({
        path: `${owner}.${res.propertyName}`,
        message: `Expression « ${text} » : ${kind[0]}${err.functionName ? ` (${err.functionName})` : ''}`,
        messageEn: `Expression "${text}": ${kind[1]}${err.functionName ? ` (${err.functionName})` : ''}`,
      });
    }
  }
  const compiled = tryCompileValidator(def);
  if (!compiled.ok) {
    const seen = new Set(errors.map((e) => e.message));
    for (const issue of compiled.issues as DefinitionIssue[]) {
      // survey-core already reported the syntax errors above.
      if (syntaxChecked && issue.message.startsWith('Expression invalide')) continue;
      if (!seen.has(issue.message)) errors.push(issue);
      seen.add(issue.message);
    }
  }
  if (errors.length > 0 || !compiled.ok) return { ok: false, errors };
  return { ok: true, definition: def, questionNames: [...compiled.validator.questionNames] };
}
