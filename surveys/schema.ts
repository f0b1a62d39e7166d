// Zod schemas for the question modules (surveys/modules/*.json) and standard questionnaires
// (surveys/standard/*.json). The contract they protect is surveys/README.md: French in
// "default", English in "en", stable snake_case question names.
import { z } from 'zod';

export const LEVELS = ['participant', 'caisse'] as const;
export const levelSchema = z.enum(LEVELS);
export type Level = z.infer<typeof levelSchema>;

// Same codes as indicators/taxonomy.ts DIMENSIONS; repeated here so that surveys/ stays a leaf.
export const SURVEY_DIMENSIONS = ['access', 'democracy', 'agroecology', 'health', 'economy'] as const;
export const dimensionSchema = z.enum(SURVEY_DIMENSIONS);

/** A SurveyJS localizable string: French as the default locale, English as "en". */
export const localizedStringSchema = z.strictObject({
  default: z.string().trim().min(1),
  en: z.string().trim().min(1),
});
export type LocalizedString = z.infer<typeof localizedStringSchema>;

export const questionNameSchema = z.string().regex(/^[a-z][a-z0-9_]*$/, 'snake_case question name');

const choiceSchema = z.strictObject({
  value: z.union([z.string().min(1), z.number()]),
  text: localizedStringSchema,
  // SurveyJS checkbox items: an exclusive answer such as « n'achète jamais ».
  isExclusive: z.boolean().optional(),
});

// Loose: any other SurveyJS property is allowed here and checked by survey-core itself
// (`new Model(json).jsonErrors`, see tests/unit/surveys).
export const questionSchema = z
  .looseObject({
    type: z.enum(['boolean', 'radiogroup', 'checkbox', 'dropdown', 'rating', 'text', 'comment']),
    name: questionNameSchema,
    title: localizedStringSchema,
    description: localizedStringSchema.optional(),
    isRequired: z.boolean().optional(),
    visibleIf: z.string().min(1).optional(),
    choices: z.array(choiceSchema).min(1).optional(),
    rateValues: z
      .array(choiceSchema.extend({ value: z.number() }))
      .min(2)
      .optional(),
    labelTrue: localizedStringSchema.optional(),
    labelFalse: localizedStringSchema.optional(),
    inputType: z.string().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
  })
  .superRefine((q, ctx) => {
    const needsChoices = q.type === 'radiogroup' || q.type === 'checkbox' || q.type === 'dropdown';
    if (needsChoices && !q.choices) ctx.addIssue({ code: 'custom', message: `${q.name}: choices required` });
    if (q.type === 'rating' && !q.rateValues) {
      ctx.addIssue({ code: 'custom', message: `${q.name}: rateValues required (numeric values)` });
    }
    if (q.type === 'text' && q.inputType === 'number' && (q.min === undefined || q.max === undefined)) {
      ctx.addIssue({ code: 'custom', message: `${q.name}: numeric questions need min and max` });
    }
    if (q.choices) {
      const values = q.choices.map((c) => c.value);
      if (new Set(values).size !== values.length) {
        ctx.addIssue({ code: 'custom', message: `${q.name}: duplicated choice value` });
      }
    }
  });
export type SurveyQuestion = z.infer<typeof questionSchema>;

export const surveyModuleSchema = z.strictObject({
  id: questionNameSchema,
  level: levelSchema,
  dimension: dimensionSchema.nullable(),
  title: localizedStringSchema,
  /** Shown as the page description: instructions, recall period. */
  description: localizedStringSchema.optional(),
  /** Published source of the wording (and of the translation, when it is ours). */
  source: z.string().min(1).optional(),
  elements: z.array(questionSchema).min(1),
});
export type SurveyModule = z.infer<typeof surveyModuleSchema>;

export const standardQuestionnaireSchema = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9-]*$/, 'kebab-case key'),
  level: levelSchema,
  title: localizedStringSchema,
  description: localizedStringSchema,
  modules: z.array(questionNameSchema).min(1),
});
export type StandardQuestionnaire = z.infer<typeof standardQuestionnaireSchema>;
