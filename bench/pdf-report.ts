// `npm run bench -- pdf-report`: only the PDF report of a 10,000-response caisse (part of bench/exports).
import type { BenchOptions } from './lib.ts';
import { runPdf } from './exports.ts';

export async function run(opts: BenchOptions): Promise<void> {
  await runPdf(opts);
}
