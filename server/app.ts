// The application factory: tests and main.ts build the same app from a config and an open database.
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import helmet from 'helmet';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import { z } from 'zod';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { auditRoutes } from './audit/audit.routes.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { userRoutes } from './auth/users.routes.ts';
import { registerSessions } from './auth/session.ts';
import { caisseRoutes } from './caisses/caisses.routes.ts';
import type { Config } from './config.ts';
import type { Db } from './db/connect.ts';
import { exportRoutes } from './exports/exports.routes.ts';
import { healthRoutes } from './health/health.routes.ts';
import { registerErrorHandler } from './http/errors.ts';
import { registerClient } from './http/static.ts';
import type { App, Deps } from './http/types.ts';
import { objectiveRoutes } from './objectives/objectives.routes.ts';
import { participantRoutes } from './participants/participants.routes.ts';
import { ValidatorCache } from './questionnaires/validator-cache.ts';
import { ResultsCache } from './indicators/results.service.ts';
import { indicatorRoutes } from './indicators/indicators.routes.ts';
import { ResearchCache } from './research/research.service.ts';
import { researchRoutes } from './research/research.routes.ts';
import { questionnaireRoutes } from './questionnaires/questionnaires.routes.ts';
import { translationRoutes } from './questionnaires/translations/translations.routes.ts';
import { participantLinkRoutes } from './participant-link/participant-link.routes.ts';
import { responseRoutes } from './responses/responses.routes.ts';
import { reportRoutes } from './reports/reports.routes.ts';
import { waveRoutes } from './waves/waves.routes.ts';

export interface BuildOptions {
  config: Readonly<Config>;
  db: Db;
  logger?: boolean;
}

// Validation messages in French, the language of the application (per-question answer errors carry
// their English text separately).
z.config(z.locales.fr());

export async function buildApp({ config, db, logger = true }: BuildOptions): Promise<App> {
  const app = Fastify({
    logger: logger ? { level: config.logLevel } : false,
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    // Ids of our own making only: refuse path params that are not what they claim to be.
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  const secure = config.trustProxy || (config.publicUrl?.startsWith('https:') ?? false);
  const deps: Deps = {
    config,
    db,
    validators: new ValidatorCache(),
    resultsCache: new ResultsCache(),
    researchCache: new ResearchCache(),
  };
  // The route table, for the isolation test that checks every route is in its matrix.
  const routes: { method: string; url: string }[] = [];
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) if (method !== 'HEAD') routes.push({ method, url: r.url });
  });
  app.decorate('routeList', routes);

  await app.register(fastifyCookie);
  // helmet's middleware built once (@fastify/helmet builds it again on every request, which showed
  // in the ingest profile), applied to every response.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        // Only behind HTTPS: on a plain-HTTP deployment the browser would rewrite asset URLs to https.
        upgradeInsecureRequests: secure ? [] : null,
      },
    },
  });
  app.addHook('onRequest', (req, reply, done) =>
    securityHeaders(req.raw, reply.raw, (err?: unknown) => done(err as Error | undefined)),
  );
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Récolte API',
        description: 'Questionnaires, réponses, indicateurs et suivi-évaluation des caisses alimentaires',
        version: '0.1.0',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  registerSessions(app, deps);

  await app.register(
    async (api) => {
      const r = api as unknown as App;
      healthRoutes(r, deps);
      authRoutes(r, deps);
      userRoutes(r, deps);
      auditRoutes(r, deps);
      caisseRoutes(r, deps);
      objectiveRoutes(r, deps);
      questionnaireRoutes(r, deps);
      translationRoutes(r, deps);
      waveRoutes(r, deps);
      participantRoutes(r, deps);
      participantLinkRoutes(r, deps);
      responseRoutes(r, deps);
      indicatorRoutes(r, deps);
      researchRoutes(r, deps);
      exportRoutes(r, deps);
      reportRoutes(r, deps);
    },
    { prefix: '/api' },
  );
  await registerClient(app);

  return app;
}
