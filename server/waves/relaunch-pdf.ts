// The relaunch sheet (pdfkit, A4, DejaVu Sans like the reports): eight cards per page to cut out, each
// with the caisse, the wave, the participant's code, the QR code of their new link, the link in text
// and a short instruction (French, then English with lang=en).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

export interface RelaunchCard {
  code: string;
  link: string;
}

export interface RelaunchSheet {
  caisseName: string;
  period: string;
  opensAt: string | null;
  closesAt: string | null;
  lang: 'fr' | 'en';
  issuedAt: Date;
  cards: RelaunchCard[];
}

const TEXT = {
  fr: {
    title: 'Feuille de relance',
    wave: 'Vague {period}',
    from: 'du {date}',
    to: 'au {date}',
    issued:
      'Imprimée le {date} · {n} lien(s) : les liens précédents de ces personnes ne fonctionnent plus. Découpez en suivant les pointillés.',
  },
  en: {
    title: 'Reminder sheet',
    wave: 'Wave {period}',
    from: 'from {date}',
    to: 'to {date}',
    issued:
      'Printed on {date} · {n} link(s): these people’s previous links no longer work. Cut along the dotted lines.',
  },
} as const;
const INSTRUCTION = {
  fr: 'Scannez ce code avec votre téléphone, ou tapez le lien ci-dessous, pour répondre au questionnaire. Ce lien est personnel : ne le partagez pas. Il remplace le précédent.',
  en: 'Scan this code with your phone, or type the link below, to answer the questionnaire. This link is personal: do not share it. It replaces the previous one.',
};

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = 28;
const HEADER = 26;
const COLS = 2;
const ROWS = 4;
const CARD_W = (PAGE.width - 2 * MARGIN) / COLS;
const CARD_H = (PAGE.height - 2 * MARGIN - HEADER) / ROWS;
const PAD = 12;
const QR_SIZE = 100;
const INK = '#1f2a24';
const MUTED = '#5b6660';
const F = { regular: 'Sans', bold: 'Sans-Bold', italic: 'Sans-Oblique', mono: 'Mono' };

function fontDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
}

const fill = (text: string, vars: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));

function dateText(iso: string, lang: 'fr' | 'en'): string {
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Paris',
  }).format(new Date(iso));
}

/** The QR code as filled rectangles, one per run of dark modules in a row (vector: sharp at any print size). */
function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number) {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const cell = size / n;
  for (let r = 0; r < n; r++) {
    let c = 0;
    while (c < n) {
      if (!modules.get(r, c)) {
        c++;
        continue;
      }
      const start = c;
      while (c < n && modules.get(r, c)) c++;
      // Slightly taller than a module, so that rows merge without hairline gaps in viewers.
      doc.rect(x + start * cell, y + r * cell, (c - start) * cell, cell + 0.05);
    }
  }
  doc.fillColor('#000000').fill();
}

/** Dotted lines around the page's rows of cards (only the rows used: the last page may be short). */
function drawCutLines(doc: PDFKit.PDFDocument, rows: number) {
  const top = MARGIN + HEADER;
  doc.save().lineWidth(0.5).strokeColor('#9aa39e').dash(3, { space: 3 });
  for (let r = 0; r <= rows; r++) {
    const y = top + r * CARD_H;
    doc
      .moveTo(MARGIN, y)
      .lineTo(PAGE.width - MARGIN, y)
      .stroke();
  }
  for (let c = 0; c <= COLS; c++) {
    const x = MARGIN + c * CARD_W;
    doc
      .moveTo(x, top)
      .lineTo(x, top + rows * CARD_H)
      .stroke();
  }
  doc.undash().restore();
  doc.font(F.regular).fontSize(9).fillColor('#9aa39e');
  for (let r = 0; r < rows; r++) doc.text('✂', MARGIN - 12, top + r * CARD_H - 5, { lineBreak: false });
}

function drawCard(doc: PDFKit.PDFDocument, s: RelaunchSheet, card: RelaunchCard, x: number, y: number) {
  const t = TEXT[s.lang];
  const inner = CARD_W - 2 * PAD;
  let cy = y + PAD;
  doc.font(F.bold).fontSize(9.5).fillColor(INK);
  doc.text(s.caisseName, x + PAD, cy, { width: inner, height: 12, ellipsis: true, lineBreak: false });
  cy += 13;
  const dates = [
    s.opensAt && fill(t.from, { date: dateText(s.opensAt, s.lang) }),
    s.closesAt && fill(t.to, { date: dateText(s.closesAt, s.lang) }),
  ]
    .filter(Boolean)
    .join(' ');
  doc.font(F.regular).fontSize(8).fillColor(MUTED);
  doc.text([fill(t.wave, { period: s.period }), dates].filter(Boolean).join(' · '), x + PAD, cy, {
    width: inner,
    height: 10,
    ellipsis: true,
    lineBreak: false,
  });
  cy += 15;
  drawQr(doc, card.link, x + PAD, cy, QR_SIZE);
  // Beside the QR code, out of its quiet zone (four modules, about 11 pt here): the code, the instruction.
  const textX = x + PAD + QR_SIZE + 12;
  const textW = x + CARD_W - PAD - textX;
  doc.font(F.bold).fontSize(14).fillColor(INK);
  doc.text(card.code, textX, cy - 2, { width: textW, height: 17, ellipsis: true, lineBreak: false });
  const bottom = y + CARD_H - PAD - 17;
  doc.font(F.regular).fontSize(7.3).fillColor(INK);
  doc.text(INSTRUCTION.fr, textX, cy + 19, {
    width: textW,
    lineGap: 0.3,
    height: bottom - cy - 19,
    ellipsis: true,
  });
  if (s.lang === 'en') {
    const top = doc.y + 2;
    doc.font(F.italic).fontSize(6.7).fillColor(MUTED);
    doc.text(INSTRUCTION.en, textX, top, {
      width: textW,
      lineGap: 0.3,
      height: bottom - top,
      ellipsis: true,
    });
  }
  drawLink(doc, card.link, x + PAD, y + CARD_H - PAD, inner);
}

/**
 * The link in text, for whoever cannot scan: monospaced at the card's foot, on one line if it fits,
 * else cut after `/r/` (never inside the token, never at a hyphen a reader would take as a break).
 */
function drawLink(doc: PDFKit.PDFDocument, link: string, x: number, bottom: number, width: number) {
  doc.font(F.mono).fillColor(INK);
  const sizeFor = (text: string, max: number) =>
    Math.max(4.5, Math.min(max, width / doc.fontSize(1).widthOfString(text)));
  const cut = link.lastIndexOf('/r/') + 3;
  const lines = sizeFor(link, 6.5) >= 6 || cut < 3 ? [link] : [link.slice(0, cut), link.slice(cut)];
  let ly = bottom;
  for (const line of lines.reverse()) {
    const size = sizeFor(line, 6.5);
    ly -= size * 1.25;
    doc.fontSize(size).text(line, x, ly, { lineBreak: false });
  }
}

/** The sheet as one PDF buffer. */
export async function relaunchPdf(s: RelaunchSheet): Promise<Buffer> {
  const t = TEXT[s.lang];
  const dir = fontDir();
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    autoFirstPage: false,
    lang: s.lang === 'fr' ? 'fr-FR' : 'en-GB',
    displayTitle: true,
    info: { Title: `${t.title} — ${s.caisseName} — ${s.period}`, Author: s.caisseName, Creator: 'Récolte' },
  });
  doc.registerFont(F.regular, join(dir, 'DejaVuSans.ttf'));
  doc.registerFont(F.bold, join(dir, 'DejaVuSans-Bold.ttf'));
  doc.registerFont(F.italic, join(dir, 'DejaVuSans-Oblique.ttf'));
  doc.registerFont(F.mono, join(dir, 'DejaVuSansMono.ttf'));
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const perPage = COLS * ROWS;
  const issued = fill(t.issued, { date: dateText(s.issuedAt.toISOString(), s.lang), n: s.cards.length });
  for (let i = 0; i < s.cards.length; i++) {
    const slot = i % perPage;
    if (slot === 0) {
      doc.addPage();
      doc.font(F.bold).fontSize(10).fillColor(INK);
      doc.text(`${t.title} — ${s.caisseName} — ${s.period}`, MARGIN, MARGIN - 6, {
        width: PAGE.width - 2 * MARGIN,
        height: 12,
        ellipsis: true,
        lineBreak: false,
      });
      doc.font(F.regular).fontSize(7).fillColor(MUTED);
      doc.text(issued, MARGIN, MARGIN + 7, { width: PAGE.width - 2 * MARGIN, height: 9, lineBreak: false });
      drawCutLines(doc, Math.ceil(Math.min(perPage, s.cards.length - i) / COLS));
    }
    const x = MARGIN + (slot % COLS) * CARD_W;
    const y = MARGIN + HEADER + Math.floor(slot / COLS) * CARD_H;
    drawCard(doc, s, s.cards[i]!, x, y);
  }
  doc.end();
  return done;
}
