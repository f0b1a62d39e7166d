// Validates one response against a compiled scope: unknown keys, computed expressions,
// visibility / read-only in dependency order (parents first), then each question's rules.
import { createSink, report } from './messages.ts';
import type { DynamicPanels, Env, QuestionNode, Scope, Sink, ValidationResult } from './types.ts';
import { isEmptyAnswer, isEmptyValue, isPlainObject } from './values.ts';

const own = (obj: Record<string, unknown>, key: string): unknown =>
  Object.hasOwn(obj, key) ? obj[key] : undefined;

/**
 * Computes the expression questions (a submitted value is ignored), repeating while one changes
 * when they read each other. Root scope: into env.rootComputed, so the response is never copied
 * for conditions; a panel item (small) is copied into env.panel.
 */
function computeExpressions(scope: Scope, env: Env, isRoot: boolean): Record<string, unknown> {
  let values: Record<string, unknown>;
  if (isRoot) {
    values = {};
    env.rootComputed = values;
  } else {
    values = { ...env.panel };
    for (const i of scope.computed) values[(scope.nodes[i] as QuestionNode).name] = undefined;
    env.panel = values;
  }
  const passes = scope.computedChained ? scope.computed.length + 1 : 1;
  for (let pass = 0; pass < passes; pass++) {
    let changed = false;
    for (const i of scope.computed) {
      const node = scope.nodes[i] as QuestionNode;
      let v = node.computed?.run(env);
      if (isEmptyValue(v)) v = undefined;
      const before = values[node.name];
      if (v !== before && (typeof v !== 'object' || JSON.stringify(v) !== JSON.stringify(before))) {
        values[node.name] = v;
        changed = true;
      }
    }
    if (!changed) break;
  }
  return values;
}

function keyOf(v: unknown): string {
  // survey-core compares keys case-insensitively, trimmed, 1 == "1".
  return typeof v === 'string'
    ? v.trim().toLowerCase()
    : typeof v === 'number'
      ? String(v)
      : JSON.stringify(v);
}

function runPanels(
  panels: DynamicPanels,
  value: unknown,
  path: string,
  env: Env,
  sink: Sink,
  readOnly: boolean,
): unknown {
  let items: unknown[];
  if (Array.isArray(value) && value.length > 0) items = value;
  else if (!readOnly && panels.initialCount > 0) {
    // survey-core creates these empty panels when there is no value and validates them.
    items = Array.from({ length: panels.initialCount }, () => ({}));
  } else return value;
  const out: unknown[] = [];
  const keys = new Set<string>();
  for (const [i, item] of items.entries()) {
    const itemPath = `${path}[${i}]`;
    if (!isPlainObject(item)) {
      report(sink, itemPath, 'wrong_type', itemPath, 'un objet', 'an object', item);
      continue;
    }
    const itemEnv: Env = { root: env.root, rootComputed: env.rootComputed, panel: item, panelIndex: i };
    out.push(runScope(panels.scope, item, itemEnv, `${itemPath}.`, sink, readOnly));
    if (panels.keyName && !readOnly) {
      const k = item[panels.keyName];
      if (!isEmptyValue(k)) {
        const norm = keyOf(k);
        if (keys.has(norm))
          report(sink, `${itemPath}.${panels.keyName}`, 'key_not_unique', `${itemPath}.${panels.keyName}`);
        keys.add(norm);
      }
    }
  }
  return value === undefined || !Array.isArray(value) || value.length === 0 ? value : out;
}

/**
 * Validates `data` against `scope`; returns the data to store (expression values recomputed).
 * `env` is completed here with this scope's values (root, or panel item).
 */
export function runScope(
  scope: Scope,
  data: Record<string, unknown>,
  env: Env,
  prefix: string,
  sink: Sink,
  inheritedReadOnly: boolean,
): Record<string, unknown> {
  for (const key in data) {
    if (!scope.keys.has(key)) report(sink, prefix + key, 'unknown_key', prefix + key);
  }
  const hasComputed = scope.computed.length > 0;
  const computed = hasComputed ? computeExpressions(scope, env, prefix === '') : null;
  const { nodes } = scope;
  const n = nodes.length;
  const visible = new Uint8Array(n);
  const readOnly = new Uint8Array(n);
  // The data to store: a copy only when expression values are replaced.
  let out: Record<string, unknown> | null = hasComputed ? { ...data } : null;
  for (let i = 0; i < n; i++) {
    const node = nodes[i] as (typeof nodes)[number];
    const pVisible = node.parent < 0 ? true : visible[node.parent] === 1;
    const pReadOnly = node.parent < 0 ? inheritedReadOnly : readOnly[node.parent] === 1;
    const isVisible = pVisible && (node.visibleIf ? node.visibleIf.run(env) : node.visible);
    const isReadOnly = pReadOnly || (node.enableIf ? !node.enableIf.run(env) : node.readOnly);
    visible[i] = isVisible ? 1 : 0;
    readOnly[i] = isReadOnly ? 1 : 0;
    if (node.kind === 'container') continue;

    const path = prefix + node.name;
    if (node.computed) {
      if (out && computed) {
        const v = computed[node.name];
        if (isVisible && v !== undefined) out[node.name] = v;
        else delete out[node.name];
      }
      continue;
    }
    const value = own(data, node.name);
    const comment = node.commentKey ? own(data, node.commentKey) : undefined;
    if (node.noValue) {
      if (value !== undefined) report(sink, path, 'no_value', path);
      continue;
    }
    if (!isVisible && node.clearWhenHidden) {
      if (value !== undefined) report(sink, path, 'hidden_value', path);
      if (comment !== undefined)
        report(sink, prefix + node.commentKey, 'hidden_value', prefix + node.commentKey);
      continue;
    }
    let valueOk = true;
    if (value !== undefined) valueOk = node.domain(value, path, env, sink, data);
    if (comment !== undefined && typeof comment !== 'string') {
      report(
        sink,
        prefix + node.commentKey,
        'wrong_type',
        prefix + node.commentKey,
        'un texte',
        'a string',
        comment,
      );
    }
    if (!isVisible) continue;
    if (node.panels && valueOk) {
      const res = runPanels(node.panels, value, path, env, sink, isReadOnly);
      if (res !== value) {
        out ??= { ...data };
        out[node.name] = res;
      }
    }
    if (isReadOnly) continue;
    const required = node.requiredIf ? node.requiredIf.run(env) : node.isRequired;
    if (required && isEmptyAnswer(value, node.trimForEmpty)) report(sink, path, 'required', path);
    if (valueOk) for (const check of node.errors) check(value, path, env, sink, data);
  }
  for (let i = 0; i < n; i++) {
    const node = nodes[i];
    if (node?.kind !== 'container' || !visible[i] || readOnly[i]) continue;
    if (!(node.requiredIf ? node.requiredIf.run(env) : node.isRequired)) continue;
    const shown = node.questions.filter((q) => visible[q] === 1);
    if (shown.length === 0) continue;
    const answered = shown.some(
      (q) =>
        !isEmptyAnswer(own(data, (nodes[q] as QuestionNode).name), (nodes[q] as QuestionNode).trimForEmpty),
    );
    if (!answered) report(sink, prefix + node.name, 'one_answer_required', prefix + node.name);
  }
  return out ?? data;
}

export function validateWith(root: Scope, data: unknown): ValidationResult {
  const sink = createSink();
  if (!isPlainObject(data)) {
    report(sink, null, 'not_an_object');
    return { ok: false, errors: sink.errors };
  }
  const env: Env = { root: data };
  const out = runScope(root, data, env, '', sink, false);
  return sink.errors.length > 0 ? { ok: false, errors: sink.errors } : { ok: true, data: out };
}
