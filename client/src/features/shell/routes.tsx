// The staff route table: every signed-in screen, lazily loaded, and its place in the navigation.
//
// Adding a screen:
//   1. write client/src/features/<name>/<name>-screen.tsx with a default export (a component, no props);
//      read the session with `useSession()`, the caisse from the URL with `useParams()`;
//   2. add one entry below, e.g.
//        { path: 'caisses/:caisseId/vagues', screen: lazy(() => import('../waves/waves-screen.tsx')),
//          nav: { label: { fr: 'Vagues', en: 'Waves' }, icon: 'calendar', section: 'caisse',
//                 visible: (s) => s.caisse?.role === 'coordinator' || s.hasRole('admin') } },
//   Caisse screens put `:caisseId` in their path: the navigation fills it with the caisse chosen
//   in the header, and choosing another caisse there keeps the same screen.
//   A screen that draws charts imports chart.js itself: it then stays in that screen's chunk.
import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import type { IconName } from '../../ui/icon.tsx';
import type { Session } from '../auth/session.tsx';

export interface StaffRoute {
  /** Relative to the site root, without a leading slash ('' is the home page). */
  path: string;
  screen: LazyExoticComponent<ComponentType>;
  nav?: {
    label: { fr: string; en: string };
    icon: IconName;
    /** 'caisse': about the caisse chosen in the header; 'platform': research, administration. */
    section: 'home' | 'caisse' | 'platform';
    /** Who sees the entry (the server still checks every request). Everyone when absent. */
    visible?: (session: Session) => boolean;
  };
}

// The coordinator screens, one lazy chunk each (the paths are below, in staffRoutes).
const coordinatorScreens = {
  'caisse-profile': lazy(() => import('../caisse-profile/caisse-profile-screen.tsx')),
  objectives: lazy(() => import('../objectives/objectives-screen.tsx')),
  indicators: lazy(() => import('../indicators/indicators-screen.tsx')),
  questionnaires: lazy(() => import('../questionnaires/questionnaires-screen.tsx')),
  waves: lazy(() => import('../waves/waves-screen.tsx')),
  participants: lazy(() => import('../participants/participants-screen.tsx')),
  'paper-entry': lazy(() => import('../paper-entry/paper-entry-screen.tsx')),
};

export const staffRoutes: StaffRoute[] = [
  {
    path: '',
    screen: lazy(() => import('./home-screen.tsx')),
    nav: { label: { fr: 'Accueil', en: 'Home' }, icon: 'home', section: 'home' },
  },
  {
    path: 'caisses/:caisseId/tableau-de-bord',
    screen: lazy(() => import('../dashboard/dashboard-screen.tsx')),
    nav: {
      label: { fr: 'Tableau de bord', en: 'Dashboard' },
      icon: 'chart',
      section: 'caisse',
      // Members, coordinators (read-only for all) and admins.
      visible: (s) => s.caisse !== null || s.hasRole('admin'),
    },
  },
  // Coordinator screens (members read profile, objectives, indicators and waves without controls).
  ...(
    [
      ['profil', 'caisse-profile', 'Profil', 'Profile', 'info', 'member'],
      ['objectifs', 'objectives', 'Objectifs', 'Objectives', 'check', 'member'],
      ['indicateurs', 'indicators', 'Indicateurs', 'Indicators', 'checkCircle', 'member'],
      ['questionnaires', 'questionnaires', 'Questionnaires', 'Questionnaires', 'clipboard', 'coordinator'],
      ['vagues', 'waves', 'Vagues', 'Waves', 'calendar', 'member'],
      ['participants', 'participants', 'Participants', 'Participants', 'user', 'coordinator'],
      ['saisie-papier', 'paper-entry', 'Saisie papier', 'Paper entry', 'clipboard', 'coordinator'],
    ] as const
  ).map(
    ([segment, file, fr, en, icon, who]): StaffRoute => ({
      path: `caisses/:caisseId/${segment}`,
      screen: coordinatorScreens[file],
      nav: {
        label: { fr, en },
        icon,
        section: 'caisse',
        visible: (s) =>
          s.hasRole('admin') || (s.caisse !== null && (who === 'member' || s.caisse.role === 'coordinator')),
      },
    }),
  ),
  // Research (researchers and admins) and administration (admins): platform screens.
  {
    path: 'recherche',
    screen: lazy(() => import('../research/research-screen.tsx')),
    nav: {
      label: { fr: 'Objectifs entre caisses', en: 'Objectives across caisses' },
      icon: 'chart',
      section: 'platform',
      visible: (s) => s.hasRole('researcher', 'admin'),
    },
  },
  {
    path: 'recherche/indicateurs',
    screen: lazy(() => import('../research/research-indicator-screen.tsx')),
    nav: {
      label: { fr: 'Comparer un indicateur', en: 'Compare an indicator' },
      icon: 'checkCircle',
      section: 'platform',
      visible: (s) => s.hasRole('researcher', 'admin'),
    },
  },
  {
    path: 'admin/utilisateurs',
    screen: lazy(() => import('../admin/users-screen.tsx')),
    nav: {
      label: { fr: 'Utilisateurs', en: 'Users' },
      icon: 'user',
      section: 'platform',
      visible: (s) => s.hasRole('admin'),
    },
  },
  {
    path: 'admin/caisses',
    screen: lazy(() => import('../admin/caisses-screen.tsx')),
    nav: {
      label: { fr: 'Caisses', en: 'Caisses' },
      icon: 'clipboard',
      section: 'platform',
      visible: (s) => s.hasRole('admin'),
    },
  },
];

/** The URL of a route for the chosen caisse (`:caisseId` filled in), or null if it needs one. */
export function routeHref(route: StaffRoute, caisseId: string | null): string | null {
  if (route.path.includes(':caisseId')) {
    if (!caisseId) return null;
    return `/${route.path.replace(':caisseId', encodeURIComponent(caisseId))}`;
  }
  return `/${route.path}`;
}

/** The caisse id in a staff URL (/caisses/:caisseId/…), if any. */
export function caisseIdInPath(pathname: string): string | null {
  const m = /^\/caisses\/([^/]+)/.exec(pathname);
  return m ? decodeURIComponent(m[1]!) : null;
}
