// Conditions and expressions, evaluated by survey-core's own engine (ConditionRunner /
// ExpressionRunner), each parsed once at compile time.
//
// Speed: survey-core looks a variable up by scanning every key of the values object
// (case-insensitively), so each run gets a small object holding only the variables that
// expression uses, resolved at compile time against the question names.
import { ConditionRunner, ExpressionRunner } from 'survey-core';
import type { Cond, DefinitionIssue, Env, Expr } from './types.ts';

export interface RootVar {
  name: string;
  /** checkbox, tagbox, ranking: survey-core exposes [] when empty. */
  emptyAsArray: boolean;
  /** expression question: read the computed value. */
  computed: boolean;
}

export interface ExprScope {
  /** Lower-case name → question, for every question outside dynamic panels. */
  rootNames: Map<string, RootVar>;
  /** Inside a dynamic panel template: {panel.x}, {panelIndex}. */
  inPanel: boolean;
  /** choicesVisibleIf, rowsVisibleIf, columnsVisibleIf: {item}. */
  allowItem: boolean;
}

interface Source {
  alias: string;
  get(env: Env): unknown;
}

const EMPTY: readonly unknown[] = Object.freeze([]);

function rootOf(variable: string): string {
  const first = variable.split('.')[0] ?? '';
  const bracket = first.indexOf('[');
  return (bracket >= 0 ? first.slice(0, bracket) : first).trim();
}

function resolve(
  variables: string[],
  scope: ExprScope,
  where: string,
  text: string,
  issues: DefinitionIssue[],
): Source[] | null {
  const sources = new Map<string, Source>();
  let ok = true;
  for (const variable of variables) {
    const root = rootOf(variable);
    const alias = root.toLowerCase();
    if (sources.has(alias)) continue;
    if (root.startsWith('$')) {
      issues.push({
        path: where,
        message: `Expression « ${text} » : les références aux propriétés ({${variable}}) ne sont pas prises en charge par la validation serveur`,
        messageEn: `Expression "${text}": property references ({${variable}}) are not supported by server-side validation`,
      });
      ok = false;
      continue;
    }
    if (scope.inPanel && alias === 'panel') {
      sources.set(alias, { alias, get: (env) => env.panel });
      continue;
    }
    if (scope.inPanel && (alias === 'panelindex' || alias === 'visiblepanelindex')) {
      sources.set(alias, { alias, get: (env) => env.panelIndex });
      continue;
    }
    if (scope.allowItem && alias === 'item') {
      sources.set(alias, { alias, get: (env) => env.item });
      continue;
    }
    const q = scope.rootNames.get(alias);
    if (q) {
      const { name } = q;
      const get: Source['get'] = q.computed
        ? (env) => env.rootComputed?.[name]
        : q.emptyAsArray
          ? (env) => env.root[name] ?? EMPTY
          : (env) => env.root[name];
      sources.set(alias, { alias, get });
      continue;
    }
    const hint = scope.inPanel ? ` (dans un panneau dynamique, utilisez {panel.${root}})` : '';
    const hintEn = scope.inPanel ? ` (inside a dynamic panel, use {panel.${root}})` : '';
    issues.push({
      path: where,
      message: `Expression « ${text} » : variable inconnue {${variable}}${hint}`,
      messageEn: `Expression "${text}": unknown variable {${variable}}${hintEn}`,
    });
    ok = false;
  }
  return ok ? [...sources.values()] : null;
}

function valuesFor(sources: Source[], env: Env): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const s of sources) values[s.alias] = s.get(env);
  return values;
}

function parseIssue(where: string, text: string): DefinitionIssue {
  return {
    path: where,
    message: `Expression invalide : « ${text} »`,
    messageEn: `Invalid expression: "${text}"`,
  };
}

/** The variables a parsed runner reads, resolved in scope; null (with the reason) if it cannot run here. */
function prepare(
  runner: ConditionRunner | ExpressionRunner,
  text: string,
  scope: ExprScope,
  where: string,
  issues: DefinitionIssue[],
) {
  if (!runner.canRun()) {
    issues.push(parseIssue(where, text));
    return null;
  }
  if (runner.isAsync) {
    issues.push({
      path: where,
      message: `Expression « ${text} » : les fonctions asynchrones ne sont pas prises en charge`,
      messageEn: `Expression "${text}": asynchronous functions are not supported`,
    });
    return null;
  }
  return resolve(runner.getVariables(), scope, where, text, issues);
}

/** Compiles a condition (visibleIf, enableIf, requiredIf, validators). Null on a problem (reported). */
export function compileCondition(
  text: string,
  scope: ExprScope,
  where: string,
  issues: DefinitionIssue[],
): Cond | null {
  const runner = new ConditionRunner(text);
  const sources = prepare(runner, text, scope, where, issues);
  if (!sources) return null;
  return { run: (env) => runner.runValues(valuesFor(sources, env)) === true };
}

/** Compiles a computed expression (expression question, min/maxValueExpression). */
export function compileExpression(
  text: string,
  scope: ExprScope,
  where: string,
  issues: DefinitionIssue[],
): Expr | null {
  const runner = new ExpressionRunner(text);
  const sources = prepare(runner, text, scope, where, issues);
  if (!sources) return null;
  return {
    run: (env) => runner.runValues(valuesFor(sources, env)),
    reads: new Set(sources.map((s) => s.alias)),
  };
}

/** Compiles an optional condition property ('' or undefined → null). */
export function optionalCondition(
  text: unknown,
  scope: ExprScope,
  where: string,
  issues: DefinitionIssue[],
): Cond | null {
  return typeof text === 'string' && text.trim() !== '' ? compileCondition(text, scope, where, issues) : null;
}
