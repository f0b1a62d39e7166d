// The paper questionnaire of a version (GET /api/questionnaire-versions/:id/paper.pdf), on each database:
// the PDF's text carries the numbered questions and the skip instructions; refusals as for the version.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, type TestContext } from '../helpers/context.ts';
import { createCaisse, smallDefinition } from '../helpers/fixtures.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createContext();
});
afterAll(() => ctx.close());

function pdfText(body: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'paper-'));
  const file = join(dir, 'paper.pdf');
  writeFileSync(file, body);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

const definition = {
  ...smallDefinition,
  title: { default: 'Suivi sur papier', en: 'Paper follow-up' },
  pages: smallDefinition.pages.map((p) =>
    p.name === 'consent'
      ? {
          ...p,
          elements: [
            {
              type: 'boolean',
              name: 'consent',
              title: { default: 'Acceptez-vous de répondre ?', en: 'Do you agree to answer?' },
              isRequired: true,
            },
          ],
        }
      : p,
  ),
};

async function setup() {
  const caisse = await createCaisse(ctx);
  const q = await ctx.admin.post(`/api/caisses/${caisse.id}/questionnaires`, {
    title: 'Suivi papier',
    level: 'participant',
    definition,
  });
  expect(q.statusCode).toBe(201);
  return { caisse, versionId: q.json().versionId as string };
}

describe('paper questionnaire', () => {
  it('prints the numbered questions and the skip instructions, in French by default', async () => {
    const { caisse, versionId } = await setup();
    const member = await ctx.user({ caisses: { [caisse.id]: 'member' } });
    const res = await member.get(`/api/questionnaire-versions/${versionId}/paper.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/suivi-papier-v1-fr\.pdf/);
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(res.rawPayload);
    expect(text).toContain('Suivi sur papier');
    expect(text).toContain('Code participant');
    expect(text).toContain('Acceptez-vous de répondre ?');
    expect(text).toContain('Si vous avez répondu « Non » à la question 1, passez à la fin du questionnaire.');
    expect(text).toMatch(/Si vous avez répondu « Non » à la question 3, passez à la question 5\./);
  });

  it('prints English with ?lang=en and refuses an unknown language', async () => {
    const { versionId } = await setup();
    const res = await ctx.admin.get(`/api/questionnaire-versions/${versionId}/paper.pdf?lang=en`);
    expect(res.statusCode).toBe(200);
    const text = pdfText(res.rawPayload);
    expect(text).toContain('Do you agree to answer?');
    expect(text).toContain('Participant code');
    expect(text).toContain('If you answered "No" to question 1, go to the end of the questionnaire.');
    expect(
      (await ctx.admin.get(`/api/questionnaire-versions/${versionId}/paper.pdf?lang=de`)).statusCode,
    ).toBe(400);
  });

  it('prints a standard questionnaire for any staff member', async () => {
    const caisse = await createCaisse(ctx);
    const std = (await ctx.admin.get(`/api/caisses/${caisse.id}/questionnaires`))
      .json()
      .items.find((q: { standardKey: string }) => q.standardKey === 'participant-entry');
    const researcher = await ctx.user({ researcher: true });
    const res = await researcher.get(`/api/questionnaire-versions/${std.latestVersionId}/paper.pdf`);
    expect(res.statusCode).toBe(200);
    const text = pdfText(res.rawPayload);
    expect(text).toContain('passez à la question');
    expect(text).toContain('passez à la fin du questionnaire');
  });

  it('refuses anonymous callers, other caisses and unknown versions', async () => {
    const { versionId } = await setup();
    const other = await createCaisse(ctx);
    const otherCoordinator = await ctx.user({ caisses: { [other.id]: 'coordinator' } });
    const url = `/api/questionnaire-versions/${versionId}/paper.pdf`;
    const anonymous = await ctx.anonymous.get(url);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['content-type']).toMatch(/json/);
    const refused = await otherCoordinator.get(url);
    expect(refused.statusCode).toBe(
      (await otherCoordinator.get(`/api/questionnaire-versions/${versionId}`)).statusCode,
    );
    expect([403, 404]).toContain(refused.statusCode);
    expect(refused.body).not.toContain('%PDF');
    const unknown = await ctx.admin.get(
      `/api/questionnaire-versions/00000000-0000-4000-8000-000000000000/paper.pdf`,
    );
    expect(unknown.statusCode).toBe(404);
  });
});
