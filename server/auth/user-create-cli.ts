// `npm run user:create -- --email a@b.fr [--admin] [--researcher]`: creates a staff account.
// The password comes from USER_PASSWORD, or is asked for on the terminal (never a default).
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig } from '../config.ts';
import { openDb } from '../db/connect.ts';
import { prepareDatabase } from '../db/prepare.ts';
import { hashPassword, passwordSchema } from './passwords.ts';
import { findUserByEmail, insertUser } from './users.repository.ts';

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    admin: { type: 'boolean', default: false },
    researcher: { type: 'boolean', default: false },
  },
});
const email = z
  .email()
  .transform((e) => e.toLowerCase())
  .safeParse(values.email);
if (!email.success) {
  console.error('Usage : npm run user:create -- --email personne@exemple.fr [--admin] [--researcher]');
  process.exit(2);
}

async function askPassword(): Promise<string> {
  if (process.env.USER_PASSWORD) return process.env.USER_PASSWORD;
  if (!process.stdin.isTTY) {
    console.error('USER_PASSWORD absent et pas de terminal pour le demander.');
    process.exit(2);
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const pw = await rl.question('Mot de passe : ');
  rl.close();
  return pw;
}

const password = passwordSchema.safeParse(await askPassword());
if (!password.success) {
  console.error(password.error.issues[0]?.message);
  process.exit(2);
}
const config = loadConfig();
const db = openDb(config.databaseUrl);
await prepareDatabase(db);
if (await findUserByEmail(db.kysely, email.data)) {
  console.error(`Un compte existe déjà pour ${email.data}.`);
  await db.close();
  process.exit(1);
}
await insertUser(db.kysely, {
  email: email.data,
  passwordHash: await hashPassword(password.data),
  isAdmin: values.admin,
  isResearcher: values.researcher,
});
console.log(
  `Compte créé : ${email.data}${values.admin ? ' (administrateur)' : ''}${values.researcher ? ' (chercheur)' : ''}`,
);
await db.close();
