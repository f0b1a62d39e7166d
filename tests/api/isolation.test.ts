// Tenant isolation: every route × every role, allowed or refused, with no data in a refusal.
// A route added to the app without a line here makes the completeness test fail.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createContext, PASSWORD, type TestContext } from '../helpers/context.ts';
import { caisseBody, createCaisse, smallDefinition, validAnswers } from '../helpers/fixtures.ts';

const WHO = [
  'admin',
  'coordinator',
  'member',
  'otherCoordinator',
  'researcher',
  'anonymous',
  'participant',
  'revokedParticipant',
] as const;
type Who = (typeof WHO)[number];

interface World {
  caisseA: string;
  caisseB: string;
  questionnaireA: string;
  versionA: string;
  waveA: string;
  participantA: { id: string; token: string; code: string };
  revokedToken: string;
}

interface Cell {
  allow: readonly Who[];
  /** Builds the URL (and creates whatever fresh target the call will consume). */
  url: (w: World, who: Who) => Promise<string> | string;
  body?: (w: World) => Promise<unknown> | unknown;
  /** The call ends the actor's session (login, logout, password): run it on a fresh session of the same role. */
  freshSession?: boolean;
}

const STAFF: readonly Who[] = ['admin', 'coordinator', 'member', 'otherCoordinator', 'researcher'];
const A_READERS: readonly Who[] = ['admin', 'coordinator', 'member'];
const A_WRITERS: readonly Who[] = ['admin', 'coordinator'];
const EVERYONE: readonly Who[] = WHO;
const TOKEN_HOLDER: readonly Who[] = ['participant'];

let ctx: TestContext;
let w: World;
const clients = new Map<Who, Client>();
let n = 0;
const fresh = () => `${Date.now().toString(36)}${(++n).toString(36)}`;

/** A new account with the given role, for cells that consume a session or a target user. */
async function accountFor(who: Who): Promise<Client> {
  switch (who) {
    case 'admin':
      return ctx.user({ admin: true });
    case 'coordinator':
      return ctx.user({ caisses: { [w.caisseA]: 'coordinator' } });
    case 'member':
      return ctx.user({ caisses: { [w.caisseA]: 'member' } });
    case 'otherCoordinator':
      return ctx.user({ caisses: { [w.caisseB]: 'coordinator' } });
    case 'researcher':
      return ctx.user({ researcher: true });
    default:
      return ctx.anonymous;
  }
}

async function freshParticipant(): Promise<string> {
  const r = await ctx.admin.post(`/api/caisses/${w.caisseA}/participants`, { code: `F${fresh()}` });
  return r.json().id;
}
async function freshUserId(): Promise<string> {
  const c = await ctx.user();
  return (await c.get('/api/me')).json().user.id;
}
/** The token a caller holds for /api/r routes: their own, a revoked one, or none at all. */
const tokenOf = (who: Who) =>
  who === 'participant'
    ? w.participantA.token
    : who === 'revokedParticipant'
      ? w.revokedToken
      : 'unknownTokenUnknownTokenUnknown00';

const matrix: Record<string, Cell> = {
  'GET /api/health': { allow: EVERYONE, url: () => '/api/health' },
  'POST /api/auth/login': {
    allow: EVERYONE,
    url: () => '/api/auth/login',
    body: async () => ({ email: (await ctx.user()).email, password: PASSWORD }),
    freshSession: true,
  },
  'POST /api/auth/logout': { allow: STAFF, url: () => '/api/auth/logout', freshSession: true },
  'GET /api/me': { allow: STAFF, url: () => '/api/me' },
  'GET /api/auth/csrf': { allow: STAFF, url: () => '/api/auth/csrf' },
  'POST /api/auth/password': {
    allow: STAFF,
    url: () => '/api/auth/password',
    body: () => ({ currentPassword: PASSWORD, newPassword: 'another strong passphrase' }),
    freshSession: true,
  },
  'POST /api/caisses/:caisseId/invitations': {
    allow: A_WRITERS,
    url: () => `/api/caisses/${w.caisseA}/invitations`,
    body: () => ({ email: `inv${fresh()}@example.org`, role: 'member' }),
  },
  'POST /api/invitations': {
    allow: ['admin'],
    url: () => '/api/invitations',
    body: () => ({ email: `r${fresh()}@example.org`, role: 'researcher' }),
  },
  'POST /api/auth/accept-invitation': {
    allow: EVERYONE,
    url: () => '/api/auth/accept-invitation',
    body: async () => {
      const inv = await ctx.admin.post(`/api/caisses/${w.caisseA}/invitations`, {
        email: `acc${fresh()}@example.org`,
        role: 'member',
      });
      return { token: inv.json().token, password: 'a long enough password' };
    },
  },
  'GET /api/users': { allow: ['admin'], url: () => '/api/users' },
  'PATCH /api/users/:userId': {
    allow: ['admin'],
    url: async () => `/api/users/${await freshUserId()}`,
    body: () => ({ isResearcher: true }),
  },
  'PUT /api/users/:userId/memberships/:caisseId': {
    allow: ['admin'],
    url: async () => `/api/users/${await freshUserId()}/memberships/${w.caisseA}`,
    body: () => ({ role: 'member' }),
  },
  'DELETE /api/users/:userId/memberships/:caisseId': {
    allow: A_WRITERS,
    url: async () => {
      const id = await freshUserId();
      await ctx.admin.put(`/api/users/${id}/memberships/${w.caisseA}`, { role: 'member' });
      return `/api/users/${id}/memberships/${w.caisseA}`;
    },
  },
  'GET /api/caisses/:caisseId/members': { allow: A_WRITERS, url: () => `/api/caisses/${w.caisseA}/members` },
  'GET /api/audit': { allow: ['admin'], url: () => '/api/audit' },
  'GET /api/caisses/:caisseId/audit': { allow: A_WRITERS, url: () => `/api/caisses/${w.caisseA}/audit` },
  'POST /api/caisses': { allow: ['admin'], url: () => '/api/caisses', body: () => caisseBody() },
  'GET /api/caisses': { allow: STAFF, url: () => '/api/caisses' },
  'GET /api/caisses/:caisseId': {
    allow: [...A_READERS, 'researcher'],
    url: () => `/api/caisses/${w.caisseA}`,
  },
  'PATCH /api/caisses/:caisseId': {
    allow: A_WRITERS,
    url: () => `/api/caisses/${w.caisseA}`,
    body: () => ({ commune: 'Villeurbanne' }),
  },
  'GET /api/caisses/:caisseId/objectives': {
    allow: A_READERS,
    url: () => `/api/caisses/${w.caisseA}/objectives`,
  },
  'PUT /api/caisses/:caisseId/objectives': {
    allow: A_WRITERS,
    url: () => `/api/caisses/${w.caisseA}/objectives`,
    body: () => ({ objectives: [{ code: 'access' }] }),
  },
  'POST /api/caisses/:caisseId/questionnaires': {
    allow: A_WRITERS,
    url: () => `/api/caisses/${w.caisseA}/questionnaires`,
    body: () => ({ title: 'Questionnaire', level: 'participant', definition: smallDefinition }),
  },
  'GET /api/caisses/:caisseId/questionnaires': {
    allow: A_READERS,
    url: () => `/api/caisses/${w.caisseA}/questionnaires`,
  },
  'GET /api/questionnaires/:questionnaireId': {
    allow: A_READERS,
    url: () => `/api/questionnaires/${w.questionnaireA}`,
  },
  'POST /api/questionnaires/:questionnaireId/versions': {
    allow: A_WRITERS,
    url: () => `/api/questionnaires/${w.questionnaireA}/versions`,
    body: () => ({ definition: smallDefinition }),
  },
  'GET /api/questionnaire-versions/:versionId': {
    allow: A_READERS,
    url: () => `/api/questionnaire-versions/${w.versionA}`,
  },
  'GET /api/questionnaire-versions/:versionId/paper.pdf': {
    allow: A_READERS,
    url: () => `/api/questionnaire-versions/${w.versionA}/paper.pdf`,
  },
  'GET /api/questionnaire-versions/:versionId/translations.xlsx': {
    allow: A_READERS,
    url: () => `/api/questionnaire-versions/${w.versionA}/translations.xlsx`,
  },
  'POST /api/questionnaires/:questionnaireId/translations': {
    allow: A_WRITERS,
    url: () => `/api/questionnaires/${w.questionnaireA}/translations`,
    // The latest version's own spreadsheet, uploaded back unchanged.
    body: async () => {
      const q = (await ctx.admin.get(`/api/questionnaires/${w.questionnaireA}`)).json();
      return (await ctx.admin.get(`/api/questionnaire-versions/${q.latestVersionId}/translations.xlsx`))
        .rawPayload;
    },
  },
  'POST /api/caisses/:caisseId/waves': {
    allow: A_WRITERS,
    url: () => `/api/caisses/${w.caisseA}/waves`,
    body: () => ({ questionnaireVersionId: w.versionA, period: '2027-T1' }),
  },
  'GET /api/caisses/:caisseId/waves': { allow: A_READERS, url: () => `/api/caisses/${w.caisseA}/waves` },
  'GET /api/waves/:waveId': { allow: A_READERS, url: () => `/api/waves/${w.waveA}` },
  'PATCH /api/waves/:waveId': {
    allow: A_WRITERS,
    url: () => `/api/waves/${w.waveA}`,
    body: () => ({ period: '2026-T1' }),
  },
  'GET /api/waves/:waveId/non-respondents': {
    allow: A_WRITERS,
    url: () => `/api/waves/${w.waveA}/non-respondents`,
  },
  'POST /api/waves/:waveId/relaunch': {
    allow: A_WRITERS,
    url: async () => {
      await freshParticipant(); // at least one non-respondent to relaunch
      return `/api/waves/${w.waveA}/relaunch`;
    },
    body: () => ({ all: true }),
  },
  'POST /api/caisses/:caisseId/participants': {
    allow: A_WRITERS,
    url: () => `/api/caisses/${w.caisseA}/participants`,
    body: () => ({ code: `N${fresh()}` }),
  },
  'POST /api/caisses/:caisseId/participants/import': {
    allow: A_WRITERS,
    url: () => `/api/caisses/${w.caisseA}/participants/import`,
    body: () => ({ rows: [{ code: `I${fresh()}` }] }),
  },
  'GET /api/caisses/:caisseId/participants': {
    allow: A_WRITERS,
    url: () => `/api/caisses/${w.caisseA}/participants`,
  },
  'POST /api/participants/:participantId/token': {
    allow: A_WRITERS,
    url: async () => `/api/participants/${await freshParticipant()}/token`,
  },
  'DELETE /api/participants/:participantId/token': {
    allow: A_WRITERS,
    url: async () => `/api/participants/${await freshParticipant()}/token`,
  },
  'DELETE /api/participants/:participantId': {
    allow: A_WRITERS,
    url: async () => `/api/participants/${await freshParticipant()}`,
  },
  'GET /api/r/:token': { allow: TOKEN_HOLDER, url: (_w, who) => `/api/r/${tokenOf(who)}` },
  'PUT /api/r/:token/draft': {
    allow: TOKEN_HOLDER,
    url: (_w, who) => `/api/r/${tokenOf(who)}/draft`,
    body: () => ({ waveId: w.waveA, data: { consent: true } }),
  },
  'POST /api/r/:token/responses': {
    allow: TOKEN_HOLDER,
    url: (_w, who) => `/api/r/${tokenOf(who)}/responses`,
    body: () => ({ waveId: w.waveA, clientId: `c${fresh()}`, data: validAnswers }),
  },
  'GET /api/r/:token/export': { allow: TOKEN_HOLDER, url: (_w, who) => `/api/r/${tokenOf(who)}/export` },
  'POST /api/waves/:waveId/responses': {
    allow: A_WRITERS,
    url: () => `/api/waves/${w.waveA}/responses`,
    body: () => ({
      rows: [{ participantCode: w.participantA.code, clientId: `imp${fresh()}`, data: validAnswers }],
    }),
  },
  'GET /api/waves/:waveId/responses': { allow: A_WRITERS, url: () => `/api/waves/${w.waveA}/responses` },
  'GET /api/indicators': { allow: EVERYONE, url: () => '/api/indicators' },
  'GET /api/caisses/:caisseId/indicators': {
    allow: A_READERS,
    url: () => `/api/caisses/${w.caisseA}/indicators`,
  },
  'PUT /api/caisses/:caisseId/indicators': {
    allow: A_WRITERS,
    url: () => `/api/caisses/${w.caisseA}/indicators`,
    body: () => ({ indicators: [{ indicatorId: 'health_good', objectives: [] }] }),
  },
  'POST /api/caisses/:caisseId/questionnaires/assemble': {
    allow: A_WRITERS,
    url: () => `/api/caisses/${w.caisseA}/questionnaires/assemble`,
  },
  'GET /api/caisses/:caisseId/results': {
    allow: A_READERS,
    url: () => `/api/caisses/${w.caisseA}/results?wave=${w.waveA}`,
  },
  'GET /api/caisses/:caisseId/gaps': { allow: A_READERS, url: () => `/api/caisses/${w.caisseA}/gaps` },
  'GET /api/caisses/:caisseId/reports/:file': {
    allow: A_READERS,
    url: () => `/api/caisses/${w.caisseA}/reports/${w.waveA}.html`,
  },
  'GET /api/research/gaps': { allow: ['admin', 'researcher'], url: () => '/api/research/gaps' },
  'GET /api/research/indicators/:indicatorId': {
    allow: ['admin', 'researcher'],
    url: () => '/api/research/indicators/health_good',
  },
  'GET /api/caisses/:caisseId/exports/responses.csv': {
    allow: A_WRITERS,
    url: () => `/api/caisses/${w.caisseA}/exports/responses.csv?wave=${w.waveA}`,
  },
  'GET /api/caisses/:caisseId/exports/responses.xlsx': {
    allow: A_WRITERS,
    url: () => `/api/caisses/${w.caisseA}/exports/responses.xlsx?wave=${w.waveA}`,
  },
  'GET /api/caisses/:caisseId/exports/codebook.csv': {
    allow: A_WRITERS,
    url: () => `/api/caisses/${w.caisseA}/exports/codebook.csv`,
  },
  'GET /api/caisses/:caisseId/exports/codebook.json': {
    allow: A_WRITERS,
    url: () => `/api/caisses/${w.caisseA}/exports/codebook.json?wave=${w.waveA}`,
  },
  'GET /api/research/export.csv': { allow: ['admin', 'researcher'], url: () => '/api/research/export.csv' },
  'GET /api/research/export.json': { allow: ['admin', 'researcher'], url: () => '/api/research/export.json' },
};

/**
 * Routes outside the matrix on purpose: the static OpenAPI documentation (public, no data) and the
 * web client's files (`GET /*`, public, registered when dist/client exists: server/http/static.ts).
 */
const isDocs = (url: string) => url.startsWith('/api/docs') || url === '/*';

beforeAll(async () => {
  ctx = await createContext();
  const a = await createCaisse(ctx);
  const b = await createCaisse(ctx);
  const q = (
    await ctx.admin.post(`/api/caisses/${a.id}/questionnaires`, {
      title: 'Suivi A',
      level: 'participant',
      definition: smallDefinition,
    })
  ).json();
  const wave = (
    await ctx.admin.post(`/api/caisses/${a.id}/waves`, {
      questionnaireVersionId: q.versionId,
      period: '2026-T1',
      status: 'open',
    })
  ).json();
  const p = (await ctx.admin.post(`/api/caisses/${a.id}/participants`, { code: 'P001' })).json();
  const revoked = (await ctx.admin.post(`/api/caisses/${a.id}/participants`, { code: 'P-REVOKED' })).json();
  await ctx.admin.delete(`/api/participants/${revoked.id}/token`);
  w = {
    caisseA: a.id,
    caisseB: b.id,
    questionnaireA: q.id,
    versionA: q.versionId,
    waveA: wave.id,
    participantA: { id: p.id, token: p.token, code: p.code },
    revokedToken: revoked.token,
  };
  await ctx.anonymous.post(`/api/r/${p.token}/responses`, {
    waveId: wave.id,
    clientId: 'seed-response',
    data: validAnswers,
  });
  for (const who of WHO) clients.set(who, who === 'admin' ? ctx.admin : await accountFor(who));
});
afterAll(() => ctx.close());

describe('isolation matrix', () => {
  it('covers every route of the app', () => {
    const routes = ctx.app.routeList.filter((r) => !isDocs(r.url)).map((r) => `${r.method} ${r.url}`);
    const missing = routes.filter((r) => !(r in matrix));
    const stale = Object.keys(matrix).filter((k) => !routes.includes(k));
    expect(missing, 'routes missing from the isolation matrix').toEqual([]);
    expect(stale, 'matrix lines for routes that do not exist').toEqual([]);
  });

  for (const [route, cell] of Object.entries(matrix)) {
    const [method] = route.split(' ') as [string];
    for (const who of WHO) {
      const allowed = cell.allow.includes(who);
      it(`${route} · ${who} → ${allowed ? 'allowed' : 'refused'}`, async () => {
        const client = cell.freshSession ? await accountFor(who) : clients.get(who)!;
        const url = await cell.url(w, who);
        const body = cell.body
          ? await cell.body(w)
          : method === 'GET' || method === 'DELETE'
            ? undefined
            : {};
        const res = await client.request(method as 'GET', url, body);
        if (allowed) {
          expect(res.statusCode, res.body).toBeLessThan(300);
        } else {
          expect([401, 403, 404]).toContain(res.statusCode);
          const json = res.json();
          expect(Object.keys(json).sort()).toEqual(['code', 'message', 'statusCode']);
          expect(res.body).not.toContain(w.participantA.code);
          expect(res.body).not.toContain('Suivi A');
        }
      });
    }
  }
});

it('a wrong id never reveals another caisse through 404 vs 403 differences in body', async () => {
  const other = clients.get('otherCoordinator')!;
  const unknown = await other.get(`/api/waves/${randomUUID()}`);
  const foreign = await other.get(`/api/waves/${w.waveA}`);
  expect(unknown.statusCode).toBe(404);
  expect(foreign.statusCode).toBe(403);
  expect(foreign.body).not.toContain(w.waveA);
});
