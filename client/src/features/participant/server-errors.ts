// The server's 422 on a submission, put on the questions concerned.
import type { ValidationIssue } from '../../lib/api.ts';
import type { Model } from '../../survey/survey-model.ts';

/** Puts the server's validation errors on their questions and shows the page of the first one. */
export function showServerErrors(
  model: Model,
  issues: ValidationIssue[],
  lang: 'fr' | 'en',
): ValidationIssue[] {
  const general: ValidationIssue[] = [];
  let firstPage: Model['currentPage'] | null = null;
  for (const issue of issues) {
    // "pd[0].x", "mt.a": the root question is the part before the first bracket or dot.
    const name = issue.question?.split(/[.[]/)[0] ?? '';
    const q = name ? (model.getQuestionByValueName(name) ?? model.getQuestionByName(name)) : null;
    if (!q) {
      general.push(issue);
      continue;
    }
    q.addError(lang === 'en' ? issue.messageEn : issue.message);
    if (!firstPage && q.page) firstPage = q.page;
  }
  if (firstPage) model.currentPage = firstPage;
  return general;
}
