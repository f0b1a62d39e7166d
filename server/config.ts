// Configuration: one zod schema over the environment, validated once at start, then frozen.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

export const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('data'),
  DATABASE_URL: z
    .string()
    .refine((u) => /^(postgres(ql)?:\/\/|sqlite:|file:)/.test(u) || !u.includes('://'), {
      message: 'DATABASE_URL doit être une URL postgres:// ou un chemin de fichier SQLite',
    })
    .optional(),
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET doit faire au moins 32 caractères').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEMO: bool.default(false),
  MIN_CELL: z.coerce.number().int().min(1).max(100).default(5),
  TRUST_PROXY: bool.default(false),
  PUBLIC_URL: z.string().url().optional(),
  BODY_LIMIT: z.coerce.number().int().min(1024).default(1_048_576),
  IMPORT_BODY_LIMIT: z.coerce.number().int().min(1024).default(20_971_520),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  TOKEN_RATE_LIMIT: z.coerce.number().int().min(1).default(120),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string;
  dialect: 'sqlite' | 'postgres';
  sessionSecret: string;
  logLevel: Env['LOG_LEVEL'];
  demo: boolean;
  minCell: number;
  trustProxy: boolean;
  publicUrl: string | null;
  bodyLimit: number;
  importBodyLimit: number;
  loginRateLimit: number;
  tokenRateLimit: number;
}

export function dialectOf(url: string): 'sqlite' | 'postgres' {
  return /^postgres(ql)?:\/\//.test(url) ? 'postgres' : 'sqlite';
}

/** Reads the secret from data/session-secret, creating it on first start; never a built-in default. */
function sessionSecretFromDisk(dataDir: string): string {
  const file = resolve(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const parsed = envSchema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')),
  );
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Configuration invalide :\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const databaseUrl = e.DATABASE_URL ?? resolve(e.DATA_DIR, 'recolte.sqlite');
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    databaseUrl,
    dialect: dialectOf(databaseUrl),
    sessionSecret: e.SESSION_SECRET ?? sessionSecretFromDisk(e.DATA_DIR),
    logLevel: e.LOG_LEVEL,
    demo: e.DEMO,
    minCell: e.MIN_CELL,
    trustProxy: e.TRUST_PROXY,
    publicUrl: e.PUBLIC_URL ?? null,
    bodyLimit: e.BODY_LIMIT,
    importBodyLimit: e.IMPORT_BODY_LIMIT,
    loginRateLimit: e.LOGIN_RATE_LIMIT,
    tokenRateLimit: e.TOKEN_RATE_LIMIT,
  });
}
