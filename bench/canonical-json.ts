// RFC 8785 canonical JSON speed: surveys/canonical-json.ts vs the `canonicalize` package,
// on answers as the ingest benchmark sends them (server/demo/synthetic.ts participantAnswers, the
// same 9 modules), plus the SHA-256 that follows. Run: npx tsx bench/canonical-json.ts [iterations]
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { participantAnswers, seededRng, syntheticPerson } from '../server/demo/synthetic.ts';
import { canonicalJson } from '../surveys/canonical-json.ts';
import { contentHashOf } from '../server/responses/content-hash.ts';

const iterations = Number(process.argv[2] ?? 200_000);
const MODULES = [
  'consent',
  'profile',
  'food_budget',
  'hfias',
  'swemwbs',
  'self_rated_health',
  'fruit_veg',
  'loneliness',
  'participation',
];
const rng = seededRng(2026);
// As the server gets them: parsed from a JSON body; several, so that no call sees one shape only.
const answers = Array.from(
  { length: 64 },
  () =>
    JSON.parse(JSON.stringify(participantAnswers(rng, syntheticPerson(rng), MODULES))) as Record<
      string,
      unknown
    >,
);
for (const a of answers) {
  if (canonicalJson(a) !== canonicalize(a)) throw new Error('canonicalJson differs from canonicalize');
}
const sizes = answers.map((a) => canonicalJson(a)!.length);
console.log(
  `${answers.length} answer objects, ${Object.keys(answers[0]!).length} members, ` +
    `${Math.min(...sizes)}–${Math.max(...sizes)} bytes canonical`,
);

let sink = 0;
function time(label: string, fn: (a: Record<string, unknown>) => string | undefined): number {
  for (let i = 0; i < 20_000; i++) sink += fn(answers[i & 63]!)!.length; // warm-up
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) sink += fn(answers[i & 63]!)!.length;
  const us = Number(process.hrtime.bigint() - start) / 1000 / iterations;
  console.log(`${label.padEnd(40)} ${us.toFixed(2).padStart(7)} µs/response  (${iterations} runs)`);
  return us;
}

const theirs = time('canonicalize (npm)', (a) => canonicalize(a));
const ours = time('canonicalJson (ours)', canonicalJson);
time('JSON.stringify (unsorted, for scale)', (a) => JSON.stringify(a));
const canonical = answers.map((a) => canonicalJson(a)!);
let k = 0;
time('SHA-256 hex of the canonical form', () =>
  createHash('sha256')
    .update(canonical[k++ & 63]!)
    .digest('hex'),
);
time('contentHashOf (ours + SHA-256)', contentHashOf);
console.log(`canonicalJson is ${(theirs / ours).toFixed(1)}× faster${sink < 0 ? '' : ''}`);
