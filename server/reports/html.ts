// The report as one standalone HTML file: inline styles, charts as data: URIs, no script, printable (A4,
// one section per page), so it can be saved, mailed and opened anywhere.
import { COLOURS } from './charts.ts';
import { t } from './i18n.ts';
import type { Figure, IndicatorBlock, ReportModel, Table } from './model.ts';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ESC[c]!);

const CSS = `
@page { size: A4; margin: 18mm 16mm 18mm 16mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: "DejaVu Sans", "Segoe UI", Roboto, Arial, sans-serif; color: ${COLOURS.text};
  font-size: 10.5pt; line-height: 1.45; background: #f4f6f5; }
main { max-width: 880px; margin: 0 auto; background: #fff; padding: 0 48px 48px; }
.cover { margin: 0 -48px 0; padding: 72px 48px 48px; background: ${COLOURS.primary}; color: #fff;
  border-bottom: 6px solid ${COLOURS.accent}; }
.cover .kicker { text-transform: uppercase; letter-spacing: .12em; font-size: 9pt; color: #cfe3d7; margin: 0; }
.cover h1 { font-size: 30pt; margin: 8px 0 18px; line-height: 1.1; }
.cover .caisse { font-size: 16pt; font-weight: bold; margin: 0; }
.cover .place { color: #cfe3d7; margin: 6px 0 0; }
dl.meta { display: grid; grid-template-columns: 160px 1fr; gap: 6px 12px; margin: 28px 0 0; }
dl.meta dt { color: ${COLOURS.muted}; } dl.meta dd { margin: 0; font-weight: bold; }
.audience { margin: 24px 0 0; padding: 10px 14px; border-radius: 4px; background: ${COLOURS.band}; font-size: 9.5pt; }
.audience.internal { background: #fbeee4; color: #8a3b12; }
.summary { margin: 28px 0; padding: 18px 22px; background: ${COLOURS.band}; border-left: 5px solid ${COLOURS.primary}; border-radius: 6px; }
.summary h2 { margin: 0 0 12px; color: ${COLOURS.primary}; font-size: 14pt; border: 0; padding: 0; }
.tiles { display: flex; flex-wrap: wrap; gap: 12px 28px; margin-bottom: 14px; }
.tile b { display: block; font-size: 20pt; color: ${COLOURS.primary}; line-height: 1.1; }
.tile span { font-size: 8.5pt; color: ${COLOURS.muted}; }
.keyfigures { list-style: none; padding: 0; margin: 0; }
.keyfigures li { display: flex; justify-content: space-between; gap: 12px; padding: 4px 0; border-top: 1px solid ${COLOURS.rule}; }
.keyfigures li b { color: ${COLOURS.primary}; white-space: nowrap; }
.keyfigures small { display: block; color: ${COLOURS.muted}; }
nav ol { padding-left: 20px; } nav a { color: ${COLOURS.text}; }
section.report { break-before: page; padding-top: 8px; }
h2 { font-size: 17pt; color: ${COLOURS.primary}; margin: 32px 0 14px; padding-bottom: 6px;
  border-bottom: 2.5px solid ${COLOURS.accent}; display: inline-block; }
h3 { font-size: 12.5pt; margin: 22px 0 8px; padding-left: 10px; border-left: 4px solid ${COLOURS.primary}; }
h4 { font-size: 10.5pt; color: ${COLOURS.primary}; margin: 0 0 2px; }
h2, h3, h4 { break-after: avoid; }
p.muted, .muted { color: ${COLOURS.muted}; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 14px; font-size: 9pt; }
th { text-align: left; color: ${COLOURS.muted}; font-weight: bold; border-bottom: 1px solid ${COLOURS.muted}; padding: 5px 6px; }
td { border-bottom: 1px solid ${COLOURS.rule}; padding: 5px 6px; vertical-align: top; }
table.pairs td:first-child { color: ${COLOURS.muted}; width: 45%; }
table.pairs td:last-child { font-weight: bold; }
.sym { font-size: 12pt; text-align: center; width: 28px; }
.analysed { color: ${COLOURS.primary}; } .not-analysed { color: ${COLOURS.accent}; }
.indicator { break-inside: avoid; padding: 12px 0 14px; border-bottom: 1px solid ${COLOURS.rule}; }
.indicator .desc { font-size: 9pt; color: ${COLOURS.muted}; margin: 0 0 8px; }
.indicator .body { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1.15fr); gap: 18px; align-items: start; }
.figures { margin: 0; }
.figures div { display: flex; justify-content: space-between; gap: 10px; border-bottom: 1px solid ${COLOURS.rule}; padding: 3px 0; }
.figures dt { color: ${COLOURS.muted}; font-size: 9pt; } .figures dd { margin: 0; font-weight: bold; text-align: right; }
.figures dd small { display: block; font-weight: normal; font-size: 8pt; }
.good { color: #2e7d4f !important; } .bad { color: #b5442c !important; }
.state { padding: 8px 12px; background: ${COLOURS.band}; border-radius: 4px; color: ${COLOURS.muted}; font-size: 9.5pt; }
.state.suppressed, .caution { color: #8a3b12; }
.caution { font-size: 9pt; padding: 6px 10px; background: #fbeee4; border-radius: 4px; margin-top: 8px; }
img.chart { width: 100%; height: auto; display: block; }
img.funding { max-width: 640px; width: 100%; margin: 6px auto 10px; display: block; }
.note { padding: 8px 12px; background: ${COLOURS.band}; border-radius: 4px; font-size: 9pt; color: ${COLOURS.muted}; }
.sheet { break-inside: avoid; margin-bottom: 18px; }
.sheet table.pairs td:first-child { width: 22%; } .sheet table.pairs td:last-child { font-weight: normal; }
footer { margin-top: 40px; font-size: 8.5pt; color: ${COLOURS.muted}; text-align: center; }
@media print {
  body { background: #fff; font-size: 10pt; }
  main { max-width: none; padding: 0; }
  .cover { margin: 0; padding: 48px 32px 40px; }
  section.report { padding-top: 0; }
}
`;

function table(tbl: Table, cellClass?: (row: number, col: number) => string | undefined): string {
  const head = tbl.head.map((h) => `<th>${esc(h)}</th>`).join('');
  const rows = tbl.rows
    .map(
      (r, i) =>
        `<tr>${r
          .map((c, j) => {
            const cls = cellClass?.(i, j);
            return `<td${cls ? ` class="${cls}"` : ''}>${esc(c)}</td>`;
          })
          .join('')}</tr>`,
    )
    .join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

const pairs = (rows: [string, string][]) =>
  `<table class="pairs"><tbody>${rows.map(([k, v]) => `<tr><td>${esc(k)}</td><td>${esc(v)}</td></tr>`).join('')}</tbody></table>`;

const img = (images: ReadonlyMap<string, Buffer>, id: string | undefined, alt: string, cls = 'chart') => {
  const b = id ? images.get(id) : undefined;
  return b
    ? `<img class="${cls}" alt="${esc(alt)}" src="data:image/png;base64,${b.toString('base64')}">`
    : '';
};

const tone = (f: Figure) =>
  f.tone === 'good'
    ? ' class="good"'
    : f.tone === 'bad'
      ? ' class="bad"'
      : f.tone === 'muted'
        ? ' class="muted"'
        : '';

function indicator(b: IndicatorBlock, images: ReadonlyMap<string, Buffer>): string {
  const head = `<h4>${esc(b.label)}</h4><p class="desc">${esc(b.description)} — ${esc(b.unit)}</p>`;
  if (b.state !== 'measured') {
    return `<article class="indicator" id="ind-${esc(b.id)}">${head}<p class="state ${b.state}">${esc(b.stateText ?? '')}</p></article>`;
  }
  const figures = b.figures
    .map(
      (f) =>
        `<div><dt>${esc(f.label)}</dt><dd${tone(f)}>${esc(f.value)}${f.detail ? `<small>${esc(f.detail)}</small>` : ''}</dd></div>`,
    )
    .join('');
  const cats = b.categories ? table(b.categories) : '';
  return `<article class="indicator" id="ind-${esc(b.id)}">${head}
<div class="body"><dl class="figures">${figures}</dl><div>${img(images, b.chart?.id, b.label)}</div></div>
${b.note ? `<p class="caution">${esc(b.note)}</p>` : ''}${cats}</article>`;
}

export function renderHtml(model: ReportModel, images: ReadonlyMap<string, Buffer>): string {
  const { lang } = model;
  const tt = (k: Parameters<typeof t>[1], v?: Record<string, string | number>) => t(lang, k, v);
  const [s1, s2, s3, s4, s5, s6] = model.sections;
  const sym = model.objectives.symbols;
  const out: string[] = [];
  out.push(`<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(`${model.title} — ${model.caisseName} — ${model.period}`)}</title>
<style>${CSS}</style></head><body><main>`);

  // Cover and summary.
  out.push(`<header class="cover"><p class="kicker">${esc(model.subtitle)}</p><h1>${esc(model.title)}</h1>
<p class="caisse">${esc(model.caisseName)}</p><p class="place">${esc(model.place)}</p></header>
<dl class="meta"><dt>${esc(tt('period'))}</dt><dd>${esc(model.period)}</dd>
${model.comparisonPeriod ? `<dt>${esc(tt('comparedWith'))}</dt><dd>${esc(model.comparisonPeriod)}</dd>` : ''}
<dt>${esc(tt('generatedOn'))}</dt><dd>${esc(model.generatedOn)}</dd></dl>
<p class="audience ${model.audience}">${esc(model.audienceNote)}</p>`);
  out.push(
    `<aside class="summary"><h2>${esc(tt('summary'))}</h2><div class="tiles">${model.summary.tiles
      .map((x) => `<div class="tile"><b>${esc(x.value)}</b><span>${esc(x.label)}</span></div>`)
      .join('')}</div><strong>${esc(tt('keyFigures'))}</strong>${
      model.summary.keyFigures.length === 0
        ? `<p class="muted">${esc(tt('noKeyFigure'))}</p>`
        : `<ul class="keyfigures">${model.summary.keyFigures
            .map(
              (k) =>
                `<li><span>${esc(k.label)}${k.detail ? `<small>${esc(k.detail)}</small>` : ''}</span><b>${esc(k.value)}</b></li>`,
            )
            .join('')}</ul>`
    }</aside>`,
  );
  out.push(
    `<nav><strong>${esc(tt('contents'))}</strong><ol>${model.sections
      .map((s) => `<li><a href="#${s.id}">${esc(s.title.replace(/^\d+\.\s*/, ''))}</a></li>`)
      .join('')}</ol></nav>`,
  );

  // 1. Profile.
  out.push(
    `<section class="report" id="${s1!.id}"><h2>${esc(s1!.title)}</h2>${pairs(model.profile)}</section>`,
  );

  // 2. Objectives.
  out.push(
    `<section class="report" id="${s2!.id}"><h2>${esc(s2!.title)}</h2><p>${esc(model.objectives.intro)}</p>`,
  );
  out.push(
    model.objectives.table
      ? table(model.objectives.table, (row, col) =>
          col === 0
            ? `sym ${sym[row] === '●' ? 'analysed' : 'not-analysed'}`
            : col === 4
              ? sym[row] === '●'
                ? 'analysed'
                : 'not-analysed'
              : undefined,
        )
      : `<p class="muted">${esc(tt('noObjective'))}</p>`,
  );
  out.push(
    `<h3>${esc(tt('dimensionsMatrix'))}</h3>${table(model.objectives.dimensions, (row, col) =>
      col === 0
        ? `sym ${model.objectives.dimensions.rows[row]![0] === '●' ? 'analysed' : 'not-analysed'}`
        : undefined,
    )}`,
  );
  out.push(
    `<h3>${esc(tt('withoutObjective'))}</h3>${
      model.objectives.withoutObjective.length > 0
        ? `<ul>${model.objectives.withoutObjective.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>`
        : `<p class="muted">${esc(tt('withoutObjectiveNone'))}</p>`
    }</section>`,
  );

  // 3. Indicators.
  out.push(
    `<section class="report" id="${s3!.id}"><h2>${esc(s3!.title)}</h2><p class="muted">${esc(tt('indicatorsIntro'))}</p>`,
  );
  if (model.dimensions.length === 0) out.push(`<p class="muted">${esc(tt('noIndicator'))}</p>`);
  for (const d of model.dimensions) {
    out.push(`<h3>${esc(d.title)}</h3>`);
    for (const b of d.indicators) out.push(indicator(b, images));
  }
  out.push('</section>');

  // 4. Economy.
  out.push(
    `<section class="report" id="${s4!.id}"><h2>${esc(s4!.title)}</h2><p class="muted">${esc(model.economy.intro)}</p>`,
  );
  if (model.economy.available) {
    out.push(
      `<h3>${esc(tt('budgetSources'))}</h3>${img(images, model.economy.chart?.id, tt('fundingChart'), 'funding')}`,
    );
    if (model.economy.budget) out.push(table(model.economy.budget));
    out.push(`<h3>${esc(tt('work'))}</h3>${pairs(model.economy.figures)}`);
  }
  out.push(`<p class="note">${esc(model.economy.benchmark)}</p></section>`);

  // 5. Methodology.
  const m = model.methodology;
  out.push(
    `<section class="report" id="${s5!.id}"><h2>${esc(s5!.title)}</h2><h3>${esc(tt('instruments'))}</h3><ul>${m.instruments
      .map(
        (i) =>
          `<li>${esc(i.source)}<br><span class="muted">${esc(tt('usedBy'))} : ${esc(i.indicators.join(' ; '))}</span></li>`,
      )
      .join('')}</ul>`,
  );
  out.push(
    `<h3>${esc(tt('responseRates'))}</h3>${m.waves.rows.length > 0 ? table(m.waves) : `<p class="muted">${esc(tt('noWave'))}</p>`}<p class="muted">${esc(m.expectedNote)}</p>`,
  );
  out.push(
    `<h3>${esc(tt('missingRules'))}</h3><p>${esc(m.missingIntro)}</p><ul>${m.missingRules
      .map(
        (r) =>
          `<li>${esc(r.text)}<br><span class="muted">${esc(tt('usedBy'))} : ${esc(r.indicators.join(' ; '))}</span></li>`,
      )
      .join('')}</ul>`,
  );
  out.push(
    `<h3>${esc(tt('suppression'))}</h3><p>${esc(m.suppression)}</p><h3>${esc(tt('statistics'))}</h3><p>${esc(m.statistics)}</p></section>`,
  );

  // 6. Annex.
  out.push(`<section class="report" id="${s6!.id}"><h2>${esc(s6!.title)}</h2>`);
  for (const s of model.annex)
    out.push(`<div class="sheet" id="sheet-${esc(s.id)}"><h4>${esc(s.title)}</h4>${pairs(s.rows)}</div>`);
  out.push(
    `</section><footer>${esc(tt('producedWith'))} · ${esc(model.generatedOn)}</footer></main></body></html>`,
  );
  return out.join('\n');
}
