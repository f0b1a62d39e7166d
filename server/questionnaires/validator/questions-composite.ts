// Value rules of the composite questions: matrix (single choice), multipletext, paneldynamic.
import { type ExprScope, optionalCondition } from './expressions.ts';
import { report } from './messages.ts';
import { type BuildCtx, type Built, type SjsQuestion, buildText, unsupported } from './questions-basic.ts';
import { compileValidators } from './sjs-validators.ts';
import type { Cond, DomainCheck, Env, ErrorsCheck } from './types.ts';
import {
  type Primitive,
  isEmptyAnswer,
  isEmptyValue,
  isPlainObject,
  isPrimitive,
  positive,
} from './values.ts';

interface Item {
  value: Primitive;
  visibleIf: Cond | null;
}

function items(list: SjsQuestion[], ctx: BuildCtx, label: string): Item[] | null {
  const out: Item[] = [];
  for (const [i, it] of list.entries()) {
    if (!isPrimitive(it.value)) {
      return unsupported(
        ctx,
        `Valeur non simple dans ${label} : ${JSON.stringify(it.value)}`,
        `Non-plain value in ${label}: ${JSON.stringify(it.value)}`,
      );
    }
    out.push({
      value: it.value,
      visibleIf: optionalCondition(
        it.visibleIf,
        ctx.scope,
        `${ctx.where}.${label}[${i}].visibleIf`,
        ctx.issues,
      ),
    });
  }
  return out;
}

function visibleItem(it: Item, all: Cond | null, env: Env): boolean {
  if (it.visibleIf && !it.visibleIf.run(env)) return false;
  return all ? all.run({ ...env, item: it.value }) : true;
}

/** matrix: { row: column }, rows and columns must exist and be visible. */
export function buildMatrix(q: SjsQuestion, ctx: BuildCtx): Built | null {
  if (q.cellType && q.cellType !== 'radio') {
    return unsupported(
      ctx,
      `Matrice avec cellType « ${q.cellType} » non prise en charge`,
      `Matrix with cellType "${q.cellType}" is not supported`,
    );
  }
  if (q.hideIfRowsEmpty)
    return unsupported(ctx, 'hideIfRowsEmpty non pris en charge', 'hideIfRowsEmpty is not supported');
  const rows = items(q.rows, ctx, 'rows');
  const columns = items(q.columns, ctx, 'columns');
  if (!rows || !columns) return null;
  const itemScope: ExprScope = { ...ctx.scope, allowItem: true };
  const rowsIf = optionalCondition(q.rowsVisibleIf, itemScope, `${ctx.where}.rowsVisibleIf`, ctx.issues);
  const columnsIf = optionalCondition(
    q.columnsVisibleIf,
    itemScope,
    `${ctx.where}.columnsVisibleIf`,
    ctx.issues,
  );
  const rowByKey = new Map(rows.map((r) => [String(r.value), r]));
  const columnByValue = new Map(columns.map((c) => [c.value, c]));
  const domain: DomainCheck = (value, path, env, sink) => {
    if (!isPlainObject(value)) {
      report(
        sink,
        path,
        'wrong_type',
        path,
        'un objet { ligne: colonne }',
        'an object { row: column }',
        value,
      );
      return false;
    }
    let valid = true;
    for (const key of Object.keys(value)) {
      const row = rowByKey.get(key);
      const cellPath = `${path}.${key}`;
      if (!row) {
        report(sink, cellPath, 'unknown_row', path, key);
        valid = false;
        continue;
      }
      if (!visibleItem(row, rowsIf, env)) {
        report(sink, cellPath, 'hidden_row', path, key);
        valid = false;
        continue;
      }
      const cell = value[key];
      const column = isPrimitive(cell) ? columnByValue.get(cell) : undefined;
      if (!column) {
        report(sink, cellPath, 'not_a_choice', cellPath, cell);
        valid = false;
      } else if (!visibleItem(column, columnsIf, env)) {
        report(sink, cellPath, 'hidden_choice', cellPath, cell);
        valid = false;
      }
    }
    return valid;
  };
  const errors: ErrorsCheck[] = [];
  const eachRowRequired = q.eachRowRequired === true || q.isAllRowRequired === true;
  const eachRowUnique = q.eachRowUnique === true;
  if (eachRowRequired || eachRowUnique) {
    // survey-core: also when the whole matrix is unanswered.
    errors.push((value, path, env, sink) => {
      const obj = isPlainObject(value) ? value : {};
      const seen = new Set<unknown>();
      let missing = false;
      let duplicate = false;
      for (const row of rows) {
        if (!visibleItem(row, rowsIf, env)) continue;
        const cell = obj[String(row.value)];
        if (isEmptyValue(cell)) missing = true;
        else if (seen.has(cell)) duplicate = true;
        else seen.add(cell);
      }
      if (eachRowRequired && missing) report(sink, path, 'required_all_rows', path);
      if (eachRowUnique && duplicate) report(sink, path, 'rows_not_unique', path);
    });
  }
  errors.push(...compileValidators(q.validators, ctx.scope, ctx.where, ctx.issues));
  return { domain, errors };
}

/** multipletext: { item: text }, each item a text editor with its own rules. */
export function buildMultipleText(q: SjsQuestion, ctx: BuildCtx): Built | null {
  const compiled: { name: string; built: Built; required: boolean; trim: boolean }[] = [];
  for (const [i, item] of (q.items as SjsQuestion[]).entries()) {
    const built = buildText(item.editor, { ...ctx, where: `${ctx.where}.items[${i}]` }, item.validators);
    if (!built) return null;
    compiled.push({
      name: item.name,
      built,
      required: item.isRequired === true,
      trim: item.editor?.allowSpaceAsAnswer !== true,
    });
  }
  const byName = new Map(compiled.map((c) => [c.name, c]));
  const domain: DomainCheck = (value, path, env, sink, data) => {
    if (!isPlainObject(value)) {
      report(
        sink,
        path,
        'wrong_type',
        path,
        'un objet { élément: valeur }',
        'an object { item: value }',
        value,
      );
      return false;
    }
    let valid = true;
    for (const key of Object.keys(value)) {
      const item = byName.get(key);
      if (!item) {
        report(sink, `${path}.${key}`, 'unknown_key', `${path}.${key}`);
        valid = false;
      } else if (
        value[key] !== undefined &&
        !item.built.domain(value[key], `${path}.${key}`, env, sink, data)
      ) {
        valid = false;
      }
    }
    return valid;
  };
  // survey-core validates each item's editor, even when the question is unanswered.
  const errors: ErrorsCheck[] = [
    (value, path, env, sink, data) => {
      const obj = isPlainObject(value) ? value : {};
      for (const item of compiled) {
        const v = obj[item.name];
        const itemPath = `${path}.${item.name}`;
        if (item.required && isEmptyAnswer(v, item.trim)) report(sink, itemPath, 'required', itemPath);
        for (const check of item.built.errors) check(v, itemPath, env, sink, data);
      }
    },
    ...compileValidators(q.validators, ctx.scope, ctx.where, ctx.issues),
  ];
  return { domain, errors };
}

/** paneldynamic: an array of items, each validated against the template (see run.ts). */
export function buildPanelDynamic(q: SjsQuestion, ctx: BuildCtx): Built | null {
  if (ctx.scope.inPanel) {
    return unsupported(
      ctx,
      'Panneau dynamique imbriqué dans un autre non pris en charge',
      'A dynamic panel inside another one is not supported',
    );
  }
  if (q.templateVisibleIf || q.templateEnableIf) {
    return unsupported(
      ctx,
      'templateVisibleIf / templateEnableIf non pris en charge',
      'templateVisibleIf / templateEnableIf are not supported',
    );
  }
  const scope = ctx.compileTemplate(q.template.elements, `${ctx.where}.templateElements`);
  const minCount = positive(q.minPanelCount);
  const maxCount = positive(q.maxPanelCount) || Number.POSITIVE_INFINITY;
  const domain: DomainCheck = (value, path, _env, sink) => {
    if (!Array.isArray(value)) {
      report(sink, path, 'wrong_type', path, 'une liste d’objets', 'an array of objects', value);
      return false;
    }
    if (value.length > maxCount) report(sink, path, 'max_panels', path, maxCount);
    if (value.length > 0 && value.length < minCount) report(sink, path, 'min_panels', path, minCount);
    return true;
  };
  return {
    domain,
    errors: compileValidators(q.validators, ctx.scope, ctx.where, ctx.issues),
    panels: {
      scope,
      minCount,
      maxCount,
      initialCount: Math.max(minCount, positive(q.panelCount)),
      keyName: typeof q.keyName === 'string' && q.keyName !== '' ? q.keyName : null,
    },
  };
}
