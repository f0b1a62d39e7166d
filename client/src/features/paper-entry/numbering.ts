// The paper questionnaire's numbers (server/questionnaires/paper/layout.ts): every question of the
// definition in page order, panels opened, except html, image and expression elements and those
// hidden with `visible: false`. Conditions do not change them, so the screen and the sheet agree.
const NOT_QUESTIONS = new Set(['html', 'image', 'expression', 'panel']);

export function paperNumbers(definition: Record<string, unknown>): Map<string, number> {
  const numbers = new Map<string, number>();
  const walk = (elements: unknown) => {
    if (!Array.isArray(elements)) return;
    for (const e of elements as Record<string, unknown>[]) {
      if (!e || typeof e !== 'object' || e.visible === false) continue;
      if (e.type === 'panel') walk(e.elements);
      else if (!NOT_QUESTIONS.has(String(e.type))) numbers.set(String(e.name), numbers.size + 1);
    }
  };
  const pages = Array.isArray(definition.pages)
    ? (definition.pages as Record<string, unknown>[])
    : [definition];
  for (const page of pages) if (page && page.visible !== false) walk(page.elements);
  return numbers;
}
