// The Fastify instance type every route module receives, and the dependencies it carries.
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import type { Db } from '../db/connect.ts';
import type { ResultsCache } from '../indicators/results.service.ts';
import type { ValidatorCache } from '../questionnaires/index.ts';
import type { ResearchCache } from '../research/research.service.ts';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface Deps {
  config: Readonly<Config>;
  db: Db;
  validators: ValidatorCache;
  resultsCache: ResultsCache;
  researchCache: ResearchCache;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered, as { method, url } (HEAD excluded). */
    routeList: { method: string; url: string }[];
  }
}
