// Turns a survey-core Model (built once per definition) into the flat tree that run.ts walks.
// Reading the Model rather than the raw JSON gives survey-core's own defaults and aliases
// (hasOther → showOtherItem, rateMin/rateMax → visibleRateValues, isAllRowRequired, …).
import type { ExprScope, RootVar } from './expressions.ts';
import { optionalCondition } from './expressions.ts';
import {
  type BuildCtx,
  type Built,
  type SjsQuestion,
  buildBoolean,
  buildComment,
  buildExpression,
  buildNoValue,
  buildRating,
  buildText,
} from './questions-basic.ts';
import { buildMultiChoice, buildRanking, buildSingleChoice } from './questions-choice.ts';
import { buildMatrix, buildMultipleText, buildPanelDynamic } from './questions-composite.ts';
import type { DefinitionIssue, QuestionNode, Scope } from './types.ts';

// biome-ignore lint/suspicious/noExplicitAny: survey-core elements are read dynamically
type SjsElement = any;

const BUILDERS: Record<string, (q: SjsQuestion, ctx: BuildCtx) => Built | null> = {
  text: (q, ctx) => buildText(q, ctx),
  comment: buildComment,
  radiogroup: buildSingleChoice,
  dropdown: buildSingleChoice,
  checkbox: buildMultiChoice,
  tagbox: buildMultiChoice,
  ranking: buildRanking,
  boolean: buildBoolean,
  rating: buildRating,
  matrix: buildMatrix,
  multipletext: buildMultipleText,
  paneldynamic: buildPanelDynamic,
  expression: buildExpression,
  html: buildNoValue,
  image: buildNoValue,
};

export const SUPPORTED_TYPES: readonly string[] = Object.keys(BUILDERS);

const ARRAY_VALUED = new Set(['checkbox', 'tagbox', 'ranking']);

export interface CompiledModel {
  root: Scope;
  questionNames: string[];
  issues: DefinitionIssue[];
}

interface Walker {
  issues: DefinitionIssue[];
  scope: Scope;
  expr: ExprScope;
  survey: SjsElement;
  compileTemplate(elements: SjsElement[], where: string): Scope;
}

function newScope(): Scope {
  return { nodes: [], keys: new Map(), computed: [], computedChained: false };
}

function addContainer(w: Walker, el: SjsElement, parent: number, where: string): number {
  const index = w.scope.nodes.length;
  w.scope.nodes.push({
    kind: 'container',
    name: el.name ?? '',
    parent,
    visible: el.visible !== false,
    visibleIf: optionalCondition(el.visibleIf, w.expr, `${where}.visibleIf`, w.issues),
    readOnly: el.readOnly === true,
    enableIf: optionalCondition(el.enableIf, w.expr, `${where}.enableIf`, w.issues),
    isRequired: el.isRequired === true,
    requiredIf: optionalCondition(el.requiredIf, w.expr, `${where}.requiredIf`, w.issues),
    questions: [],
  });
  return index;
}

function addQuestion(w: Walker, q: SjsQuestion, parent: number, where: string): void {
  const type: string = q.getType();
  const name: string = q.name;
  const issue = (fr: string, en: string) => w.issues.push({ path: where, message: fr, messageEn: en });
  const build = BUILDERS[type];
  if (!build) {
    issue(
      `Type de question « ${type} » (« ${name} ») non pris en charge par la validation serveur (pris en charge : ${SUPPORTED_TYPES.join(', ')})`,
      `Question type "${type}" ("${name}") is not supported by server-side validation (supported: ${SUPPORTED_TYPES.join(', ')})`,
    );
    return;
  }
  if (q.valueName) {
    issue(`« ${name} » : valueName non pris en charge`, `"${name}": valueName is not supported`);
    return;
  }
  const ctx: BuildCtx = { scope: w.expr, issues: w.issues, where, compileTemplate: w.compileTemplate };
  const built = build(q, ctx);
  if (!built) return;
  const clearIfInvisible: string = q.clearIfInvisible ?? 'default';
  const keepHidden =
    clearIfInvisible === 'none' ||
    (clearIfInvisible === 'default' && w.survey.clearInvisibleValues === 'none');
  const commentKey =
    !built.noValue && (built.commentKey || q.showCommentArea === true) ? `${name}-Comment` : null;
  const node: QuestionNode = {
    kind: 'question',
    name,
    type,
    parent,
    visible: q.visible !== false,
    visibleIf: optionalCondition(q.visibleIf, w.expr, `${where}.visibleIf`, w.issues),
    readOnly: q.readOnly === true,
    enableIf: optionalCondition(q.enableIf, w.expr, `${where}.enableIf`, w.issues),
    // survey-core never requires an expression question.
    isRequired: type !== 'expression' && q.isRequired === true,
    requiredIf:
      type === 'expression' ? null : optionalCondition(q.requiredIf, w.expr, `${where}.requiredIf`, w.issues),
    clearWhenHidden: !keepHidden,
    commentKey,
    noValue: built.noValue === true,
    computed: built.computed ?? null,
    emptyAsArray: built.emptyAsArray === true,
    trimForEmpty: q.allowSpaceAsAnswer !== true,
    domain: built.domain,
    errors: built.errors,
    panels: built.panels ?? null,
  };
  const index = w.scope.nodes.length;
  for (const key of commentKey ? [name, commentKey] : [name]) {
    if (w.scope.keys.has(key)) {
      issue(`Nom de question en double : « ${key} »`, `Duplicate question name: "${key}"`);
      return;
    }
    w.scope.keys.set(key, index);
  }
  w.scope.nodes.push(node);
  if (node.computed) w.scope.computed.push(index);
  for (let p = parent; p >= 0; ) {
    const container = w.scope.nodes[p];
    if (container?.kind !== 'container') break;
    container.questions.push(index);
    p = container.parent;
  }
}

/** Whether an expression question reads another one of the same scope. */
function markChained(scope: Scope): void {
  const names = new Set(scope.computed.map((i) => scope.nodes[i]?.name.toLowerCase()));
  scope.computedChained = scope.computed.some((i) => {
    const node = scope.nodes[i];
    return (
      node?.kind === 'question' &&
      [...(node.computed?.reads ?? [])].some((r) => names.has(r) || r === 'panel')
    );
  });
}

function walk(w: Walker, elements: SjsElement[], parent: number, where: string): void {
  for (const [i, el] of elements.entries()) {
    const here = `${where}[${i}]`;
    if (el.isPanel) {
      const index = addContainer(w, el, parent, here);
      walk(w, el.elements, index, `${here}.elements`);
    } else {
      addQuestion(w, el, parent, here);
    }
  }
}

// biome-ignore lint/suspicious/noExplicitAny: survey-core Model
export function compileModel(model: any): CompiledModel {
  const issues: DefinitionIssue[] = [];
  const survey = model;
  if (Array.isArray(survey.triggers) && survey.triggers.length > 0) {
    issues.push({
      path: 'triggers',
      message:
        'Les déclencheurs (triggers) ne sont pas pris en charge par la validation serveur : utilisez visibleIf sur les pages',
      messageEn: 'Triggers are not supported by server-side validation: use visibleIf on pages instead',
    });
  }
  if (Array.isArray(survey.calculatedValues) && survey.calculatedValues.length > 0) {
    issues.push({
      path: 'calculatedValues',
      message:
        'Les valeurs calculées (calculatedValues) ne sont pas prises en charge : utilisez une question « expression »',
      messageEn: 'Calculated values are not supported: use an "expression" question',
    });
  }
  const rootNames = new Map<string, RootVar>();
  const questionNames: string[] = [];
  for (const q of survey.getAllQuestions(false, false, false) as SjsQuestion[]) {
    const type: string = q.getType();
    rootNames.set(String(q.name).toLowerCase(), {
      name: q.name,
      emptyAsArray: ARRAY_VALUED.has(type),
      computed: type === 'expression',
    });
    if (type !== 'html' && type !== 'image') questionNames.push(q.name);
  }
  const compileTemplate = (elements: SjsElement[], where: string): Scope => {
    const tw: Walker = {
      issues,
      survey,
      scope: newScope(),
      expr: { rootNames, inPanel: true, allowItem: false },
      compileTemplate,
    };
    walk(tw, elements, -1, where);
    markChained(tw.scope);
    return tw.scope;
  };
  const w: Walker = {
    issues,
    survey,
    scope: newScope(),
    expr: { rootNames, inPanel: false, allowItem: false },
    compileTemplate,
  };
  for (const [i, page] of (survey.pages as SjsElement[]).entries()) {
    const index = addContainer(w, page, -1, `pages[${i}]`);
    walk(w, page.elements, index, `pages[${i}].elements`);
  }
  markChained(w.scope);
  return { root: w.scope, questionNames, issues };
}
