// The participant's side, reached by the link's token alone: their open waves with the questionnaire
// and any draft, draft saving, submission, and the download of their own answers.
import { findCaisse } from '../caisses/index.ts';
import type { Participant, Queryable } from '../db/schema.ts';
import { conflict, notFound } from '../http/errors.ts';
import type { Deps } from '../http/types.ts';
import { findParticipantByToken, findParticipantWithWave } from '../participants/index.ts';
import { findVersion } from '../questionnaires/index.ts';
import {
  currentResponsesOf,
  findCurrent,
  findDraft,
  type Submission,
  type SubmissionResult,
  submit,
  upsertDraft,
} from '../responses/index.ts';
import { isAccepting, listWaves } from '../waves/index.ts';
import type { LinkExport, LinkOverview } from './participant-link.schema.ts';

async function participantOf(q: Queryable, token: string): Promise<Participant> {
  const p = await findParticipantByToken(q, token);
  if (!p || p.token_hash === null) throw notFound('Lien');
  return p;
}

/** The link's participant and the open participant-level wave of its caisse that a write names. */
async function writeTarget(q: Queryable, token: string, waveId: string) {
  const found = await findParticipantWithWave(q, token, waveId);
  if (!found || found.participant.token_hash === null) throw notFound('Lien');
  const { participant: p, wave: w } = found;
  if (!w || w.caisse_id !== p.caisse_id || w.level !== 'participant') throw notFound('Vague');
  if (!isAccepting(w)) throw conflict('WAVE_NOT_OPEN', 'Cette vague n’est pas ouverte aux réponses');
  return { p, w };
}

export async function linkOverview({ db }: Pick<Deps, 'db'>, token: string): Promise<LinkOverview> {
  const q = db.kysely;
  const p = await participantOf(q, token);
  const caisse = (await findCaisse(q, p.caisse_id))!;
  const open = (await listWaves(q, p.caisse_id)).filter((w) => w.level === 'participant' && isAccepting(w));
  const waves = [];
  for (const w of open) {
    const v = (await findVersion(q, w.questionnaire_version_id))!;
    const draft = await findDraft(q, p.id, w.id);
    const current = await findCurrent(q, w.id, p.id);
    waves.push({
      id: w.id,
      period: w.period,
      closesAt: w.closes_at,
      questionnaire: {
        versionId: w.questionnaire_version_id,
        title: v.title,
        definition: JSON.parse(v.definition),
      },
      draft: draft
        ? { data: JSON.parse(draft.data) as Record<string, unknown>, updatedAt: draft.updated_at }
        : null,
      submittedAt: current?.submitted_at ?? null,
    });
  }
  return { participant: { code: p.code, consent: p.consent }, caisse: { name: caisse.name }, waves };
}

export async function saveDraft(
  { db }: Pick<Deps, 'db'>,
  token: string,
  draft: { waveId: string; data: Record<string, unknown> },
): Promise<{ savedAt: string }> {
  const { p, w } = await writeTarget(db.kysely, token, draft.waveId);
  // Phones autosave often: drafts share commits with the submissions arriving at the same time.
  const data = JSON.stringify(draft.data);
  const savedAt = await db.transact((trx) => upsertDraft(trx, p.id, w.id, data));
  return { savedAt };
}

export function submitThroughLink(
  deps: Pick<Deps, 'db' | 'validators'>,
  token: string,
  body: Submission,
): Promise<SubmissionResult> {
  // The link and the wave are read in the submission's own (grouped) transaction.
  return submit(deps, async (q) => {
    const { p, w } = await writeTarget(q, token, body.waveId);
    return {
      wave: w,
      participant: p,
      clientId: body.clientId,
      data: body.data,
      source: 'link',
      collectionMode: 'self',
      actor: { kind: 'participant', participantId: p.id },
    };
  });
}

/** Everything the participant answered (current revisions), for their own download. */
export async function exportOwnAnswers(
  { db }: Pick<Deps, 'db'>,
  token: string,
): Promise<{ fileName: string; body: LinkExport }> {
  const p = await participantOf(db.kysely, token);
  const rows = await currentResponsesOf(db.kysely, p.id);
  return {
    fileName: `mes-reponses-${p.code}.json`,
    body: {
      participant: {
        code: p.code,
        consent: p.consent,
        attributes: JSON.parse(p.attributes) as Record<string, unknown>,
      },
      responses: rows.map((r) => ({
        waveId: r.wave_id,
        period: r.period,
        submittedAt: r.submitted_at,
        revision: r.revision,
        data: JSON.parse(r.data) as Record<string, unknown>,
      })),
    },
  };
}
