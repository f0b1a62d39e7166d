import { describe, expect, it } from 'vitest';
import { checkDefinition } from '../../../server/questionnaires/definition-check.ts';
import {
  applySheet,
  definitionToTable,
  normalizeLocale,
  type SheetCells,
  type TranslationTable,
} from '../../../server/questionnaires/translations/strings.ts';
import { buildDefinition, standardQuestionnaires } from '../../../surveys/index.ts';

const standard = (key: string) => {
  const std = standardQuestionnaires.find((q) => q.key === key)!;
  return buildDefinition({ title: std.title, level: std.level, modules: std.modules }) as unknown as Record<
    string,
    unknown
  >;
};

function sheetOf(table: TranslationTable, extra: string[] = []): SheetCells {
  const locales = [...table.locales, ...extra];
  return {
    header: ['clé', 'contexte', 'fr', ...locales],
    rows: table.rows.map((r, i) => ({
      row: i + 2,
      cells: [r.key, r.context, r.texts.fr ?? '', ...locales.map((l) => r.texts[l] ?? '')],
    })),
  };
}

/** Every localized object ({ default|fr: … }) anywhere in the JSON. */
function countLocalized(v: unknown): number {
  if (Array.isArray(v)) return v.reduce((n: number, x) => n + countLocalized(x), 0);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.default === 'string' || typeof o.fr === 'string') return 1;
    return Object.values(o).reduce((n: number, x) => n + countLocalized(x), 0);
  }
  return 0;
}

const small = {
  title: 'Petit',
  pages: [
    {
      name: 'p1',
      title: { fr: 'Page un', en: 'Page one' },
      elements: [
        {
          type: 'radiogroup',
          name: 'q1',
          title: 'Question un',
          choices: ['Oui', { value: 2, text: { default: 'Non', en: 'No' } }, 3],
          otherText: 'Autre',
        },
        {
          type: 'text',
          name: 'q2',
          title: { default: 'Âge', en: 'Age' },
          inputType: 'number',
          validators: [{ type: 'numeric', minValue: 0, text: 'Un nombre positif' }],
        },
        {
          type: 'matrix',
          name: 'm',
          title: 'Grille',
          rows: ['a', 'b'],
          columns: [{ value: 1, text: 'Peu' }],
        },
      ],
    },
  ],
  completedHtml: 'Merci',
};

describe('translation table', () => {
  it('lists every localized string of every standard questionnaire', () => {
    for (const std of standardQuestionnaires) {
      const def = standard(std.key);
      const table = definitionToTable(def);
      const objects = table.rows.filter((r) => Object.keys(r.texts).length > 1).length;
      expect(objects, std.key).toBe(countLocalized(def));
      expect(table.locales).toEqual(['en']);
      expect(new Set(table.rows.map((r) => r.key)).size).toBe(table.rows.length);
    }
  });

  it('keys strings by question, choice, page, validator', () => {
    const keys = definitionToTable(small).rows.map((r) => r.key);
    expect(keys).toEqual([
      'survey.title',
      'page:p1.title',
      'question:q1.title',
      'question:q1.choices:Oui',
      'question:q1.choices:2',
      'question:q1.otherText',
      'question:q2.title',
      'question:q2.validators[0].text',
      'question:m.title',
      'question:m.rows:a',
      'question:m.rows:b',
      'question:m.columns:1',
      'survey.completedHtml',
    ]);
  });

  it('round-trips the standard questionnaires unchanged', () => {
    for (const std of standardQuestionnaires) {
      const def = standard(std.key);
      const r = applySheet(def, sheetOf(definitionToTable(def)));
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.definition).toEqual(def);
    }
    const r = applySheet(small, sheetOf(definitionToTable(small)));
    expect(r.ok && r.definition).toEqual(small);
  });

  it('adds a locale where filled, keeping `fr` or `default` as found', () => {
    const sheet = sheetOf(definitionToTable(small), ['es']);
    const fill = (key: string, text: string) => {
      const row = sheet.rows.find((r) => r.cells[0] === key)!;
      row.cells[4] = text;
    };
    fill('page:p1.title', 'Página uno');
    fill('question:q1.title', 'Pregunta uno');
    fill('question:q1.choices:Oui', 'Sí');
    fill('question:q2.validators[0].text', 'Un número positivo');
    const r = applySheet(small, sheet);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const page = (r.definition.pages as { title: unknown; elements: Record<string, unknown>[] }[])[0]!;
    expect(page.title).toEqual({ fr: 'Page un', en: 'Page one', es: 'Página uno' });
    expect(page.elements[0]!.title).toEqual({ default: 'Question un', es: 'Pregunta uno' });
    expect(page.elements[0]!.choices).toEqual([
      { value: 'Oui', text: { default: 'Oui', es: 'Sí' } },
      { value: 2, text: { default: 'Non', en: 'No' } },
      3,
    ]);
    expect(page.elements[0]!.otherText).toBe('Autre');
    expect(page.elements[1]!.validators).toEqual([
      { type: 'numeric', minValue: 0, text: { default: 'Un nombre positif', es: 'Un número positivo' } },
    ]);
    expect(r.locales).toEqual(['en', 'es']);
    expect(checkDefinition(r.definition).ok).toBe(true);
  });

  it('reports every error by row and column and applies nothing', () => {
    const sheet = sheetOf(definitionToTable(small), ['xx', 'EN', '']);
    sheet.rows[1]!.cells[2] = ''; // page title: empty French
    sheet.rows[2]!.cells[0] = 'question:nope.title';
    sheet.rows[3]!.cells[3] = 'x'.repeat(2001);
    sheet.rows.push({ row: 99, cells: ['', 'orphan', 'texte'] });
    sheet.rows.push({ row: 100, cells: ['survey.title', '', 'Doublon'] });
    sheet.rows[4]!.cells[6] = 'sans en-tête';
    const r = applySheet(small, sheet);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const at = r.errors.map((e) => `${e.row}:${e.column}`);
    expect(at).toEqual(
      expect.arrayContaining(['1:E', '1:F', '1:G', '3:C', '4:A', '5:D', '99:A', '100:A', 'null:A']),
    );
    expect(r.errors.find((e) => e.row === null)!.message).toContain('question:q1.title');
  });

  it('knows locale codes', () => {
    expect(normalizeLocale('ES')).toBe('es');
    expect(normalizeLocale('pt_BR')).toBe('pt-br');
    for (const ok of ['ar', 'tr', 'uk', 'zh-cn']) expect(normalizeLocale(ok)).toBe(ok);
    for (const bad of ['xx', 'default', 'français', '1a', '']) expect(normalizeLocale(bad)).toBeNull();
  });
});
