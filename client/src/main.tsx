// The client's entry, loaded by every page: keep it small. It sets the language context and picks
// one of two lazy chunks by URL: the participant pages (/r/:token, with SurveyJS, no router
// library) or the staff app (everything else, with react-router). The two never link to each
// other inside the app, so the choice is made once per page load.
import './styles/tokens.css';
import './styles/base.css';
import './styles/components.css';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider, useT } from './i18n/i18n.tsx';
import { PageSpinner } from './ui/spinner.tsx';

const ParticipantApp = lazy(() => import('./features/participant/participant-app.tsx'));
const StaffApp = lazy(() => import('./features/shell/staff-app.tsx'));

export const isParticipantPath = (pathname: string) => /^\/r\/[^/]+/.test(pathname);

function Loading() {
  const t = useT();
  return <PageSpinner label={t('state.loading')} />;
}

export function App({ pathname }: { pathname: string }) {
  const Area = isParticipantPath(pathname) ? ParticipantApp : StaffApp;
  return (
    <Suspense fallback={<Loading />}>
      <Area />
    </Suspense>
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <App pathname={window.location.pathname} />
      </I18nProvider>
    </StrictMode>,
  );
}
