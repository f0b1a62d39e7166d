// Domain errors carry their HTTP status and a stable code; one handler turns everything into
// { statusCode, code, message } and hides the details of 5xx.
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const badRequest = (code: string, message: string, details?: unknown) =>
  new AppError(400, code, message, details);
export const unauthorized = (message = 'Authentification requise') =>
  new AppError(401, 'UNAUTHENTICATED', message);
export const forbidden = (message = 'Accès refusé') => new AppError(403, 'FORBIDDEN', message);
export const notFound = (what = 'Ressource') => new AppError(404, 'NOT_FOUND', `${what} introuvable`);
export const conflict = (code: string, message: string, details?: unknown) =>
  new AppError(409, code, message, details);
export const unprocessable = (code: string, message: string, details?: unknown) =>
  new AppError(422, code, message, details);

/** Unique-constraint violations from either driver (SQLite or PostgreSQL). */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return (
    e?.code === '23505' ||
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError, request, reply) => {
    if (err instanceof AppError) {
      const body: Record<string, unknown> = {
        statusCode: err.statusCode,
        code: err.code,
        message: err.message,
      };
      if (err.details !== undefined) body.details = err.details;
      return reply.code(err.statusCode).send(body);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({
        path: `${err.validationContext ?? ''}${v.instancePath}`,
        message: v.message,
      }));
      return reply.code(400).send({
        statusCode: 400,
        code: 'VALIDATION_ERROR',
        message: `Requête invalide : ${issues.map((i) => `${i.path || '/'} ${i.message}`).join(' ; ')}`,
        details: issues,
      });
    }
    const status = typeof err.statusCode === 'number' && err.statusCode >= 400 ? err.statusCode : 500;
    if (status < 500) {
      return reply.code(status).send({
        statusCode: status,
        code: err.code ?? 'BAD_REQUEST',
        message: err.message,
      });
    }
    request.log.error({ err, reqId: request.id }, 'request failed');
    return reply.code(status).send({
      statusCode: status,
      code: 'INTERNAL_ERROR',
      message: `Erreur interne (requête ${request.id})`,
    });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({
      statusCode: 404,
      code: 'NOT_FOUND',
      message: `Route ${request.method} ${request.url.split('?')[0]} introuvable`,
    }),
  );
}
