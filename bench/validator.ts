// Response validation speed: the compiled validator vs survey-core's own validate(), on the
// 44-question test definition. Run: npx tsx bench/validator.ts [iterations]
import { Model } from 'survey-core';
import { compileValidator } from '../server/questionnaires/validator.ts';
import { completeResponse, fortyQuestions } from '../tests/unit/validator/fixtures/forty-questions.ts';

const iterations = Number(process.argv[2] ?? 10_000);
// As the server gets it: parsed from a JSON body.
const data = JSON.parse(JSON.stringify(completeResponse())) as Record<string, unknown>;

function time(label: string, runs: number, fn: () => void): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) fn();
  const us = Number(process.hrtime.bigint() - start) / 1000 / runs;
  console.log(`${label.padEnd(42)} ${us.toFixed(1).padStart(9)} µs/response  (${runs} runs)`);
  return us;
}

let start = process.hrtime.bigint();
const validator = compileValidator(fortyQuestions);
console.log(
  `compileValidator (once per version)          ${(Number(process.hrtime.bigint() - start) / 1e6).toFixed(1)} ms`,
);
if (!validator.validate(data).ok) throw new Error('the benchmark response must be valid');

for (let i = 0; i < 2000; i++) validator.validate(data); // warm-up
const ours = time('compiled validator', iterations, () => validator.validate(data));
const invalid = { ...data, swemwbs_1: 9, zz: 1, hfias_q1a: 2 };
time('compiled validator, invalid response', iterations, () => validator.validate(invalid));

start = process.hrtime.bigint();
const model = new Model(fortyQuestions);
console.log(
  `new Model (survey-core)                      ${(Number(process.hrtime.bigint() - start) / 1e6).toFixed(1)} ms`,
);
const sjsRuns = Math.max(50, Math.round(iterations / 50));
const reference = () => {
  model.clear(true, true);
  model.data = structuredClone(data);
  model.validate(true, false);
};
for (let i = 0; i < 20; i++) reference();
const theirs = time('survey-core clear + set data + validate', sjsRuns, reference);
console.log(
  `→ ${(theirs / ours).toFixed(0)}× faster; ${Math.round(1e6 / ours).toLocaleString('en')} validations/s on one core`,
);
