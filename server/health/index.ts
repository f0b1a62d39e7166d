// The health check as the rest of the server sees it: its route.
export { healthRoutes } from './health.routes.ts';
