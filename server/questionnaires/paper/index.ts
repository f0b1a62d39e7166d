// The paper questionnaire: layout (pure) and PDF.
export { localized, type PaperItem, type PaperLang, type PaperLayout, paperLayout } from './layout.ts';
export { renderPaperPdf } from './render.ts';
