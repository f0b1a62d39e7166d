// Demo data for an empty database (DEMO=true, the default of `npm start`): a realistic synthetic
// caisse with objectives, the standard questionnaires, a baseline and a follow-up wave, ~200
// participants with plausible answers, a monitoring form, and one account per role. Passwords are
// random, printed once and kept in data/demo-accounts.txt: there is no default password.
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Kysely } from 'kysely';
import { getStandardQuestionnaire } from '../../surveys/index.ts';
import { anonymous } from '../auth/actor.ts';
import { hashPassword } from '../auth/passwords.ts';
import { insertUser, setMembership } from '../auth/users.repository.ts';
import { insertCaisse } from '../caisses/caisses.repository.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';
import { replaceObjectives } from '../objectives/objectives.repository.ts';
import { insertParticipant } from '../participants/participants.repository.ts';
import { findByStandardKey, latestVersion } from '../questionnaires/questionnaires.repository.ts';
import { ValidatorCache } from '../questionnaires/validator-cache.ts';
import { storeSubmission } from '../responses/responses.service.ts';
import { newId, newToken, nowIso } from '../util.ts';
import { findWave, insertWave } from '../waves/waves.repository.ts';
import { caisseAnswers, participantAnswers, seededRng, syntheticPerson } from './synthetic.ts';

export interface DemoResult {
  caisseId: string;
  accounts: { role: string; email: string; password: string }[];
  participantLink: string;
  banner: string;
}

async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('caisses').select('id').limit(1).executeTakeFirst();
  return !row;
}

async function standardVersion(db: Kysely<Database>, key: string) {
  const q = await findByStandardKey(db, key);
  if (!q) throw new Error(`standard questionnaire ${key} missing`);
  return (await latestVersion(db, q.id))!;
}

export async function seedDemoIfEmpty(db: Db, config: Readonly<Config>, participants = 200): Promise<DemoResult | null> {
  const k = db.kysely;
  if (!(await isEmpty(k))) return null;
  const rng = seededRng(20261123);
  const validators = new ValidatorCache();
  const entry = await standardVersion(k, 'participant-entry');
  const followup = await standardVersion(k, 'participant-followup');
  const monitoring = await standardVersion(k, 'caisse-monitoring');
  const entryModules = getStandardQuestionnaire('participant-entry')!.modules;
  const followupModules = getStandardQuestionnaire('participant-followup')!.modules;

  const accounts = ['admin', 'coordinator', 'member', 'researcher'].map((role) => ({
    role,
    email: `${role}@demo.recolte.fr`,
    password: randomBytes(9).toString('base64url'),
  }));

  const result = await k.transaction().execute(async (trx) => {
    const caisse = await insertCaisse(trx, {
      name: 'Caisse commune de l’alimentation de Villeurbanne (démo)',
      slug: 'demo-villeurbanne',
      region: '84',
      commune: 'Villeurbanne',
      territoryType: 'urbain',
      targetPublic: 'universal',
      startDate: '2025-01-15',
      stage: 'fonctionnement',
      experimentersCount: participants,
      ssaCollectiveMember: true,
      patInvolvement: 'governance',
    });
    await replaceObjectives(trx, caisse.id, {
      objectives: [
        { code: 'access', priority: 1 },
        { code: 'food_insecurity', priority: 1 },
        { code: 'governance', priority: 2 },
        { code: 'capacity', priority: 2 },
        { code: 'producers', priority: 3 },
        {
          code: 'lien_social',
          label: 'Renforcer le lien social entre expérimentateurs',
          dimensions: ['democracy', 'health'],
          description: 'Objectif propre à la caisse : rompre l’isolement.',
          priority: 3,
        },
      ],
    });
    for (const a of accounts) {
      const u = await insertUser(trx, {
        email: a.email,
        passwordHash: await hashPassword(a.password),
        isAdmin: a.role === 'admin',
        isResearcher: a.role === 'researcher',
      });
      if (a.role === 'coordinator' || a.role === 'member') await setMembership(trx, u.id, caisse.id, a.role);
    }

    const now = Date.now();
    const day = 86_400_000;
    const mkWave = async (versionId: string, period: string, status: string, baseline: boolean, opens: number, closes: number) => {
      const id = newId();
      await insertWave(trx, {
        id,
        caisse_id: caisse.id,
        questionnaire_version_id: versionId,
        period,
        opens_at: new Date(now + opens * day).toISOString(),
        closes_at: new Date(now + closes * day).toISOString(),
        status,
        is_baseline: baseline ? 1 : 0,
        created_at: nowIso(),
        updated_at: nowIso(),
      });
      return (await findWave(trx, id))!;
    };
    // Submissions are stored while the waves are open, then the baseline and monitoring waves close.
    const t0 = await mkWave(entry.id, '2026-T0', 'open', true, -200, 30);
    const t1 = await mkWave(followup.id, '2026-S2', 'open', false, -20, 40);
    const m0 = await mkWave(monitoring.id, '2026-S1', 'open', true, -200, 30);

    const store = async (wave: typeof t0, participant: Parameters<typeof storeSubmission>[1]['participant'], data: Record<string, unknown>) => {
      const v = validators.get(wave.questionnaire_version_id, (wave.id === t0.id ? entry : wave.id === t1.id ? followup : monitoring).definition).validate(data);
      if (!v.ok) throw new Error(`demo answers rejected: ${JSON.stringify(v.errors.slice(0, 3))}`);
      await storeSubmission(trx, { wave, participant, clientId: newId(), data, source: 'import', actor: anonymous }, v.data);
    };

    let firstToken = '';
    for (let i = 1; i <= participants; i++) {
      const person = syntheticPerson(rng);
      const token = newToken();
      if (i === participants) firstToken = token;
      const p = await insertParticipant(
        trx,
        caisse.id,
        {
          code: `VIL-${String(i).padStart(3, '0')}`,
          attributes: {
            cotisationTier: person.cotisation <= 20 ? 'A' : person.cotisation <= 75 ? 'B' : 'C',
            householdSize: person.householdSize,
            householdType: person.householdType,
          },
          consent: 'given',
        },
        token,
      );
      if (rng() < 0.9) await store(t0, p, participantAnswers(rng, person, entryModules));
      // The last participant keeps the follow-up open, so that the printed link has something to answer.
      if (i < participants && rng() < 0.7) await store(t1, p, participantAnswers(rng, person, followupModules, { improvement: 0.4, followup: true }));
    }
    await store(m0, null, caisseAnswers(rng, participants));
    await trx.updateTable('waves').set({ status: 'closed', closes_at: new Date(now - 25 * day).toISOString() }).where('id', 'in', [t0.id, m0.id]).execute();
    return { caisseId: caisse.id, token: firstToken };
  });

  const base = config.publicUrl ?? `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  const participantLink = `${base}/r/${result.token}`;
  const lines = [
    '',
    '  Récolte — données de démonstration créées',
    '  ----------------------------------------',
    ...accounts.map((a) => `  ${a.role.padEnd(12)} ${a.email.padEnd(30)} mot de passe : ${a.password}`),
    '',
    `  Lien participant (VIL-${String(participants).padStart(3, '0')}) : ${participantLink}`,
    `  Application : ${base}   ·   API : ${base}/api/docs`,
    '',
  ];
  const banner = lines.join('\n');
  try {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(resolve(config.dataDir, 'demo-accounts.txt'), `${banner}\n`, { mode: 0o600 });
  } catch {
    // A read-only data dir only loses the copy; the banner is still printed.
  }
  return { caisseId: result.caisseId, accounts, participantLink, banner };
}
