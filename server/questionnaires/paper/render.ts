// The paper questionnaire as PDF (pdfkit, DejaVu Sans): A4, type ≥ 11 pt, boxes of 4.6 mm, each
// question kept on one page when it fits, skip instructions in a shaded band with an arrow, and the
// participant code repeated at the top of every page so that loose sheets find their form again.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import type {
  PaperAnswer,
  PaperInstruction,
  PaperLang,
  PaperLayout,
  PaperQuestion,
  PaperSection,
} from './layout.ts';

type Doc = PDFKit.PDFDocument;

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { left: 50, right: 50, top: 56, bottom: 56 };
const WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BOTTOM = PAGE.height - MARGIN.bottom;
const BOX = 13; // 4.6 mm
const CELL = 20; // number and code cells, 7 mm
const GUTTER = 38; // question number column
const SIZE = { text: 11.5, small: 11, title: 18, section: 13.5 };
const F = { regular: 'Sans', bold: 'Sans-Bold', italic: 'Sans-Oblique', boldItalic: 'Sans-BoldOblique' };
const INK = '#111111';
const MUTED = '#444444';
const SHADE = '#ececec';
const CODE_CELLS = 8;

const T = {
  fr: {
    code: 'Code participant',
    date: 'Date',
    many: '(plusieurs réponses possibles)',
    rank: '(numérotez par ordre de préférence : 1, 2, 3…)',
    page: (n: number, of: number) => `page ${n} / ${of}`,
    intro:
      'Cochez une case par question, sauf indication contraire. Suivez les flèches → pour sauter des questions.',
    dateFormat: ['jour', 'mois', 'année'],
    end: 'Merci pour vos réponses !',
  },
  en: {
    code: 'Participant code',
    date: 'Date',
    many: '(you may tick several boxes)',
    rank: '(number them in order of preference: 1, 2, 3…)',
    page: (n: number, of: number) => `page ${n} of ${of}`,
    intro: 'Tick one box per question unless told otherwise. Follow the arrows → to skip questions.',
    dateFormat: ['day', 'month', 'year'],
    end: 'Thank you for your answers!',
  },
} as const;

function fontDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
}

class PaperWriter {
  readonly doc: Doc;
  readonly t: (typeof T)[PaperLang];

  constructor(
    readonly layout: PaperLayout,
    readonly lang: PaperLang,
  ) {
    this.t = T[lang];
    const dir = fontDir();
    this.doc = new PDFDocument({
      size: 'A4',
      margins: MARGIN,
      bufferPages: true,
      autoFirstPage: false,
      lang: lang === 'fr' ? 'fr-FR' : 'en-GB',
      displayTitle: true,
      info: { Title: layout.title, Creator: 'Récolte' },
    });
    this.doc.registerFont(F.regular, join(dir, 'DejaVuSans.ttf'));
    this.doc.registerFont(F.bold, join(dir, 'DejaVuSans-Bold.ttf'));
    this.doc.registerFont(F.italic, join(dir, 'DejaVuSans-Oblique.ttf'));
    this.doc.registerFont(F.boldItalic, join(dir, 'DejaVuSans-BoldOblique.ttf'));
    this.doc.font(F.regular);
  }

  newPage(): void {
    this.doc.addPage();
    this.doc.fillColor(INK).strokeColor(INK).lineWidth(0.9);
    this.doc.x = MARGIN.left;
    this.doc.y = MARGIN.top;
  }

  ensure(height: number): void {
    if (this.doc.y + height > BOTTOM) this.newPage();
  }

  height(text: string, font: string, size: number, width: number): number {
    return this.doc.font(font).fontSize(size).heightOfString(text, { width, lineGap: 1.5 });
  }

  text(text: string, x: number, y: number, font: string, size: number, width: number, color = INK): number {
    this.doc.font(font).fontSize(size).fillColor(color).text(text, x, y, { width, lineGap: 1.5 });
    return this.doc.y;
  }

  box(x: number, y: number, size = BOX): void {
    this.doc.rect(x, y, size, size).stroke();
  }

  cells(x: number, y: number, count: number): number {
    for (let i = 0; i < count; i++) this.box(x + i * CELL, y, CELL);
    return x + count * CELL;
  }

  header(): void {
    const d = this.doc;
    this.text(this.layout.title, MARGIN.left, MARGIN.top, F.bold, SIZE.title, WIDTH);
    let y = d.y + 10;
    // Code and date boxes on one line.
    this.text(`${this.t.code} :`, MARGIN.left, y + 4, F.bold, SIZE.text, 140);
    const codeX =
      MARGIN.left + this.doc.font(F.bold).fontSize(SIZE.text).widthOfString(`${this.t.code} :`) + 8;
    this.cells(codeX, y, CODE_CELLS);
    y += CELL + 8;
    this.date(MARGIN.left, y, codeX);
    y += CELL + 12;
    if (this.layout.description)
      y = this.text(this.layout.description, MARGIN.left, y, F.regular, SIZE.small, WIDTH, MUTED) + 6;
    y = this.text(this.t.intro, MARGIN.left, y, F.italic, SIZE.small, WIDTH) + 8;
    d.moveTo(MARGIN.left, y)
      .lineTo(MARGIN.left + WIDTH, y)
      .lineWidth(1.2)
      .stroke()
      .lineWidth(0.9);
    d.y = y + 10;
  }

  /** « Date : [][] / [][] / [][][][] », returns the right edge. */
  date(x: number, y: number, cellsX?: number): number {
    const label = `${this.t.date} :`;
    this.text(label, x, y + 4, F.bold, SIZE.text, 80);
    let cx = cellsX ?? x + this.doc.font(F.bold).fontSize(SIZE.text).widthOfString(label) + 8;
    const groups = [2, 2, 4];
    groups.forEach((n, i) => {
      cx = this.cells(cx, y, n);
      if (i < groups.length - 1) {
        this.text('/', cx + 2, y + 3, F.regular, SIZE.text, 10);
        cx += 12;
      }
    });
    return cx;
  }

  section(s: PaperSection): void {
    const size = s.level === 1 ? SIZE.section : SIZE.text + 0.5;
    const h =
      this.height(s.title, F.bold, size, WIDTH) +
      (s.description ? this.height(s.description, F.italic, SIZE.small, WIDTH) : 0);
    this.ensure(h + 70); // never a heading alone at the bottom of a page
    const d = this.doc;
    d.y += s.level === 1 ? 8 : 4;
    if (s.level === 1) {
      d.rect(MARGIN.left, d.y - 3, WIDTH, this.height(s.title, F.bold, size, WIDTH - 12) + 6).fill(SHADE);
      this.text(s.title, MARGIN.left + 6, d.y, F.bold, size, WIDTH - 12);
    } else {
      this.text(s.title, MARGIN.left, d.y, F.bold, size, WIDTH);
    }
    if (s.description) this.text(s.description, MARGIN.left, d.y + 3, F.italic, SIZE.small, WIDTH, MUTED);
    d.y += 8;
  }

  instruction(i: PaperInstruction): void {
    const x = MARGIN.left + GUTTER;
    const w = WIDTH - GUTTER - 26;
    const font = i.worded ? F.bold : F.italic;
    const h = this.height(i.text, font, SIZE.text, w) + 10;
    this.ensure(h + 4);
    const d = this.doc;
    const y = d.y;
    d.rect(x - 4, y, WIDTH - GUTTER + 4, h)
      .lineWidth(1.4)
      .stroke()
      .lineWidth(0.9);
    this.text('→', x + 2, y + 4, F.bold, SIZE.text + 2, 20);
    this.text(i.text, x + 24, y + 5, font, SIZE.text, w);
    d.y = y + h + 10;
  }

  question(q: PaperQuestion): void {
    const textX = MARGIN.left + GUTTER;
    const textW = WIDTH - GUTTER;
    const head =
      this.height(q.title, F.bold, SIZE.text, textW) +
      (q.description ? this.height(q.description, F.italic, SIZE.small, textW) + 2 : 0);
    // Measure by drawing nowhere is not possible in pdfkit: estimate the answer's height instead.
    const need = head + this.answerHeight(q.answer, textW) + 14;
    this.ensure(Math.min(need, BOTTOM - MARGIN.top));
    const d = this.doc;
    const y = d.y;
    this.doc
      .font(F.bold)
      .fontSize(SIZE.text)
      .fillColor(INK)
      .text(`${q.number}.`, MARGIN.left, y, { lineBreak: false });
    let after = this.text(q.title, textX, y, F.bold, SIZE.text, textW);
    if (q.description) after = this.text(q.description, textX, after + 2, F.italic, SIZE.small, textW, MUTED);
    d.y = after + 6;
    this.answer(q.answer, textX, textW);
    d.y += 12;
  }

  /** Option columns: as many as the longest label allows (at most 4), or one per line. */
  columns(labels: string[], width: number): number {
    const widest = Math.max(
      ...labels.map((l) => this.doc.font(F.regular).fontSize(SIZE.text).widthOfString(l)),
      10,
    );
    const col = widest + BOX + 22;
    return Math.max(1, Math.min(4, labels.length, Math.floor(width / col)));
  }

  answerHeight(a: PaperAnswer, width: number): number {
    const line = SIZE.text * 1.6 + 4;
    switch (a.kind) {
      case 'choice': {
        if (a.scale) return BOX + 2 * line + 6;
        const labels = a.options.map((o) => o.label);
        const cols = this.columns(labels, width);
        const colW = width / cols;
        let h = a.multiple || a.rank ? line : 0;
        for (let i = 0; i < labels.length; i += cols) {
          const row = labels
            .slice(i, i + cols)
            .map((l) => this.height(l, F.regular, SIZE.text, colW - BOX - 12));
          h += Math.max(...row, BOX) + 6;
        }
        return h + (a.options.some((o) => o.specify) ? line : 0);
      }
      case 'matrix':
      case 'grid':
        return 40 + a.rows.length * 26;
      case 'number':
      case 'date':
        return CELL + 6;
      case 'lines':
        return a.lines * 24;
      case 'fields':
        return a.fields.length * 26;
    }
  }

  answer(a: PaperAnswer, x: number, width: number): void {
    const d = this.doc;
    switch (a.kind) {
      case 'choice': {
        if (a.scale) {
          this.scale(a, x, width);
          return;
        }
        if (a.multiple || a.rank) {
          d.y = this.text(a.rank ? this.t.rank : this.t.many, x, d.y, F.italic, SIZE.small, width, MUTED) + 4;
        }
        const cols = this.columns(
          a.options.map((o) => o.label),
          width,
        );
        const colW = width / cols;
        for (let i = 0; i < a.options.length; i += cols) {
          const row = a.options.slice(i, i + cols);
          const heights = row.map((o) => this.height(o.label, F.regular, SIZE.text, colW - BOX - 12));
          const h = Math.max(...heights, BOX);
          this.ensure(h + 6);
          const y = d.y;
          row.forEach((o, j) => {
            const cx = x + j * colW;
            this.box(cx, y + 1, a.rank ? BOX + 4 : BOX);
            this.text(o.label, cx + BOX + 10, y, F.regular, SIZE.text, colW - BOX - 12);
          });
          d.y = y + h + 6;
          for (const _ of row.filter((r) => r.specify)) {
            const ly = d.y + SIZE.text + 4;
            d.moveTo(x + BOX + 10, ly)
              .lineTo(x + width, ly)
              .dash(1.5, { space: 2.5 })
              .stroke()
              .undash();
            d.y = ly + 6;
          }
        }
        return;
      }
      case 'matrix':
      case 'grid':
        this.matrix(a, x, width);
        return;
      case 'number': {
        const y = d.y;
        const right = this.cells(x, y, a.cells);
        if (a.hint)
          this.text(a.hint, right + 10, y + 4, F.italic, SIZE.small, width - (right - x) - 10, MUTED);
        d.y = y + CELL + 6;
        return;
      }
      case 'date': {
        const y = d.y;
        let cx = x;
        [2, 2, 4].forEach((n, i) => {
          cx = this.cells(cx, y, n);
          if (i < 2) {
            this.text('/', cx + 2, y + 3, F.regular, SIZE.text, 10);
            cx += 12;
          }
        });
        d.y = y + CELL + 6;
        return;
      }
      case 'lines': {
        for (let i = 0; i < a.lines; i++) {
          const y = d.y + 20;
          d.moveTo(x, y)
            .lineTo(x + width, y)
            .dash(1.5, { space: 2.5 })
            .stroke()
            .undash();
          d.y = y + 4;
        }
        return;
      }
      case 'fields': {
        for (const f of a.fields) {
          const y = d.y;
          this.text(f, x, y + 6, F.regular, SIZE.text, width * 0.4);
          d.moveTo(x + width * 0.42, y + 20)
            .lineTo(x + width, y + 20)
            .dash(1.5, { space: 2.5 })
            .stroke()
            .undash();
          d.y = y + 26;
        }
        return;
      }
    }
  }

  scale(a: Extract<PaperAnswer, { kind: 'choice' }>, x: number, width: number): void {
    const d = this.doc;
    const n = a.options.length;
    // As wide as the longest label on one line allows, so that words wrap as little as possible.
    const widest = Math.max(
      ...a.options.map((o) => d.font(F.regular).fontSize(SIZE.text).widthOfString(o.label)),
    );
    const step = Math.min(width / Math.max(n, 1), Math.max(48, widest + 14));
    const y = d.y;
    a.options.forEach((o, i) => {
      const cx = x + i * step;
      this.text(o.label, cx, y, F.regular, SIZE.text, step - 4);
    });
    const labelsH = Math.max(...a.options.map((o) => this.height(o.label, F.regular, SIZE.text, step - 4)));
    const by = y + labelsH + 3;
    a.options.forEach((_, i) => {
      this.box(x + i * step, by);
    });
    let bottom = by + BOX + 4;
    if (a.minLabel || a.maxLabel) {
      const half = Math.max(step * n, 220) / 2;
      if (a.minLabel)
        bottom = Math.max(
          bottom,
          this.text(`← ${a.minLabel}`, x, by + BOX + 4, F.italic, SIZE.small, half - 6, MUTED),
        );
      if (a.maxLabel) {
        const right = x + Math.max(step * (n - 1) + BOX, 220);
        const w = half - 6;
        bottom = Math.max(
          bottom,
          this.doc
            .font(F.italic)
            .fontSize(SIZE.small)
            .fillColor(MUTED)
            .text(`${a.maxLabel} →`, right - w, by + BOX + 4, { width: w, align: 'right' }).y,
        );
        d.fillColor(INK);
      }
    }
    d.y = bottom + 4;
  }

  matrix(a: Extract<PaperAnswer, { kind: 'matrix' | 'grid' }>, x: number, width: number): void {
    const d = this.doc;
    const rowW = Math.min(width * 0.42, 200);
    const colW = (width - rowW) / Math.max(a.columns.length, 1);
    const headH =
      Math.max(...a.columns.map((c) => this.height(c.label, F.regular, SIZE.small, colW - 4)), 12) + 6;
    const drawHead = () => {
      const y = d.y;
      a.columns.forEach((c, i) => {
        d.font(F.regular)
          .fontSize(SIZE.small)
          .fillColor(INK)
          .text(c.label, x + rowW + i * colW + 2, y, { width: colW - 4, align: 'center' });
      });
      d.y = y + headH;
    };
    this.ensure(headH + 30);
    drawHead();
    a.rows.forEach((r, ri) => {
      const h =
        Math.max(this.height(r.label, F.regular, SIZE.text, rowW - 6), a.kind === 'grid' ? 22 : BOX) + 10;
      if (d.y + h > BOTTOM) {
        this.newPage();
        drawHead();
      }
      const y = d.y;
      if (ri % 2 === 0) d.rect(x - 2, y, width + 2, h).fill('#f4f4f4');
      this.text(r.label, x + 2, y + 5, F.regular, SIZE.text, rowW - 6);
      a.columns.forEach((_, i) => {
        const cx = x + rowW + i * colW;
        if (a.kind === 'grid') d.rect(cx + 3, y + 4, colW - 6, h - 8).stroke();
        else this.box(cx + (colW - BOX) / 2, y + (h - BOX) / 2);
      });
      d.y = y + h;
    });
    d.y += 4;
  }

  /** Running header (code reminder) and footer (page numbers) on every page once all are laid out. */
  furniture(): void {
    const d = this.doc;
    const range = d.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      d.switchToPage(i);
      // Writing below the bottom margin would make pdfkit open a new page.
      d.page.margins.bottom = 0;
      const footer = `${this.layout.title} — ${this.t.page(i + 1, range.count)}`;
      d.font(F.regular).fontSize(SIZE.small).fillColor(MUTED);
      d.text(footer, MARGIN.left, PAGE.height - MARGIN.bottom + 18, {
        width: WIDTH,
        align: 'center',
        lineBreak: false,
      });
      if (i > range.start) {
        const label = `${this.t.code} :`;
        const cellW = 16;
        const boxesW = CODE_CELLS * cellW;
        const lx =
          MARGIN.left + WIDTH - boxesW - d.font(F.regular).fontSize(SIZE.small).widthOfString(label) - 8;
        d.fillColor(MUTED).text(label, lx, 22, { lineBreak: false });
        for (let c = 0; c < CODE_CELLS; c++)
          d.rect(MARGIN.left + WIDTH - boxesW + c * cellW, 18, cellW, cellW).stroke();
      }
      d.fillColor(INK);
    }
  }

  render(): void {
    this.newPage();
    this.header();
    for (const item of this.layout.items) {
      if (item.kind === 'section') this.section(item);
      else if (item.kind === 'instruction') this.instruction(item);
      else this.question(item);
    }
    this.ensure(40);
    this.text(this.t.end, MARGIN.left, this.doc.y + 10, F.bold, SIZE.text, WIDTH);
    this.furniture();
  }
}

/** The PDF bytes of a paper layout. */
export function renderPaperPdf(layout: PaperLayout, lang: PaperLang): Promise<Buffer> {
  const writer = new PaperWriter(layout, lang);
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    writer.doc.on('data', (c: Buffer) => chunks.push(c));
    writer.doc.on('end', () => resolve(Buffer.concat(chunks)));
    writer.doc.on('error', reject);
    try {
      writer.render();
      writer.doc.end();
    } catch (error) {
      reject(error);
    }
  });
}
