// The exports feature as the rest of the server sees it: its routes.
export { exportRoutes } from './exports.routes.ts';
