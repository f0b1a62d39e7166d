// Shared types of the response validator: public error shape and the compiled tree it runs.

/** A SurveyJS questionnaire definition (one JSON document). Kept loose: survey-core checks it. */
export type SurveyDefinition = Record<string, unknown>;

export interface ValidationError {
  /** Data path of the offending value ("q1", "pd[0].x", "mt.a", "m.r1"), null for the whole response. */
  question: string | null;
  code: string;
  /** French. */
  message: string;
  messageEn: string;
}

export type ValidationResult =
  | { ok: true; data: Record<string, unknown> }
  | { ok: false; errors: ValidationError[] };

export interface CompiledValidator {
  validate(data: unknown): ValidationResult;
  /** Names of the questions that carry a value (root level, definition order). */
  readonly questionNames: readonly string[];
}

/** A problem found while compiling a definition (shared with definition-check). */
export interface DefinitionIssue {
  path?: string;
  message: string;
  messageEn: string;
}

/** What conditions read: the response values, and inside a dynamic panel its item. */
export interface Env {
  root: Record<string, unknown>;
  /** Values of the root expression questions, computed here (the submitted ones are ignored). */
  rootComputed?: Record<string, unknown>;
  panel?: Record<string, unknown>;
  panelIndex?: number;
  item?: unknown;
}

export interface Cond {
  run(env: Env): boolean;
}

export interface Expr {
  run(env: Env): unknown;
  /** Lower-case names of the variables it reads (first path segment). */
  readonly reads: ReadonlySet<string>;
}

/** Collects errors during one validation run. */
export interface Sink {
  errors: ValidationError[];
  add(path: string | null, code: string, fr: string, en: string): void;
}

/**
 * Checks a present (non-undefined) value's domain: type, choices, ranges. Pushes errors and
 * returns false if the value is unusable. Runs for every visible question, read-only or not.
 */
export type DomainCheck = (
  value: unknown,
  path: string,
  env: Env,
  sink: Sink,
  data: Record<string, unknown>,
) => boolean;

/**
 * survey-core's `collectErrors` part: required-like rules and validators. survey-core skips it
 * for read-only questions; so do we.
 */
export type ErrorsCheck = (
  value: unknown,
  path: string,
  env: Env,
  sink: Sink,
  data: Record<string, unknown>,
) => void;

export interface ContainerNode {
  kind: 'container';
  name: string;
  parent: number;
  visible: boolean;
  visibleIf: Cond | null;
  readOnly: boolean;
  enableIf: Cond | null;
  /** Panel "isRequired": at least one of its visible questions answered. */
  isRequired: boolean;
  requiredIf: Cond | null;
  /** Indices (in the scope's nodes) of the questions inside, at any depth. */
  questions: number[];
}

export interface QuestionNode {
  kind: 'question';
  name: string;
  type: string;
  parent: number;
  visible: boolean;
  visibleIf: Cond | null;
  readOnly: boolean;
  enableIf: Cond | null;
  isRequired: boolean;
  requiredIf: Cond | null;
  /** False when the value survives hiding (clearIfInvisible "none" or survey clearInvisibleValues "none"). */
  clearWhenHidden: boolean;
  /** `<name>-Comment` is allowed (comment area or "other" item). */
  commentKey: string | null;
  /** html/image: no value at all. */
  noValue: boolean;
  /** expression: the value is computed here; the submitted one is ignored. */
  computed: Expr | null;
  /** checkbox, tagbox, ranking: expressions see [] when empty (as survey-core does). */
  emptyAsArray: boolean;
  /** survey-core trims strings before the emptiness test unless allowSpaceAsAnswer. */
  trimForEmpty: boolean;
  domain: DomainCheck;
  errors: ErrorsCheck[];
  /** paneldynamic: each item is validated against the template scope. */
  panels: DynamicPanels | null;
}

export interface DynamicPanels {
  scope: Scope;
  minCount: number;
  maxCount: number;
  /** Panels survey-core creates when there is no value: max(panelCount, minPanelCount). */
  initialCount: number;
  keyName: string | null;
}

export type ScopeNode = ContainerNode | QuestionNode;

export interface Scope {
  /** Pre-order: a parent always comes before its children. */
  nodes: ScopeNode[];
  /** Data key → question node index, plus `<name>-Comment` → same index. */
  keys: Map<string, number>;
  /** Indices of expression questions, definition order. */
  computed: number[];
  /** An expression question reads another one: recompute until stable. */
  computedChained: boolean;
}
