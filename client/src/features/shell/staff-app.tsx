// Everything but /r/:token: the staff chunk (lazy, never loaded by participants), with its own
// router (react-router). Login and invitation pages, then the signed-in layout with the screens of
// routes.tsx. A link from here to /r/… must be a plain <a> (a full page load).
import '../../styles/staff.css';
import { BrowserRouter, Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import { useT } from '../../i18n/i18n.tsx';
import { staff } from '../../i18n/staff.ts';
import { PageSpinner } from '../../ui/spinner.tsx';
import { InvitationPage } from '../auth/invitation-page.tsx';
import { StaffLayout } from './layout.tsx';
import { LoginPage } from '../auth/login-page.tsx';
import { NotFound } from './not-found.tsx';
import { staffRoutes } from './routes.tsx';
import { SessionProvider, useSessionState } from '../auth/session.tsx';

export default function StaffApp() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route path="/invitation/:token" element={<InvitationPage />} />
          <Route element={<RequireSession />}>
            <Route element={<StaffLayout />}>
              {staffRoutes.map(({ path, screen: Screen }) => (
                <Route
                  key={path || 'home'}
                  index={path === '' ? true : undefined}
                  path={path === '' ? undefined : path}
                  element={<Screen />}
                />
              ))}
              <Route path="*" element={<NotFound />} />
            </Route>
          </Route>
        </Routes>
      </SessionProvider>
    </BrowserRouter>
  );
}

/** Signed-in screens only: others go to /login, and come back here after. */
function RequireSession() {
  const { state } = useSessionState();
  const location = useLocation();
  const t = useT(staff);
  if (state.kind === 'loading') return <PageSpinner label={t('state.loading')} />;
  if (state.kind === 'anonymous') {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}
