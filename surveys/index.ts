// Question modules and standard questionnaires, validated at load, and the assembly of one
// SurveyJS definition from a list of modules. Question names are a public contract
// (surveys/README.md). JSON is imported statically so that the server bundle carries it.
import caisseBudget from './modules/caisse_budget.json' with { type: 'json' };
import caisseFlows from './modules/caisse_flows.json' with { type: 'json' };
import caisseGovernance from './modules/caisse_governance.json' with { type: 'json' };
import caisseOutlets from './modules/caisse_outlets.json' with { type: 'json' };
import caisseStaff from './modules/caisse_staff.json' with { type: 'json' };
import consent from './modules/consent.json' with { type: 'json' };
import epices from './modules/epices.json' with { type: 'json' };
import feedback from './modules/feedback.json' with { type: 'json' };
import fies from './modules/fies.json' with { type: 'json' };
import foodBudget from './modules/food_budget.json' with { type: 'json' };
import fruitVeg from './modules/fruit_veg.json' with { type: 'json' };
import hdds from './modules/hdds.json' with { type: 'json' };
import hfias from './modules/hfias.json' with { type: 'json' };
import loneliness from './modules/loneliness.json' with { type: 'json' };
import mastery from './modules/mastery.json' with { type: 'json' };
import mddw from './modules/mddw.json' with { type: 'json' };
import participation from './modules/participation.json' with { type: 'json' };
import practices from './modules/practices.json' with { type: 'json' };
import profile from './modules/profile.json' with { type: 'json' };
import selfRatedHealth from './modules/self_rated_health.json' with { type: 'json' };
import swemwbs from './modules/swemwbs.json' with { type: 'json' };
import usda6 from './modules/usda6.json' with { type: 'json' };
import caisseMonitoring from './standard/caisse-monitoring.json' with { type: 'json' };
import participantEntry from './standard/participant-entry.json' with { type: 'json' };
import participantFollowup from './standard/participant-followup.json' with { type: 'json' };
import {
  type Level,
  type LocalizedString,
  type StandardQuestionnaire,
  type SurveyModule,
  standardQuestionnaireSchema,
  surveyModuleSchema,
} from './schema.ts';

export type {
  Level,
  LocalizedString,
  StandardQuestionnaire,
  SurveyModule,
  SurveyQuestion,
} from './schema.ts';
export { localizedStringSchema, standardQuestionnaireSchema, surveyModuleSchema } from './schema.ts';

/** The module whose page opens every participant questionnaire; its answer gates every other page. */
export const CONSENT_MODULE_ID = 'consent';
export const CONSENT_QUESTION = 'consent';
/** Rule put on every non-consent page: a refusal hides them all, so the survey ends. */
export const CONSENT_VISIBLE_IF = '{consent} = true';
/** Page that holds a coordinator's own questions (`extraElements`). */
export const EXTRA_PAGE_NAME = 'extra';
const FEEDBACK_MODULE_ID = 'feedback';

/** Thrown when a definition cannot be assembled (unknown module, level mismatch, duplicated name). */
export class SurveyDefinitionError extends Error {
  readonly code = 'SURVEY_DEFINITION_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'SurveyDefinitionError';
  }
}

export interface SurveyJSElement {
  type: string;
  name: string;
  [property: string]: unknown;
}

export interface SurveyJSPage {
  name: string;
  title: LocalizedString | string;
  description?: LocalizedString;
  visibleIf?: string;
  elements: SurveyJSElement[];
}

export interface SurveyJSDefinition {
  title: LocalizedString | string;
  locale: 'fr';
  showProgressBar: 'top';
  progressBarType: 'pages';
  questionsOnPageMode: 'standard';
  pages: SurveyJSPage[];
}

export interface BuildDefinitionOptions {
  title: LocalizedString | string;
  level: Level;
  /** Module ids, in page order. For the participant level the consent page always comes first. */
  modules: readonly string[];
  /** A coordinator's own SurveyJS questions, put on one extra page (before the feedback page). */
  extraElements?: readonly unknown[];
  /**
   * Page titles by dimension: when given, modules that belong to a dimension are grouped on one page
   * per dimension (in the order of this record), each module as a titled panel; others keep their page.
   */
  dimensionPages?: Readonly<Record<string, LocalizedString>>;
  locale?: 'fr';
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Question names of a list of SurveyJS elements, panels included (nested `elements`). */
function collectNames(elements: readonly unknown[], where: string): string[] {
  const names: string[] = [];
  for (const element of elements) {
    if (element === null || typeof element !== 'object' || Array.isArray(element)) {
      throw new SurveyDefinitionError(`${where}: every element must be a SurveyJS JSON object`);
    }
    const { name, type, elements: nested } = element as Record<string, unknown>;
    if (typeof type !== 'string' || typeof name !== 'string' || name.trim() === '') {
      throw new SurveyDefinitionError(`${where}: every element needs a string "type" and a non-empty "name"`);
    }
    names.push(name);
    if (Array.isArray(nested)) names.push(...collectNames(nested, where));
  }
  return names;
}

const rawModules: Record<string, unknown> = {
  consent,
  profile,
  food_budget: foodBudget,
  hfias,
  usda6,
  fies,
  epices,
  swemwbs,
  self_rated_health: selfRatedHealth,
  fruit_veg: fruitVeg,
  mastery,
  loneliness,
  hdds,
  mddw,
  participation,
  practices,
  feedback,
  caisse_budget: caisseBudget,
  caisse_staff: caisseStaff,
  caisse_governance: caisseGovernance,
  caisse_outlets: caisseOutlets,
  caisse_flows: caisseFlows,
};

function loadModules(raw: Record<string, unknown>): {
  modules: Record<string, SurveyModule>;
  namesByModule: Map<string, readonly string[]>;
  moduleByName: Map<string, string>;
} {
  const loaded: Record<string, SurveyModule> = {};
  const namesByModule = new Map<string, readonly string[]>();
  const moduleByName = new Map<string, string>();
  for (const [key, json] of Object.entries(raw)) {
    const parsed = surveyModuleSchema.safeParse(json);
    if (!parsed.success) {
      throw new Error(`surveys/modules/${key}.json is invalid: ${parsed.error.message}`);
    }
    const module = parsed.data;
    if (module.id !== key) throw new Error(`surveys/modules/${key}.json declares id "${module.id}"`);
    if (key === EXTRA_PAGE_NAME) throw new Error(`module id "${key}" is reserved for the extra page`);
    const names = collectNames(module.elements, `surveys/modules/${key}.json`);
    for (const name of names) {
      const owner = moduleByName.get(name);
      if (owner !== undefined)
        throw new Error(`question "${name}" is declared by both "${owner}" and "${key}"`);
      moduleByName.set(name, key);
    }
    namesByModule.set(key, Object.freeze(names));
    loaded[key] = deepFreeze(module);
  }
  const consentModule = loaded[CONSENT_MODULE_ID];
  if (consentModule?.level !== 'participant' || moduleByName.get(CONSENT_QUESTION) !== CONSENT_MODULE_ID) {
    throw new Error('the consent module must exist, be participant level and hold the "consent" question');
  }
  return { modules: Object.freeze(loaded), namesByModule, moduleByName };
}

const registry = loadModules(rawModules);

/** Every question module, by id, validated and frozen. */
export const modules: Readonly<Record<string, SurveyModule>> = registry.modules;

/** Standard questionnaires, validated against the modules they list. */
export const standardQuestionnaires: readonly StandardQuestionnaire[] = Object.freeze(
  [participantEntry, participantFollowup, caisseMonitoring].map((json) => {
    const parsed = standardQuestionnaireSchema.safeParse(json);
    if (!parsed.success) throw new Error(`surveys/standard: invalid questionnaire: ${parsed.error.message}`);
    const questionnaire = parsed.data;
    for (const id of questionnaire.modules) {
      const module = modules[id];
      if (!module) throw new Error(`standard "${questionnaire.key}" lists unknown module "${id}"`);
      if (module.level !== questionnaire.level) {
        throw new Error(
          `standard "${questionnaire.key}" (${questionnaire.level}) lists ${module.level} module "${id}"`,
        );
      }
    }
    return deepFreeze(questionnaire);
  }),
);

/** Question names of a module, in page order. Throws on an unknown module id. */
export function questionNamesOf(moduleId: string): readonly string[] {
  const names = registry.namesByModule.get(moduleId);
  if (!names) throw new SurveyDefinitionError(`unknown module "${moduleId}"`);
  return names;
}

/** The module that declares a question name, or undefined for a name outside the contract. */
export function moduleOfQuestion(name: string): string | undefined {
  return registry.moduleByName.get(name);
}

export function getStandardQuestionnaire(key: string): StandardQuestionnaire | undefined {
  return standardQuestionnaires.find((q) => q.key === key);
}

function modulePage(module: SurveyModule, gated: boolean): SurveyJSPage {
  const page: SurveyJSPage = {
    name: module.id,
    title: structuredClone(module.title),
    elements: structuredClone(module.elements) as SurveyJSElement[],
  };
  if (module.description) page.description = structuredClone(module.description);
  if (gated) page.visibleIf = CONSENT_VISIBLE_IF;
  return page;
}

/** Regroups module pages, in place, into one page per dimension holding each module as a panel. */
function groupByDimension(
  pages: SurveyJSPage[],
  titles: Readonly<Record<string, LocalizedString>>,
  gated: boolean,
): void {
  const grouped = new Map<string, SurveyJSPage>();
  const out: SurveyJSPage[] = [];
  for (const page of pages) {
    const dimension = modules[page.name]?.dimension;
    const title = dimension ? titles[dimension] : undefined;
    if (!dimension || !title) {
      out.push(page);
      continue;
    }
    let target = grouped.get(dimension);
    if (!target) {
      target = { name: `dimension_${dimension}`, title: structuredClone(title), elements: [] };
      if (gated) target.visibleIf = CONSENT_VISIBLE_IF;
      grouped.set(dimension, target);
      out.push(target);
    }
    const panel: SurveyJSElement = {
      type: 'panel',
      name: `panel_${page.name}`,
      title: page.title,
      elements: page.elements,
    };
    if (page.description) panel.description = page.description;
    target.elements.push(panel);
  }
  // Dimension pages follow the order of `titles`, after the pages that stay on their own (consent, profile…).
  const order = Object.keys(titles);
  const single = out.filter((p) => !p.name.startsWith('dimension_'));
  const dims = out
    .filter((p) => p.name.startsWith('dimension_'))
    .sort((a, b) => order.indexOf(a.name.slice(10)) - order.indexOf(b.name.slice(10)));
  const feedback = single.filter((p) => p.name === FEEDBACK_MODULE_ID);
  pages.splice(0, pages.length, ...single.filter((p) => p.name !== FEEDBACK_MODULE_ID), ...dims, ...feedback);
}

/**
 * One SurveyJS definition: for the participant level the consent page first, then one page per
 * module (page name = module id), each hidden unless `{consent} = true`, so that a refusal ends
 * the questionnaire. Throws SurveyDefinitionError on an unknown module, a module of the other
 * level, or a question name used twice.
 */
export function buildDefinition(opts: BuildDefinitionOptions): SurveyJSDefinition {
  const participant = opts.level === 'participant';
  const ids = opts.modules.filter((id) => id !== CONSENT_MODULE_ID);
  if (!participant && ids.length !== opts.modules.length) {
    throw new SurveyDefinitionError('the consent module is for participant questionnaires only');
  }
  if (participant) ids.unshift(CONSENT_MODULE_ID);

  const pages: SurveyJSPage[] = [];
  for (const id of ids) {
    const module = modules[id];
    if (!module) throw new SurveyDefinitionError(`unknown module "${id}"`);
    if (module.level !== opts.level) {
      throw new SurveyDefinitionError(`module "${id}" is ${module.level} level, not ${opts.level}`);
    }
    pages.push(modulePage(module, participant && id !== CONSENT_MODULE_ID));
  }

  if (opts.dimensionPages) groupByDimension(pages, opts.dimensionPages, participant);

  const extra = opts.extraElements ?? [];
  if (extra.length > 0) {
    collectNames(extra, 'extraElements');
    const page: SurveyJSPage = {
      name: EXTRA_PAGE_NAME,
      title: { default: 'Questions de la caisse', en: 'Questions from the caisse' },
      elements: structuredClone(extra) as SurveyJSElement[],
    };
    if (participant) page.visibleIf = CONSENT_VISIBLE_IF;
    const feedbackAt = pages.findIndex((p) => p.name === FEEDBACK_MODULE_ID);
    pages.splice(feedbackAt === -1 ? pages.length : feedbackAt, 0, page);
  }

  const seen = new Map<string, string>();
  for (const page of pages) {
    for (const name of collectNames(page.elements, `page "${page.name}"`)) {
      const first = seen.get(name);
      if (first !== undefined) {
        throw new SurveyDefinitionError(
          `duplicated question name "${name}" (pages "${first}" and "${page.name}")`,
        );
      }
      seen.set(name, page.name);
    }
  }

  return {
    title: typeof opts.title === 'string' ? opts.title : structuredClone(opts.title),
    locale: opts.locale ?? 'fr',
    showProgressBar: 'top',
    progressBarType: 'pages',
    questionsOnPageMode: 'standard',
    pages,
  };
}

/** The SurveyJS definition of a standard questionnaire. Throws on an unknown key. */
export function buildStandardDefinition(key: string): SurveyJSDefinition {
  const questionnaire = getStandardQuestionnaire(key);
  if (!questionnaire) throw new SurveyDefinitionError(`unknown standard questionnaire "${key}"`);
  return buildDefinition({
    title: questionnaire.title,
    level: questionnaire.level,
    modules: questionnaire.modules,
  });
}
