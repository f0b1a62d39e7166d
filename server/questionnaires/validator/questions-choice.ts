// Value rules of the choice questions: radiogroup, dropdown, checkbox, tagbox, ranking.
// Stricter than survey-core, which silently drops (or keeps as "other" text) a value outside the
// choices: here a value must be one of the visible choices, compared with === (1 is not "1").
import { type ExprScope, optionalCondition } from './expressions.ts';
import { report } from './messages.ts';
import { type BuildCtx, type Built, type SjsQuestion, unsupported } from './questions-basic.ts';
import { compileValidators } from './sjs-validators.ts';
import type { Cond, DomainCheck, Env, ErrorsCheck } from './types.ts';
import { type Primitive, isPrimitive, positive } from './values.ts';

interface Choice {
  value: Primitive;
  visibleIf: Cond | null;
  /** Subject to choicesVisibleIf (the built-in other/none/refuse/dontknow items are not). */
  filtered: boolean;
  exclusive: boolean;
}

interface Choices {
  list: Choice[];
  byValue: Map<Primitive, Choice>;
  choicesVisibleIf: Cond | null;
  otherValue: Primitive | null;
}

function isVisible(c: Choice, set: Choices, env: Env): boolean {
  if (c.visibleIf && !c.visibleIf.run(env)) return false;
  if (c.filtered && set.choicesVisibleIf) {
    return set.choicesVisibleIf.run({ ...env, item: c.value });
  }
  return true;
}

function compileChoices(q: SjsQuestion, ctx: BuildCtx): Choices | null {
  const type: string = q.getType();
  if (q.hasChoicesUrl || q.choicesByUrl?.url) {
    return unsupported(
      ctx,
      'Choix chargés depuis une URL (choicesByUrl) non pris en charge',
      'Choices loaded from a URL (choicesByUrl) are not supported',
    );
  }
  if (q.choicesFromQuestion) {
    return unsupported(
      ctx,
      'Choix copiés d’une autre question (choicesFromQuestion) non pris en charge',
      'Choices copied from another question (choicesFromQuestion) are not supported',
    );
  }
  if (q.valuePropertyName) {
    return unsupported(ctx, 'valuePropertyName non pris en charge', 'valuePropertyName is not supported');
  }
  if (q.hideIfChoicesEmpty) {
    return unsupported(ctx, 'hideIfChoicesEmpty non pris en charge', 'hideIfChoicesEmpty is not supported');
  }
  if (q.showOtherItem && typeof q.getStoreOthersAsComment === 'function' && !q.getStoreOthersAsComment()) {
    return unsupported(
      ctx,
      '« Autre » enregistré dans la valeur (storeOthersAsComment: false, ou zone de commentaire avec « autre ») non pris en charge : la précision doit aller dans <nom>-Comment',
      '"Other" stored in the value (storeOthersAsComment: false, or a comment area together with "other") is not supported: the text must go to <name>-Comment',
    );
  }
  const itemScope: ExprScope = { ...ctx.scope, allowItem: true };
  const choicesVisibleIf = optionalCondition(
    q.choicesVisibleIf,
    itemScope,
    `${ctx.where}.choicesVisibleIf`,
    ctx.issues,
  );
  const list: Choice[] = [];
  const add = (value: unknown, visibleIf: Cond | null, filtered: boolean, exclusive: boolean): boolean => {
    if (!isPrimitive(value)) {
      unsupported(
        ctx,
        `Valeur de choix non simple : ${JSON.stringify(value)}`,
        `Choice value is not a plain value: ${JSON.stringify(value)}`,
      );
      return false;
    }
    list.push({ value, visibleIf, filtered, exclusive });
    return true;
  };
  if (type === 'dropdown' && q.choicesMax > q.choicesMin) {
    const step = q.choicesStep > 0 ? q.choicesStep : 1;
    for (let v = q.choicesMin; v <= q.choicesMax; v += step) add(v, null, true, false);
  }
  for (const [i, item] of (q.choices as SjsQuestion[]).entries()) {
    if (item.showCommentArea) {
      return unsupported(
        ctx,
        'Commentaire par choix (showCommentArea sur un choix) non pris en charge',
        'Per-choice comments (showCommentArea on a choice) are not supported',
      );
    }
    const cond = optionalCondition(
      item.visibleIf,
      ctx.scope,
      `${ctx.where}.choices[${i}].visibleIf`,
      ctx.issues,
    );
    if (!add(item.value, cond, true, item.isExclusive === true)) return null;
  }
  let otherValue: Primitive | null = null;
  for (const [flag, item] of [
    ['showNoneItem', q.noneItem],
    ['showRefuseItem', q.refuseItem],
    ['showDontKnowItem', q.dontKnowItem],
    ['showOtherItem', q.otherItem],
  ] as const) {
    if (!q[flag] || !item) continue;
    if (!add(item.value, null, false, item.isExclusive === true)) return null;
    if (flag === 'showOtherItem') otherValue = item.value;
  }
  const byValue = new Map<Primitive, Choice>();
  for (const c of list) if (!byValue.has(c.value)) byValue.set(c.value, c);
  return { list, byValue, choicesVisibleIf, otherValue };
}

/** One value: not a choice, or a hidden choice → error. */
function checkOne(
  set: Choices,
  value: unknown,
  path: string,
  env: Env,
  sink: Parameters<DomainCheck>[3],
): Choice | null {
  if (!isPrimitive(value)) {
    report(
      sink,
      path,
      'wrong_type',
      path,
      'un choix (texte ou nombre)',
      'a choice (string or number)',
      value,
    );
    return null;
  }
  const c = set.byValue.get(value);
  if (!c) {
    report(sink, path, 'not_a_choice', path, value);
    return null;
  }
  if (!isVisible(c, set, env)) {
    report(sink, path, 'hidden_choice', path, value);
    return null;
  }
  return c;
}

/** survey-core: "other" selected needs its text in `<name>-Comment`. */
function otherText(set: Choices, name: string): ErrorsCheck | null {
  const { otherValue } = set;
  if (otherValue === null) return null;
  const key = `${name}-Comment`;
  return (value, path, _env, sink, data) => {
    const selected = Array.isArray(value) ? value.includes(otherValue) : value === otherValue;
    if (!selected) return;
    const text = data[key];
    if (typeof text !== 'string' || text.trim() === '') report(sink, path, 'other_empty', path);
  };
}

export function buildSingleChoice(q: SjsQuestion, ctx: BuildCtx): Built | null {
  const set = compileChoices(q, ctx);
  if (!set) return null;
  const domain: DomainCheck = (value, path, env, sink) => checkOne(set, value, path, env, sink) !== null;
  const errors = compileValidators(q.validators, ctx.scope, ctx.where, ctx.issues);
  const other = otherText(set, q.name);
  if (other) errors.unshift(other);
  return { domain, errors, commentKey: set.otherValue !== null || q.showCommentArea === true };
}

/** checkbox and tagbox: an array of distinct visible choices. */
export function buildMultiChoice(q: SjsQuestion, ctx: BuildCtx): Built | null {
  const set = compileChoices(q, ctx);
  if (!set) return null;
  const maxSelected = positive(q.maxSelectedChoices);
  const minSelected = positive(q.minSelectedChoices);
  const domain: DomainCheck = (value, path, env, sink) => {
    if (!Array.isArray(value)) {
      report(sink, path, 'wrong_type', path, 'une liste de choix', 'an array of choices', value);
      return false;
    }
    const seen = new Set<unknown>();
    let exclusive: Choice | null = null;
    let valid = true;
    for (const v of value) {
      const c = checkOne(set, v, path, env, sink);
      if (!c) {
        valid = false;
        continue;
      }
      if (seen.has(v)) {
        report(sink, path, 'duplicate_choice', path, v);
        valid = false;
      }
      seen.add(v);
      if (c.exclusive) exclusive = c;
    }
    if (exclusive && value.length > 1) report(sink, path, 'exclusive_choice', path, exclusive.value);
    if (maxSelected > 0 && value.length > maxSelected) report(sink, path, 'max_selected', path, maxSelected);
    return valid;
  };
  const errors = compileValidators(q.validators, ctx.scope, ctx.where, ctx.issues);
  const other = otherText(set, q.name);
  if (other) errors.unshift(other);
  if (minSelected > 0) {
    // survey-core: also when nothing is selected; one exclusive item alone is enough.
    errors.unshift((value, path, _env, sink) => {
      const list = Array.isArray(value) ? value : [];
      if (list.length === 1 && set.byValue.get(list[0] as Primitive)?.exclusive) return;
      if (list.length < minSelected) report(sink, path, 'min_selected', path, minSelected);
    });
  }
  return {
    domain,
    errors,
    commentKey: set.otherValue !== null || q.showCommentArea === true,
    emptyAsArray: true,
  };
}

/** ranking: every visible choice once, in order (or a subset with selectToRankEnabled). */
export function buildRanking(q: SjsQuestion, ctx: BuildCtx): Built | null {
  if (q.showOtherItem || q.showNoneItem) {
    return unsupported(
      ctx,
      'Classement avec « autre » ou « aucun » non pris en charge',
      'Ranking with "other" or "none" is not supported',
    );
  }
  const set = compileChoices(q, ctx);
  if (!set) return null;
  const subset = q.selectToRankEnabled === true;
  const domain: DomainCheck = (value, path, env, sink) => {
    if (!Array.isArray(value)) {
      report(
        sink,
        path,
        'wrong_type',
        path,
        'une liste ordonnée de choix',
        'an ordered array of choices',
        value,
      );
      return false;
    }
    const seen = new Set<unknown>();
    for (const v of value) {
      if (!checkOne(set, v, path, env, sink)) return false;
      if (seen.has(v)) {
        report(sink, path, 'duplicate_choice', path, v);
        return false;
      }
      seen.add(v);
    }
    if (!subset && value.length > 0) {
      const visible = set.list.filter((c) => isVisible(c, set, env));
      if (visible.length !== value.length) {
        report(sink, path, 'ranking_incomplete', path);
        return false;
      }
    }
    return true;
  };
  return {
    domain,
    errors: compileValidators(q.validators, ctx.scope, ctx.where, ctx.issues),
    emptyAsArray: true,
  };
}
