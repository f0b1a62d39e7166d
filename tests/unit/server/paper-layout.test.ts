// The paper questionnaire's layout: numbering, answers, and every visibility condition written as a
// skip instruction (fr/en), on a small definition and on the standard questionnaires.
import { describe, expect, it } from 'vitest';
import {
  type PaperItem,
  type PaperLayout,
  paperLayout,
} from '../../../server/questionnaires/paper/layout.ts';
import { buildDefinition, standardQuestionnaires } from '../../../surveys/index.ts';

const definition = {
  title: { default: 'Suivi papier', en: 'Paper follow-up' },
  pages: [
    {
      name: 'p1',
      title: { default: 'Début', en: 'Start' },
      elements: [
        { type: 'boolean', name: 'consent', title: { default: 'Acceptez-vous ?', en: 'Do you agree?' } },
        { type: 'html', name: 'intro', html: '<p>…</p>' },
        {
          type: 'radiogroup',
          name: 'colour',
          title: { fr: 'Couleur préférée', en: 'Favourite colour' },
          description: { default: 'Une seule réponse', en: 'One answer' },
          choices: [
            { value: 'red', text: { default: 'Rouge', en: 'Red' } },
            { value: 'blue', text: { default: 'Bleu', en: 'Blue' } },
            { value: 'green', text: { default: 'Vert', en: 'Green' } },
          ],
        },
        { type: 'text', name: 'why_red', title: 'Pourquoi ?', visibleIf: "{colour} = 'red'" },
        { type: 'text', name: 'why_not_blue', title: 'Pourquoi pas ?', visibleIf: "{colour} != 'blue'" },
        {
          type: 'checkbox',
          name: 'shops',
          title: 'Magasins',
          choices: ['market', 'amap', 'super'],
          showNoneItem: true,
        },
        {
          type: 'comment',
          name: 'shops_detail',
          title: 'Détails',
          visibleIf: "{shops} anyof ['market', 'amap']",
        },
        {
          type: 'rating',
          name: 'score',
          title: 'Note',
          rateMin: 1,
          rateMax: 5,
          minRateDescription: 'Mal',
          maxRateDescription: 'Bien',
        },
        { type: 'text', name: 'score_comment', title: 'Commentaire', visibleIf: '{score} notempty' },
        { type: 'boolean', name: 'member', title: 'Membre ?' },
        {
          type: 'text',
          inputType: 'number',
          name: 'meetings',
          title: 'Réunions',
          max: 20,
          visibleIf: '{member} = true and {score} > 2',
        },
        { type: 'text', name: 'odd', title: 'Étrange', visibleIf: 'age({birth}) >= 18' },
        { type: 'text', name: 'hidden', title: 'Jamais', visible: false },
        {
          type: 'matrix',
          name: 'grid',
          title: 'Grille',
          columns: ['1', '2', '3'],
          rows: [{ value: 'a', text: 'A' }, 'b'],
        },
      ],
    },
    {
      name: 'p2',
      title: 'Suite',
      visibleIf: '{consent} = true',
      elements: [{ type: 'dropdown', name: 'last', title: 'Dernière', choices: [1, 2] }],
    },
    {
      name: 'p3',
      title: 'Fin',
      visibleIf: '{consent} = true',
      elements: [{ type: 'boolean', name: 'really_last', title: 'Vraiment la dernière' }],
    },
  ],
};

const questions = (l: PaperLayout) => l.items.filter((i) => i.kind === 'question');
const instructions = (l: PaperLayout) =>
  l.items.filter((i): i is Extract<PaperItem, { kind: 'instruction' }> => i.kind === 'instruction');
/** The instruction printed just before a question. */
const instructionBefore = (l: PaperLayout, name: string) => {
  const at = l.items.findIndex((i) => i.kind === 'question' && i.name === name);
  const prev = l.items[at - 1];
  return prev?.kind === 'instruction' ? prev.text : undefined;
};

describe('paper layout', () => {
  const fr = paperLayout(definition, 'fr');
  const en = paperLayout(definition, 'en');

  it('numbers every visible question in order, skipping html and hidden ones', () => {
    const qs = questions(fr);
    expect(qs.map((q) => (q.kind === 'question' ? q.number : 0))).toEqual(qs.map((_, i) => i + 1));
    expect(qs.map((q) => (q.kind === 'question' ? q.name : ''))).toEqual([
      'consent',
      'colour',
      'why_red',
      'why_not_blue',
      'shops',
      'shops_detail',
      'score',
      'score_comment',
      'member',
      'meetings',
      'odd',
      'grid',
      'last',
      'really_last',
    ]);
    expect(fr.questionCount).toBe(14);
  });

  it('takes titles, descriptions and choices in the chosen locale', () => {
    expect(fr.title).toBe('Suivi papier');
    expect(en.title).toBe('Paper follow-up');
    const colourFr = questions(fr)[1];
    const colourEn = questions(en)[1];
    expect(colourFr).toMatchObject({ title: 'Couleur préférée', description: 'Une seule réponse' });
    expect(colourEn).toMatchObject({ title: 'Favourite colour', description: 'One answer' });
    expect(colourEn?.kind === 'question' && colourEn.answer).toMatchObject({
      kind: 'choice',
      options: [{ label: 'Red' }, { label: 'Blue' }, { label: 'Green' }],
    });
    expect(questions(fr)[0]?.kind === 'question' && questions(fr)[0]).toMatchObject({
      answer: { options: [{ label: 'Oui' }, { label: 'Non' }] },
    });
    expect(questions(en)[0]).toMatchObject({ answer: { options: [{ label: 'Yes' }, { label: 'No' }] } });
    expect(questions(fr)[4]).toMatchObject({ answer: { kind: 'choice', multiple: true } });
    expect(questions(fr)[6]).toMatchObject({
      answer: { kind: 'choice', scale: true, minLabel: 'Mal', maxLabel: 'Bien' },
    });
    expect(questions(fr)[9]).toMatchObject({ answer: { kind: 'number', cells: 2 } });
    expect(questions(fr)[11]).toMatchObject({
      answer: { kind: 'matrix', rows: [{ label: 'A' }, { label: 'b' }] },
    });
  });

  it('writes {q} = value as the other answers, {q} != value as that answer', () => {
    expect(instructionBefore(fr, 'why_red')).toBe(
      'Si vous avez répondu « Bleu » ou « Vert » à la question 2, passez à la question 4.',
    );
    expect(instructionBefore(en, 'why_red')).toBe(
      'If you answered "Blue" or "Green" to question 2, go to question 4.',
    );
    expect(instructionBefore(fr, 'why_not_blue')).toBe(
      'Si vous avez répondu « Bleu » à la question 2, passez à la question 5.',
    );
  });

  it('writes anyof on a checkbox, notempty, and and-combinations', () => {
    expect(instructionBefore(fr, 'shops_detail')).toBe(
      "Si vous n'avez coché ni « market » ni « amap » à la question 5, passez à la question 7.",
    );
    expect(instructionBefore(en, 'shops_detail')).toBe(
      'If you ticked neither "market" nor "amap" at question 5, go to question 7.',
    );
    expect(instructionBefore(fr, 'score_comment')).toBe(
      "Si vous n'avez pas répondu à la question 7, passez à la question 9.",
    );
    expect(instructionBefore(fr, 'meetings')).toBe(
      'Si vous avez répondu « Non » à la question 9 ou si votre réponse à la question 7 est inférieure ou égale à 2, passez à la question 11.',
    );
    expect(instructionBefore(en, 'meetings')).toBe(
      'If you answered "No" to question 9 or if your answer to question 7 is at most 2, go to question 11.',
    );
  });

  it('keeps an expression it cannot word, as written', () => {
    const odd = instructions(fr).find((i) => i.expression.startsWith('age('));
    expect(odd).toMatchObject({
      worded: false,
      text: '(question 11 posée seulement si : age({birth}) >= 18)',
    });
    expect(instructions(en).find((i) => !i.worded)?.text).toBe(
      '(question 11 asked only if: age({birth}) >= 18)',
    );
  });

  it('writes {q} = true on consecutive pages once, up to the end', () => {
    const gate = instructions(fr).filter((i) => i.expression === '{consent} = true');
    expect(gate).toHaveLength(1);
    expect(gate[0]).toMatchObject({ first: 13, last: 14 });
    expect(gate[0]?.text).toBe(
      'Si vous avez répondu « Non » à la question 1, passez à la fin du questionnaire.',
    );
    expect(instructions(en).find((i) => i.expression === '{consent} = true')?.text).toBe(
      'If you answered "No" to question 1, go to the end of the questionnaire.',
    );
    // Printed before the page's heading.
    const at = fr.items.indexOf(gate[0] as PaperItem);
    expect(fr.items[at + 1]).toMatchObject({ kind: 'section', title: 'Suite' });
  });
});

describe('paper layout of the standard questionnaires', () => {
  for (const std of standardQuestionnaires) {
    it(`${std.key}: every question numbered, every visibleIf written as an instruction`, () => {
      const def = buildDefinition({ title: std.title, level: std.level, modules: std.modules });
      for (const lang of ['fr', 'en'] as const) {
        const layout = paperLayout(def, lang);
        const names: string[] = [];
        const gated: string[] = [];
        const walk = (elements: unknown[], pageGated: boolean) => {
          for (const e of elements as Record<string, unknown>[]) {
            if (e.type === 'panel')
              walk(e.elements as unknown[], pageGated || typeof e.visibleIf === 'string');
            else if (e.type !== 'html') {
              names.push(String(e.name));
              if (pageGated || typeof e.visibleIf === 'string') gated.push(String(e.name));
            }
          }
        };
        for (const page of def.pages) walk(page.elements, typeof page.visibleIf === 'string');
        const qs = questions(layout);
        expect(qs.map((q) => (q.kind === 'question' ? q.name : ''))).toEqual(names);
        expect(qs.map((q) => (q.kind === 'question' ? q.number : 0))).toEqual(names.map((_, i) => i + 1));
        const ins = instructions(layout);
        for (const i of ins) expect(i.worded, i.text).toBe(true);
        for (const name of gated) {
          const n = names.indexOf(name) + 1;
          expect(
            ins.some((i) => i.first <= n && n <= i.last),
            `${name} (question ${n})`,
          ).toBe(true);
        }
        // The number of conditions in the definition is at least the number of distinct instructions.
        const conditions = JSON.stringify(def).match(/"visibleIf"/g)?.length ?? 0;
        expect(ins.length > 0).toBe(conditions > 0);
        expect(ins.length).toBeLessThanOrEqual(conditions);
        const skip =
          lang === 'fr'
            ? /passez à (la question \d+|la fin du questionnaire)\.$/
            : /go to (question \d+|the end of the questionnaire)\.$/;
        for (const i of ins) expect(i.text).toMatch(skip);
      }
    });
  }
});
