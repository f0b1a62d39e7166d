// The demo as the rest of the server sees it: seeding an empty database.
export { seedDemoIfEmpty } from './seed.ts';
