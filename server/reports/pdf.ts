// The report as PDF (pdfkit): A4, DejaVu Sans, a cover page, a summary box and contents with page numbers,
// running headers and "page x of y" footers, tables with light rules, each indicator's figures beside its chart.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { COLOURS } from './charts.ts';
import { t } from './i18n.ts';
import type { Figure, IndicatorBlock, ReportModel, Table } from './model.ts';

type Doc = PDFKit.PDFDocument;

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { left: 56, right: 56, top: 70, bottom: 66 };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BOTTOM = PAGE.height - MARGIN.bottom;
const TONE: Record<NonNullable<Figure['tone']>, string> = {
  good: '#2e7d4f',
  bad: '#b5442c',
  muted: COLOURS.muted,
};

const F = { regular: 'Sans', bold: 'Sans-Bold', italic: 'Sans-Oblique' };

function fontDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
}

class Writer {
  readonly doc: Doc;
  /** Page index (0-based) where each section starts, for the contents. */
  readonly sectionPages = new Map<string, number>();
  page = 0;

  constructor(
    readonly model: ReportModel,
    readonly images: ReadonlyMap<string, Buffer>,
  ) {
    const dir = fontDir();
    this.doc = new PDFDocument({
      size: 'A4',
      margins: MARGIN,
      bufferPages: true,
      autoFirstPage: false,
      lang: model.lang === 'fr' ? 'fr-FR' : 'en-GB',
      displayTitle: true,
      info: {
        Title: `${model.title} — ${model.caisseName} — ${model.period}`,
        Author: model.caisseName,
        Subject: model.subtitle,
        Creator: 'Récolte',
      },
    });
    this.doc.registerFont(F.regular, join(dir, 'DejaVuSans.ttf'));
    this.doc.registerFont(F.bold, join(dir, 'DejaVuSans-Bold.ttf'));
    this.doc.registerFont(F.italic, join(dir, 'DejaVuSans-Oblique.ttf'));
    // Not also given as the constructor's `font`: pdfkit would then re-open the file on every font switch.
    this.doc.font(F.regular);
    this.doc.on('pageAdded', () => {
      this.page++;
    });
  }

  get y(): number {
    return this.doc.y;
  }

  newPage(): void {
    this.doc.addPage();
    this.doc.x = MARGIN.left;
  }

  ensure(height: number): void {
    if (this.doc.y + height > BOTTOM) this.newPage();
  }

  gap(h: number): void {
    this.doc.y += h;
  }

  style(font: string, size: number, colour: string = COLOURS.text): Doc {
    return this.doc.font(font).fontSize(size).fillColor(colour);
  }

  height(text: string, font: string, size: number, width: number, lineGap = 1.5): number {
    return this.doc.font(font).fontSize(size).heightOfString(text, { width, lineGap });
  }

  paragraph(
    text: string,
    opts: { size?: number; colour?: string; font?: string; x?: number; width?: number } = {},
  ): void {
    const size = opts.size ?? 9.5;
    const width = opts.width ?? CONTENT_WIDTH;
    const font = opts.font ?? F.regular;
    this.ensure(Math.min(this.height(text, font, size, width, 2), 120));
    this.style(font, size, opts.colour).text(text, opts.x ?? MARGIN.left, this.doc.y, { width, lineGap: 2 });
    this.doc.x = MARGIN.left;
  }

  section(id: string, title: string, opts: { newPage?: boolean } = {}): void {
    if (opts.newPage ?? true) this.newPage();
    else this.ensure(80);
    this.sectionPages.set(id, this.page - 1);
    this.doc.outline.addItem(title);
    const y = this.doc.y;
    this.style(F.bold, 18, COLOURS.primary).text(title, MARGIN.left, y, { width: CONTENT_WIDTH });
    const ruleY = this.doc.y + 4;
    this.doc
      .moveTo(MARGIN.left, ruleY)
      .lineTo(MARGIN.left + 48, ruleY)
      .lineWidth(2.5)
      .strokeColor(COLOURS.accent)
      .stroke();
    this.doc.y = ruleY + 14;
  }

  /** A heading kept with what follows: `keep` points of room are needed below it. */
  subheading(title: string, size = 12.5, keep = 60): void {
    this.ensure(keep);
    this.gap(6);
    const y = this.doc.y;
    this.doc.rect(MARGIN.left, y + 2, 4, size).fill(COLOURS.primary);
    this.style(F.bold, size).text(title, MARGIN.left + 12, y, { width: CONTENT_WIDTH - 12 });
    this.doc.x = MARGIN.left;
    this.gap(6);
  }

  /** A table with a bold header, light rules between rows, repeated header after a page break. */
  table(
    tbl: Table,
    opts: {
      size?: number;
      colour?: (row: number, col: number) => string | undefined;
      boldFirst?: boolean;
    } = {},
  ): void {
    const size = opts.size ?? 8.5;
    const total = tbl.widths.reduce((a, b) => a + b, 0);
    const widths = tbl.widths.map((w) => (w / total) * CONTENT_WIDTH);
    const padX = 4;
    const padY = 4;
    const rowHeight = (cells: string[], font: string) =>
      Math.max(...cells.map((c, i) => this.height(c || ' ', font, size, widths[i]! - 2 * padX, 1))) +
      2 * padY;
    const drawRow = (cells: string[], header: boolean, rowIndex: number) => {
      const font = header ? F.bold : F.regular;
      const h = rowHeight(cells, font);
      if (this.doc.y + h > BOTTOM) {
        this.newPage();
        if (!header) drawRow(tbl.head, true, -1);
      }
      const y = this.doc.y;
      let x = MARGIN.left;
      cells.forEach((c, i) => {
        const colour = header ? COLOURS.muted : (opts.colour?.(rowIndex, i) ?? COLOURS.text);
        const f = !header && opts.boldFirst && i === 0 ? F.bold : font;
        this.style(f, size, colour).text(c, x + padX, y + padY, { width: widths[i]! - 2 * padX, lineGap: 1 });
        x += widths[i]!;
      });
      const bottom = y + h;
      this.doc
        .moveTo(MARGIN.left, bottom)
        .lineTo(MARGIN.left + CONTENT_WIDTH, bottom)
        .lineWidth(header ? 0.9 : 0.4)
        .strokeColor(header ? COLOURS.muted : COLOURS.rule)
        .stroke();
      this.doc.y = bottom;
      this.doc.x = MARGIN.left;
    };
    this.ensure(rowHeight(tbl.head, F.bold) + rowHeight(tbl.rows[0] ?? tbl.head, F.regular));
    drawRow(tbl.head, true, -1);
    for (const [i, r] of tbl.rows.entries()) drawRow(r, false, i);
    this.gap(10);
  }

  /** The height `pairs` will take. */
  pairsHeight(rows: [string, string][], labelShare = 0.45, valueFont = F.bold): number {
    const lw = CONTENT_WIDTH * labelShare;
    const vw = CONTENT_WIDTH - lw;
    return rows.reduce(
      (h, [label, value]) =>
        h + Math.max(this.height(label, F.regular, 9, lw - 8), this.height(value, valueFont, 9, vw - 8)) + 9,
      0,
    );
  }

  /** Label / value pairs in two columns of a table without header. */
  pairs(rows: [string, string][], labelShare = 0.45, valueFont = F.bold): void {
    const size = 9;
    const lw = CONTENT_WIDTH * labelShare;
    const vw = CONTENT_WIDTH - lw;
    for (const [label, value] of rows) {
      const h =
        Math.max(this.height(label, F.regular, size, lw - 8), this.height(value, valueFont, size, vw - 8)) +
        9;
      this.ensure(h);
      const y = this.doc.y;
      this.style(F.regular, size, COLOURS.muted).text(label, MARGIN.left + 4, y + 4.5, {
        width: lw - 8,
        lineGap: 1.5,
      });
      this.style(valueFont, size).text(value, MARGIN.left + lw + 4, y + 4.5, { width: vw - 8, lineGap: 1.5 });
      this.doc
        .moveTo(MARGIN.left, y + h)
        .lineTo(MARGIN.left + CONTENT_WIDTH, y + h)
        .lineWidth(0.4)
        .strokeColor(COLOURS.rule)
        .stroke();
      this.doc.y = y + h;
    }
    this.doc.x = MARGIN.left;
    this.gap(10);
  }

  bullets(items: string[], size = 9): void {
    for (const item of items) {
      const h = this.height(item, F.regular, size, CONTENT_WIDTH - 14);
      this.ensure(h + 3);
      const y = this.doc.y;
      this.style(F.regular, size, COLOURS.accent).text('•', MARGIN.left + 2, y, { lineBreak: false });
      this.style(F.regular, size).text(item, MARGIN.left + 14, y, {
        width: CONTENT_WIDTH - 14,
        lineGap: 1.5,
      });
      this.gap(3);
    }
    this.doc.x = MARGIN.left;
    this.gap(4);
  }

  note(text: string, colour: string = COLOURS.muted): void {
    const h = this.height(text, F.regular, 8.5, CONTENT_WIDTH - 20) + 12;
    this.ensure(h);
    const y = this.doc.y;
    this.doc.roundedRect(MARGIN.left, y, CONTENT_WIDTH, h, 4).fill(COLOURS.band);
    this.style(F.regular, 8.5, colour).text(text, MARGIN.left + 10, y + 6, {
      width: CONTENT_WIDTH - 20,
      lineGap: 1.5,
    });
    this.doc.y = y + h + 8;
    this.doc.x = MARGIN.left;
  }
}

function cover(w: Writer): void {
  const { doc, model } = w;
  w.newPage();
  const bandH = 360;
  doc.rect(0, 0, PAGE.width, bandH).fill(COLOURS.primary);
  doc.rect(0, bandH, PAGE.width, 6).fill(COLOURS.accent);
  w.style(F.regular, 11, '#cfe3d7').text(model.subtitle.toUpperCase(), MARGIN.left, 120, {
    width: CONTENT_WIDTH,
    characterSpacing: 1.2,
  });
  w.style(F.bold, 34, '#ffffff').text(model.title, MARGIN.left, 146, { width: CONTENT_WIDTH });
  w.style(F.bold, 17, '#ffffff').text(model.caisseName, MARGIN.left, doc.y + 14, {
    width: CONTENT_WIDTH,
    lineGap: 2,
  });
  w.style(F.regular, 11, '#cfe3d7').text(model.place, MARGIN.left, doc.y + 8, { width: CONTENT_WIDTH });

  let y = bandH + 60;
  const line = (label: string, value: string) => {
    w.style(F.regular, 10, COLOURS.muted).text(label, MARGIN.left, y, { width: 150 });
    w.style(F.bold, 13).text(value, MARGIN.left + 150, y - 2, { width: CONTENT_WIDTH - 150 });
    y = doc.y + 14;
  };
  line(t(model.lang, 'period'), model.period);
  if (model.comparisonPeriod) line(t(model.lang, 'comparedWith'), model.comparisonPeriod);
  line(t(model.lang, 'generatedOn'), model.generatedOn);

  const noteY = PAGE.height - 200;
  const internal = model.audience === 'internal';
  doc.roundedRect(MARGIN.left, noteY, CONTENT_WIDTH, 44, 4).fill(internal ? '#fbeee4' : COLOURS.band);
  w.style(F.regular, 9.5, internal ? '#8a3b12' : COLOURS.text).text(
    model.audienceNote,
    MARGIN.left + 14,
    noteY + 10,
    {
      width: CONTENT_WIDTH - 28,
      lineGap: 2,
    },
  );
  w.style(F.regular, 8.5, COLOURS.muted).text(t(model.lang, 'producedWith'), MARGIN.left, PAGE.height - 90, {
    width: CONTENT_WIDTH,
  });
}

/** Summary box, then room for the contents (filled in once page numbers are known). */
function summary(w: Writer): { tocY: number; tocPage: number } {
  const { doc, model } = w;
  w.newPage();
  w.sectionPages.set('summary', w.page - 1);
  doc.outline.addItem(t(model.lang, 'summary'));
  const top = doc.y;
  const tiles = model.summary.tiles;
  const key = model.summary.keyFigures;
  const keyH = key.length === 0 ? 18 : key.reduce((h, k) => h + (k.detail ? 30 : 18), 0);
  const boxH = 36 + 62 + 24 + keyH + 10;
  doc.roundedRect(MARGIN.left, top, CONTENT_WIDTH, boxH, 6).fill(COLOURS.band);
  doc.rect(MARGIN.left, top, 5, boxH).fill(COLOURS.primary);
  w.style(F.bold, 14, COLOURS.primary).text(t(model.lang, 'summary'), MARGIN.left + 20, top + 14);
  const tileW = (CONTENT_WIDTH - 40) / Math.max(1, tiles.length);
  tiles.forEach((tile, i) => {
    const x = MARGIN.left + 20 + i * tileW;
    w.style(F.bold, 20, COLOURS.primary).text(tile.value, x, top + 42, {
      width: tileW - 8,
      lineBreak: false,
    });
    w.style(F.regular, 8, COLOURS.muted).text(tile.label, x, top + 70, { width: tileW - 8 });
  });
  let y = top + 36 + 62;
  w.style(F.bold, 10).text(t(model.lang, 'keyFigures'), MARGIN.left + 20, y);
  y += 18;
  if (key.length === 0) {
    w.style(F.regular, 9, COLOURS.muted).text(t(model.lang, 'noKeyFigure'), MARGIN.left + 20, y);
  }
  for (const k of key) {
    w.style(F.regular, 9).text(k.label, MARGIN.left + 20, y, {
      width: 310,
      lineBreak: false,
      ellipsis: true,
    });
    w.style(F.bold, 11, COLOURS.primary).text(k.value, MARGIN.left + 340, y - 1, {
      width: 120,
      align: 'right',
    });
    if (k.detail) {
      w.style(F.regular, 8, COLOURS.muted).text(k.detail, MARGIN.left + 20, y + 13, { width: 440 });
      y += 30;
    } else y += 18;
  }
  doc.y = top + boxH + 28;
  doc.x = MARGIN.left;
  w.style(F.bold, 14, COLOURS.primary).text(t(model.lang, 'contents'), MARGIN.left, doc.y);
  w.gap(8);
  const tocY = doc.y;
  doc.y = tocY + model.sections.length * 22 + 10;
  return { tocY, tocPage: w.page - 1 };
}

function indicator(w: Writer, b: IndicatorBlock): void {
  const { doc } = w;
  const titleH = w.height(b.label, F.bold, 10.5, CONTENT_WIDTH);
  const descH = w.height(b.description, F.regular, 8.5, CONTENT_WIDTH);
  const chartW = 262;
  const chartH = chartW / 2;
  const bodyH = b.state === 'measured' ? Math.max(chartH, 150) : 30;
  w.ensure(titleH + descH + 20 + bodyH);
  w.gap(4);
  w.style(F.bold, 10.5, COLOURS.primary).text(b.label, MARGIN.left, doc.y, {
    width: CONTENT_WIDTH,
    lineGap: 1,
  });
  w.gap(2);
  w.style(F.regular, 8.5, COLOURS.muted).text(`${b.description} — ${b.unit}`, MARGIN.left, doc.y, {
    width: CONTENT_WIDTH,
    lineGap: 1.5,
  });
  w.gap(6);
  if (b.state !== 'measured') {
    w.note(b.stateText ?? '', b.state === 'suppressed' ? '#8a3b12' : COLOURS.muted);
    rule(w);
    return;
  }
  const top = doc.y;
  const leftW = CONTENT_WIDTH - chartW - 16;
  let y = top;
  for (const f of b.figures) {
    w.style(F.regular, 8.5, COLOURS.muted).text(f.label, MARGIN.left, y, { width: leftW * 0.58, lineGap: 1 });
    const labelBottom = doc.y;
    w.style(F.bold, 9.5, f.tone === 'muted' ? COLOURS.muted : COLOURS.text).text(
      f.value,
      MARGIN.left + leftW * 0.58,
      y,
      {
        width: leftW * 0.42,
        align: 'right',
        lineGap: 1,
      },
    );
    y = Math.max(labelBottom, doc.y) + 1;
    if (f.detail) {
      w.style(F.regular, 7.5, f.tone ? TONE[f.tone] : COLOURS.muted).text(f.detail, MARGIN.left, y, {
        width: leftW,
        align: 'right',
        lineGap: 1,
      });
      y = doc.y + 1;
    }
    doc
      .moveTo(MARGIN.left, y + 2)
      .lineTo(MARGIN.left + leftW, y + 2)
      .lineWidth(0.3)
      .strokeColor(COLOURS.rule)
      .stroke();
    y += 5;
  }
  const image = b.chart ? w.images.get(b.chart.id) : undefined;
  if (image) doc.image(image, MARGIN.left + leftW + 16, top, { width: chartW });
  doc.y = Math.max(y, image ? top + chartH : y) + 6;
  doc.x = MARGIN.left;
  if (b.note) w.note(b.note, '#8a3b12');
  if (b.categories) w.table(b.categories, { size: 8 });
  rule(w);
}

function rule(w: Writer): void {
  w.gap(2);
  w.doc
    .moveTo(MARGIN.left, w.y)
    .lineTo(MARGIN.left + CONTENT_WIDTH, w.y)
    .lineWidth(0.6)
    .strokeColor(COLOURS.rule)
    .stroke();
  w.gap(10);
}

function headersAndFooters(w: Writer, toc: { tocY: number; tocPage: number }): void {
  const { doc, model } = w;
  const range = doc.bufferedPageRange();
  const total = range.count;
  // Contents with page numbers, now that they are known.
  doc.switchToPage(toc.tocPage);
  let y = toc.tocY;
  for (const s of model.sections) {
    const p = w.sectionPages.get(s.id);
    w.style(F.regular, 10.5).text(s.title, MARGIN.left, y, { width: CONTENT_WIDTH - 60, lineBreak: false });
    w.style(F.bold, 10.5, COLOURS.primary).text(
      p === undefined ? '' : String(p + 1),
      MARGIN.left + CONTENT_WIDTH - 60,
      y,
      {
        width: 60,
        align: 'right',
        lineBreak: false,
      },
    );
    doc
      .moveTo(MARGIN.left, y + 16)
      .lineTo(MARGIN.left + CONTENT_WIDTH, y + 16)
      .lineWidth(0.3)
      .strokeColor(COLOURS.rule)
      .stroke();
    y += 22;
  }
  for (let i = range.start; i < range.start + total; i++) {
    if (i === 0) continue;
    doc.switchToPage(i);
    const margins = doc.page.margins;
    doc.page.margins = { ...margins, top: 0, bottom: 0 };
    w.style(F.regular, 7.5, COLOURS.muted).text(model.caisseName, MARGIN.left, 34, {
      width: CONTENT_WIDTH * 0.62,
      lineBreak: false,
      ellipsis: true,
    });
    w.style(F.regular, 7.5, COLOURS.muted).text(
      `${model.title} · ${model.period}`,
      MARGIN.left + CONTENT_WIDTH * 0.62,
      34,
      {
        width: CONTENT_WIDTH * 0.38,
        align: 'right',
        lineBreak: false,
      },
    );
    doc
      .moveTo(MARGIN.left, 48)
      .lineTo(MARGIN.left + CONTENT_WIDTH, 48)
      .lineWidth(0.5)
      .strokeColor(COLOURS.rule)
      .stroke();
    const fy = PAGE.height - 40;
    doc
      .moveTo(MARGIN.left, fy - 8)
      .lineTo(MARGIN.left + CONTENT_WIDTH, fy - 8)
      .lineWidth(0.5)
      .strokeColor(COLOURS.rule)
      .stroke();
    const audience =
      model.audience === 'internal'
        ? t(model.lang, 'audienceInternal')
        : t(model.lang, 'audienceExternal', { min: model.minCell });
    w.style(F.regular, 7, COLOURS.muted).text(audience, MARGIN.left, fy, {
      width: CONTENT_WIDTH - 90,
      lineBreak: false,
      ellipsis: true,
    });
    w.style(F.regular, 7.5, COLOURS.muted).text(
      `${t(model.lang, 'page')} ${i + 1} ${t(model.lang, 'of')} ${total}`,
      MARGIN.left + CONTENT_WIDTH - 90,
      fy,
      { width: 90, align: 'right', lineBreak: false },
    );
    doc.page.margins = margins;
  }
}

export function renderPdf(model: ReportModel, images: ReadonlyMap<string, Buffer>): Promise<Buffer> {
  const w = new Writer(model, images);
  const { doc } = w;
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const { lang } = model;
  const [s1, s2, s3, s4, s5, s6] = model.sections;

  cover(w);
  const toc = summary(w);

  // 1. The caisse (on the summary page when it fits).
  w.section(s1!.id, s1!.title, { newPage: false });
  w.pairs(model.profile);

  // 2. Objectives and gaps.
  w.section(s2!.id, s2!.title);
  w.paragraph(model.objectives.intro);
  w.gap(8);
  if (model.objectives.table) {
    w.table(model.objectives.table, {
      colour: (row, col) =>
        col === 0 || col === 4
          ? model.objectives.symbols[row] === '●'
            ? COLOURS.primary
            : COLOURS.accent
          : undefined,
    });
  } else w.paragraph(t(lang, 'noObjective'), { colour: COLOURS.muted });
  w.subheading(t(lang, 'dimensionsMatrix'), 11);
  w.table(model.objectives.dimensions, {
    colour: (row, col) =>
      col === 0
        ? model.objectives.dimensions.rows[row]![0] === '●'
          ? COLOURS.primary
          : COLOURS.accent
        : undefined,
  });
  w.subheading(t(lang, 'withoutObjective'), 11);
  if (model.objectives.withoutObjective.length > 0) w.bullets(model.objectives.withoutObjective);
  else w.paragraph(t(lang, 'withoutObjectiveNone'), { colour: COLOURS.muted });

  // 3. Indicators by dimension.
  w.section(s3!.id, s3!.title);
  w.paragraph(t(lang, 'indicatorsIntro'), { colour: COLOURS.muted, size: 9 });
  w.gap(4);
  if (model.dimensions.length === 0) w.paragraph(t(lang, 'noIndicator'), { colour: COLOURS.muted });
  for (const d of model.dimensions) {
    w.subheading(d.title, 12.5, 230);
    for (const b of d.indicators) indicator(w, b);
  }

  // 4. Socio-economic model.
  w.section(s4!.id, s4!.title);
  w.paragraph(model.economy.intro, { colour: COLOURS.muted, size: 9 });
  w.gap(6);
  if (model.economy.available) {
    w.subheading(t(lang, 'budgetSources'), 11);
    const chart = model.economy.chart ? images.get(model.economy.chart.id) : undefined;
    if (chart) {
      w.ensure(CONTENT_WIDTH * 0.8 * 0.5 + 10);
      doc.image(chart, MARGIN.left + CONTENT_WIDTH * 0.1, doc.y, { width: CONTENT_WIDTH * 0.8 });
      doc.y += CONTENT_WIDTH * 0.8 * 0.5 + 8;
    }
    if (model.economy.budget) w.table(model.economy.budget, { boldFirst: false });
    w.subheading(t(lang, 'work'), 11);
    w.pairs(model.economy.figures, 0.6);
  }
  w.note(model.economy.benchmark);

  // 5. Methodology.
  w.section(s5!.id, s5!.title);
  w.subheading(t(lang, 'instruments'), 11);
  for (const i of model.methodology.instruments) {
    w.ensure(40);
    w.paragraph(i.source, { size: 8.5 });
    w.paragraph(`${t(lang, 'usedBy')} : ${i.indicators.join(' ; ')}`, { size: 8, colour: COLOURS.muted });
    w.gap(5);
  }
  w.subheading(t(lang, 'responseRates'), 11);
  if (model.methodology.waves.rows.length > 0) w.table(model.methodology.waves);
  else w.paragraph(t(lang, 'noWave'), { colour: COLOURS.muted });
  w.paragraph(model.methodology.expectedNote, { size: 8, colour: COLOURS.muted });
  w.subheading(t(lang, 'missingRules'), 11);
  w.paragraph(model.methodology.missingIntro, { size: 9 });
  w.gap(4);
  for (const r of model.methodology.missingRules) {
    w.ensure(36);
    w.paragraph(r.text, { size: 8.5 });
    w.paragraph(`${t(lang, 'usedBy')} : ${r.indicators.join(' ; ')}`, { size: 8, colour: COLOURS.muted });
    w.gap(5);
  }
  w.subheading(t(lang, 'suppression'), 11);
  w.paragraph(model.methodology.suppression, { size: 9 });
  w.subheading(t(lang, 'statistics'), 11);
  w.paragraph(model.methodology.statistics, { size: 9 });

  // 6. Annex.
  w.section(s6!.id, s6!.title);
  for (const sheet of model.annex) {
    // A sheet stays on one page when it can.
    w.ensure(Math.min(w.pairsHeight(sheet.rows, 0.22, F.regular) + 24, BOTTOM - MARGIN.top));
    w.style(F.bold, 10.5, COLOURS.primary).text(sheet.title, MARGIN.left, doc.y, { width: CONTENT_WIDTH });
    w.gap(4);
    w.pairs(sheet.rows, 0.22, F.regular);
  }

  headersAndFooters(w, toc);
  doc.end();
  return done;
}
