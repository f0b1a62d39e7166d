// The report as an editable Word document (docx): Heading 1/2 styles (Word and LibreOffice build the table
// of contents from them), real tables, the same chart images, page numbers in the footer.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { COLOURS } from './charts.ts';
import { t } from './i18n.ts';
import type { IndicatorBlock, ReportModel, Table as ModelTable } from './model.ts';

const hex = (c: string) => c.replace('#', '').toUpperCase();
const GOOD = '2E7D4F';
const BAD = 'B5442C';
const FONT = 'Calibri';

const light = { style: BorderStyle.SINGLE, size: 4, color: hex(COLOURS.rule) };
const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

function p(
  text: string,
  opts: { size?: number; colour?: string; bold?: boolean; italics?: boolean; after?: number } = {},
) {
  return new Paragraph({
    spacing: { after: opts.after ?? 120 },
    children: [
      new TextRun({
        text,
        size: opts.size,
        color: opts.colour ? hex(opts.colour) : undefined,
        bold: opts.bold,
        italics: opts.italics,
      }),
    ],
  });
}

function cell(
  text: string,
  opts: { bold?: boolean; colour?: string; width?: number; header?: boolean; size?: number } = {},
) {
  return new TableCell({
    width: opts.width !== undefined ? { size: opts.width, type: WidthType.PERCENTAGE } : undefined,
    margins: { top: 50, bottom: 50, left: 80, right: 80 },
    borders: {
      top: none,
      left: none,
      right: none,
      bottom: opts.header ? { style: BorderStyle.SINGLE, size: 8, color: hex(COLOURS.muted) } : light,
    },
    children: [
      new Paragraph({
        children: [
          new TextRun({
            text,
            bold: opts.bold ?? opts.header,
            color: opts.header ? hex(COLOURS.muted) : opts.colour,
            size: opts.size ?? 18,
          }),
        ],
      }),
    ],
  });
}

/** Tables draw their own light rules per cell; the table itself has none. */
const NO_BORDERS = {
  top: none,
  bottom: none,
  left: none,
  right: none,
  insideHorizontal: none,
  insideVertical: none,
};

function table(tbl: ModelTable, colour?: (row: number, col: number) => string | undefined): Table {
  const total = tbl.widths.reduce((a, b) => a + b, 0) || tbl.head.length;
  const width = (i: number) => Math.round(((tbl.widths[i] ?? 1) / total) * 100);
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        tableHeader: true,
        children: tbl.head.map((h, i) => cell(h, { header: true, width: width(i) })),
      }),
      ...tbl.rows.map(
        (r, ri) =>
          new TableRow({ children: r.map((c, i) => cell(c, { width: width(i), colour: colour?.(ri, i) })) }),
      ),
    ],
  });
}

function pairs(rows: [string, string][], labelShare = 45, valueBold = true): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: rows.map(
      ([k, v]) =>
        new TableRow({
          children: [
            cell(k, { width: labelShare, colour: hex(COLOURS.muted) }),
            cell(v, { width: 100 - labelShare, bold: valueBold }),
          ],
        }),
    ),
  });
}

function image(images: ReadonlyMap<string, Buffer>, id: string | undefined, alt: string, width = 520) {
  const data = id ? images.get(id) : undefined;
  if (!data) return [];
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 160 },
      children: [
        new ImageRun({
          type: 'png',
          data,
          transformation: { width, height: width / 2 },
          altText: { name: alt, title: alt, description: alt },
        }),
      ],
    }),
  ];
}

const h1 = (text: string, pageBreak = true) =>
  new Paragraph({
    heading: HeadingLevel.HEADING_1,
    pageBreakBefore: pageBreak,
    children: [new TextRun(text)],
  });
const h2 = (text: string) =>
  new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(text)] });
const h3 = (text: string) =>
  new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(text)] });

function indicator(b: IndicatorBlock, images: ReadonlyMap<string, Buffer>) {
  const out: (Paragraph | Table)[] = [
    h3(b.label),
    p(`${b.description} — ${b.unit}`, { size: 17, colour: COLOURS.muted }),
  ];
  if (b.state !== 'measured') {
    out.push(
      p(b.stateText ?? '', { italics: true, colour: b.state === 'suppressed' ? '#8a3b12' : COLOURS.muted }),
    );
    return out;
  }
  out.push(
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: NO_BORDERS,
      rows: b.figures.map(
        (f) =>
          new TableRow({
            children: [
              cell(f.label, { width: 45, colour: hex(COLOURS.muted) }),
              new TableCell({
                width: { size: 55, type: WidthType.PERCENTAGE },
                margins: { top: 50, bottom: 50, left: 80, right: 80 },
                borders: { top: none, left: none, right: none, bottom: light },
                children: [
                  new Paragraph({
                    children: [
                      new TextRun({
                        text: f.value,
                        bold: true,
                        size: 19,
                        color:
                          f.tone === 'good'
                            ? GOOD
                            : f.tone === 'bad'
                              ? BAD
                              : f.tone === 'muted'
                                ? hex(COLOURS.muted)
                                : undefined,
                      }),
                      ...(f.detail
                        ? [new TextRun({ text: f.detail, size: 15, color: hex(COLOURS.muted), break: 1 })]
                        : []),
                    ],
                  }),
                ],
              }),
            ],
          }),
      ),
    }),
  );
  out.push(p('', { after: 60 }));
  out.push(...image(images, b.chart?.id, b.label, 480));
  if (b.note) out.push(p(b.note, { size: 17, colour: '#8a3b12' }));
  if (b.categories) out.push(table(b.categories), p('', { after: 120 }));
  return out;
}

export function renderDocx(model: ReportModel, images: ReadonlyMap<string, Buffer>): Promise<Buffer> {
  const { lang } = model;
  const tt = (k: Parameters<typeof t>[1], v?: Record<string, string | number>) => t(lang, k, v);
  const [s1, s2, s3, s4, s5, s6] = model.sections;
  const sym = model.objectives.symbols;
  const body: (Paragraph | Table | TableOfContents)[] = [];

  // Cover.
  body.push(
    new Paragraph({
      spacing: { before: 2400, after: 120 },
      children: [new TextRun({ text: model.subtitle.toUpperCase(), color: hex(COLOURS.muted), size: 20 })],
    }),
    new Paragraph({
      heading: HeadingLevel.TITLE,
      spacing: { after: 240 },
      children: [new TextRun({ text: model.title, bold: true, size: 64, color: hex(COLOURS.primary) })],
    }),
    new Paragraph({
      spacing: { after: 80 },
      children: [new TextRun({ text: model.caisseName, bold: true, size: 34 })],
    }),
    p(model.place, { colour: COLOURS.muted, size: 22, after: 600 }),
    p(
      `${tt('period')} : ${model.period}${model.comparisonPeriod ? ` (${tt('comparedWith')} ${model.comparisonPeriod})` : ''}`,
      { bold: true, size: 24 },
    ),
    p(`${tt('generatedOn')} ${model.generatedOn}`, { size: 22, after: 600 }),
    new Paragraph({
      shading: {
        type: ShadingType.CLEAR,
        color: 'auto',
        fill: model.audience === 'internal' ? 'FBEEE4' : hex(COLOURS.band),
      },
      spacing: { after: 120 },
      children: [
        new TextRun({
          text: model.audienceNote,
          size: 19,
          color: model.audience === 'internal' ? '8A3B12' : undefined,
        }),
      ],
    }),
  );

  // Summary and contents.
  body.push(h1(tt('summary')));
  body.push(
    table({
      head: model.summary.tiles.map((x) => x.label),
      widths: model.summary.tiles.map(() => 1),
      rows: [model.summary.tiles.map((x) => x.value)],
    }),
  );
  body.push(h2(tt('keyFigures')));
  if (model.summary.keyFigures.length === 0) body.push(p(tt('noKeyFigure'), { colour: COLOURS.muted }));
  else {
    body.push(
      pairs(
        model.summary.keyFigures.map((k) => [k.label, k.detail ? `${k.value} (${k.detail})` : k.value]),
        60,
      ),
    );
  }
  body.push(
    new Paragraph({
      spacing: { before: 240 },
      children: [new TextRun({ text: tt('contents'), bold: true, size: 26, color: hex(COLOURS.primary) })],
    }),
  );
  body.push(new TableOfContents(tt('contents'), { hyperlink: true, headingStyleRange: '1-2' }));

  // 1. Profile.
  body.push(h1(s1!.title), pairs(model.profile));

  // 2. Objectives.
  body.push(h1(s2!.title), p(model.objectives.intro));
  if (model.objectives.table) {
    body.push(
      table(model.objectives.table, (row, col) =>
        col === 0 || col === 4 ? (sym[row] === '●' ? hex(COLOURS.primary) : hex(COLOURS.accent)) : undefined,
      ),
    );
  } else body.push(p(tt('noObjective'), { colour: COLOURS.muted }));
  body.push(h2(tt('dimensionsMatrix')), table(model.objectives.dimensions));
  body.push(h2(tt('withoutObjective')));
  if (model.objectives.withoutObjective.length > 0) {
    for (const x of model.objectives.withoutObjective)
      body.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun(x)] }));
  } else body.push(p(tt('withoutObjectiveNone'), { colour: COLOURS.muted }));

  // 3. Indicators.
  body.push(h1(s3!.title), p(tt('indicatorsIntro'), { colour: COLOURS.muted, size: 18 }));
  if (model.dimensions.length === 0) body.push(p(tt('noIndicator'), { colour: COLOURS.muted }));
  for (const d of model.dimensions) {
    body.push(h2(d.title));
    for (const b of d.indicators) body.push(...indicator(b, images));
  }

  // 4. Economy.
  body.push(h1(s4!.title), p(model.economy.intro, { colour: COLOURS.muted, size: 18 }));
  if (model.economy.available) {
    body.push(h2(tt('budgetSources')), ...image(images, model.economy.chart?.id, tt('fundingChart'), 520));
    if (model.economy.budget) body.push(table(model.economy.budget));
    body.push(h2(tt('work')), pairs(model.economy.figures, 60));
  }
  body.push(p(''), p(model.economy.benchmark, { colour: COLOURS.muted, size: 18 }));

  // 5. Methodology.
  const m = model.methodology;
  body.push(h1(s5!.title), h2(tt('instruments')));
  for (const i of m.instruments) {
    body.push(
      p(i.source, { size: 18, after: 40 }),
      p(`${tt('usedBy')} : ${i.indicators.join(' ; ')}`, { size: 16, colour: COLOURS.muted }),
    );
  }
  body.push(h2(tt('responseRates')));
  body.push(m.waves.rows.length > 0 ? table(m.waves) : p(tt('noWave'), { colour: COLOURS.muted }));
  body.push(p(m.expectedNote, { size: 16, colour: COLOURS.muted }));
  body.push(h2(tt('missingRules')), p(m.missingIntro));
  for (const r of m.missingRules) {
    body.push(
      p(r.text, { size: 18, after: 40 }),
      p(`${tt('usedBy')} : ${r.indicators.join(' ; ')}`, { size: 16, colour: COLOURS.muted }),
    );
  }
  body.push(h2(tt('suppression')), p(m.suppression), h2(tt('statistics')), p(m.statistics));

  // 6. Annex.
  body.push(h1(s6!.title));
  for (const s of model.annex) body.push(h3(s.title), pairs(s.rows, 22, false), p(''));

  const doc = new Document({
    creator: 'Récolte',
    title: `${model.title} — ${model.caisseName} — ${model.period}`,
    description: model.subtitle,
    features: { updateFields: true },
    styles: {
      default: {
        document: {
          run: { font: FONT, size: 20, color: hex(COLOURS.text) },
          paragraph: { spacing: { line: 276 } },
        },
        heading1: {
          run: { font: FONT, size: 34, bold: true, color: hex(COLOURS.primary) },
          paragraph: { spacing: { before: 240, after: 200 } },
        },
        heading2: {
          run: { font: FONT, size: 26, bold: true, color: hex(COLOURS.text) },
          paragraph: { spacing: { before: 280, after: 120 } },
        },
        heading3: {
          run: { font: FONT, size: 21, bold: true, color: hex(COLOURS.primary) },
          paragraph: { spacing: { before: 240, after: 60 }, keepNext: true },
        },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: { margin: { top: 1200, bottom: 1100, left: 1100, right: 1100 } },
        },
        headers: {
          first: new Header({ children: [] }),
          default: new Header({
            children: [
              new Paragraph({
                children: [
                  new TextRun({
                    text: `${model.caisseName} · ${model.title} · ${model.period}`,
                    size: 15,
                    color: hex(COLOURS.muted),
                  }),
                ],
              }),
            ],
          }),
        },
        footers: {
          first: new Footer({ children: [] }),
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  new TextRun({
                    size: 15,
                    color: hex(COLOURS.muted),
                    children: [`${tt('page')} `, PageNumber.CURRENT, ` ${tt('of')} `, PageNumber.TOTAL_PAGES],
                  }),
                ],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
