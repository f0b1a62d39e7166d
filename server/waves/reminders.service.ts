// Reminders: a participant wave's non-respondents, and their relaunch sheet. Links are stored only as
// hashes, so a relaunch cannot print the old ones: it prints new ones and reissues every chosen link
// in one transaction (each old link stops working), audited.
import { audit } from '../audit/index.ts';
import { type Actor, requireReminders } from '../auth/index.ts';
import { findCaisse } from '../caisses/index.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/connect.ts';
import type { Queryable } from '../db/schema.ts';
import { badRequest, conflict, notFound } from '../http/errors.ts';
import { participantLink, reissueTokenIn } from '../participants/index.ts';
import { newToken } from '../util.ts';
import { type RelaunchCard, relaunchPdf } from './relaunch-pdf.ts';
import {
  findWave,
  listNonRespondents,
  participantsOfCaisse,
  type WaveWithLevel,
} from './waves.repository.ts';
import type { NonRespondent, RelaunchBody } from './waves.schema.ts';

type Ctx = { db: Db; config: Pick<Config, 'publicUrl'> };

/** The wave, if the actor may chase its non-respondents and it has any (participant level). */
async function reminderWave(db: Db, actor: Actor, waveId: string) {
  const w = await findWave(db.kysely, waveId);
  if (!w) throw notFound('Vague');
  const user = requireReminders(actor, w.caisse_id);
  if (w.level !== 'participant') {
    throw badRequest('CAISSE_LEVEL_WAVE', 'Une vague de niveau caisse n’a pas de participants à relancer');
  }
  return { w, user };
}

export async function nonRespondents(db: Db, actor: Actor, waveId: string): Promise<NonRespondent[]> {
  const { w } = await reminderWave(db, actor, waveId);
  return (await listNonRespondents(db.kysely, w.caisse_id, w.id)).map((p) => ({
    id: p.id,
    code: p.code,
    linkActive: p.token_hash !== null,
    tokenIssuedAt: p.token_issued_at,
    draftSavedAt: p.draft_saved_at ?? null,
  }));
}

export interface Relaunch {
  filename: string;
  pdf: Buffer;
  /** The new links, in code order (the route sends only the PDF). */
  cards: (RelaunchCard & { participantId: string })[];
}

/**
 * Reissues the links of the chosen non-respondents (all of them, or none if one is not: an id of
 * another caisse or unknown → 404, a participant who answered → 400) and prints them. The sheet is
 * printed with tokens drawn beforehand, then one transaction checks the choice again and reissues
 * every link: a failure anywhere leaves every old link working, and printing (about 1 s for 500
 * cards) never holds the write lock. `base` is where links point when PUBLIC_URL is unset (the
 * request's origin), since a QR code needs a full URL.
 */
export async function relaunch(
  ctx: Ctx,
  actor: Actor,
  waveId: string,
  body: RelaunchBody,
  opts: { lang: 'fr' | 'en'; base: string },
): Promise<Relaunch> {
  const { db } = ctx;
  const { w, user } = await reminderWave(db, actor, waveId);
  if (w.status !== 'open') {
    throw conflict('WAVE_NOT_OPEN', 'Seule une vague ouverte peut être relancée : ouvrez-la d’abord');
  }
  const chosen = await choose(db.kysely, w, body);
  const caisse = (await findCaisse(db.kysely, w.caisse_id))!;
  const base = ctx.config.publicUrl ?? opts.base;
  const cards = chosen.map((p) => {
    const token = newToken();
    return { participant: p, token, participantId: p.id, code: p.code, link: participantLink(base, token) };
  });
  const pdf = await relaunchPdf({
    caisseName: caisse.name,
    period: w.period,
    opensAt: w.opens_at,
    closesAt: w.closes_at,
    lang: opts.lang,
    issuedAt: new Date(),
    cards,
  });
  await db.kysely.transaction().execute(async (trx) => {
    // Someone who answered since the choice is not relaunched: the sheet would be wrong, so nothing is.
    const pending = new Set((await listNonRespondents(trx, w.caisse_id, w.id)).map((p) => p.id));
    if (chosen.some((p) => !pending.has(p.id))) {
      throw conflict(
        'NON_RESPONDENTS_CHANGED',
        'Quelqu’un vient de répondre : rechargez la liste, rien n’a été réémis',
      );
    }
    for (const c of cards) await reissueTokenIn(trx, user, c.participant, c.token);
    await audit(trx, user, {
      caisseId: w.caisse_id,
      action: 'wave.relaunch',
      targetType: 'wave',
      targetId: w.id,
    });
  });
  const safePeriod = w.period
    .normalize('NFD')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-|-$/g, '');
  const prefix = opts.lang === 'fr' ? 'relance' : 'reminders';
  return {
    filename: `${prefix}-${safePeriod || 'vague'}.pdf`,
    pdf,
    cards: cards.map(({ participantId, code, link }) => ({ participantId, code, link })),
  };
}

/** The non-respondents a relaunch names: all of them, or the given ids if every one is one. */
async function choose(db: Queryable, w: WaveWithLevel, body: RelaunchBody) {
  const pending = await listNonRespondents(db, w.caisse_id, w.id);
  let chosen = pending;
  if ('participantIds' in body) {
    const ids = [...new Set(body.participantIds.map((id) => id.toLowerCase()))];
    const ofCaisse = new Set(await participantsOfCaisse(db, w.caisse_id, ids));
    if (ids.some((id) => !ofCaisse.has(id))) throw notFound('Participant');
    const wanted = new Set(ids);
    chosen = pending.filter((p) => wanted.has(p.id));
    if (chosen.length !== ids.length) {
      const pendingIds = new Set(pending.map((p) => p.id));
      throw badRequest(
        'NOT_A_NON_RESPONDENT',
        'Certaines personnes ont déjà répondu à cette vague (ou refusé de participer) : rien n’a été réémis',
        { participantIds: ids.filter((id) => !pendingIds.has(id)) },
      );
    }
  }
  if (chosen.length === 0) throw conflict('NOTHING_TO_RELAUNCH', 'Tout le monde a répondu à cette vague');
  return chosen;
}
