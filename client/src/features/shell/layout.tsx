// The signed-in frame: a header (brand, caisse chooser, language, logout), the navigation built
// from routes.tsx (a left column on wide screens, a menu on phones), and the screen.
import { Suspense, useEffect, useId, useState } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useI18n, useT } from '../../i18n/i18n.tsx';
import { staff } from '../../i18n/staff.ts';
import { Icon } from '../../ui/icon.tsx';
import { LangSwitch } from '../../ui/lang-switch.tsx';
import { PageSpinner } from '../../ui/spinner.tsx';
import { caisseIdInPath, routeHref, type StaffRoute, staffRoutes } from './routes.tsx';
import { type Session, useSession } from '../auth/session.tsx';

export function StaffLayout() {
  const session = useSession();
  const t = useT(staff);
  const location = useLocation();
  const navigate = useNavigate();
  const [menuOpen, setMenuOpen] = useState(false);
  const urlCaisse = caisseIdInPath(location.pathname);

  // A caisse in the URL (a shared link) becomes the chosen caisse.
  const { caisse, caisses, setCaisseId } = session;
  useEffect(() => {
    if (urlCaisse && urlCaisse !== caisse?.id && caisses.some((c) => c.id === urlCaisse))
      setCaisseId(urlCaisse);
  }, [urlCaisse, caisse?.id, caisses, setCaisseId]);

  // Navigating closes the phone menu.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each navigation on purpose
  useEffect(() => setMenuOpen(false), [location.pathname]);

  function chooseCaisse(id: string) {
    setCaisseId(id);
    // On a caisse screen, stay on the same screen for the other caisse.
    if (urlCaisse)
      navigate(location.pathname.replace(/^\/caisses\/[^/]+/, `/caisses/${encodeURIComponent(id)}`));
  }

  async function logout() {
    await session.logout();
    navigate('/login', { replace: true });
  }

  return (
    <div className="s-shell">
      <a className="skip-link" href="#main">
        {t('a11y.skip')}
      </a>
      <header className="s-header">
        <div className="s-header__row">
          <button
            type="button"
            className="s-menu-button"
            aria-expanded={menuOpen}
            aria-controls="s-nav"
            onClick={() => setMenuOpen((o) => !o)}
          >
            <Icon name={menuOpen ? 'close' : 'menu'} size={22} />
            <span className="visually-hidden">{menuOpen ? t('header.closeMenu') : t('header.menu')}</span>
          </button>
          <Link to="/" className="s-brand">
            <span className="s-brand__mark" aria-hidden="true">
              R
            </span>
            {t('app.name')}
          </Link>
          <div className="s-header__tools">
            <CaisseChooser session={session} onChoose={chooseCaisse} />
            <LangSwitch />
            <span className="s-header__account muted small" title={session.me.user.email}>
              {session.me.user.email}
            </span>
            <button type="button" className="btn btn--ghost s-logout" onClick={() => void logout()}>
              <Icon name="logout" size={18} />
              <span className="s-logout__text">{t('header.logout')}</span>
            </button>
          </div>
        </div>
      </header>
      <div className="s-body">
        <nav id="s-nav" className={menuOpen ? 's-nav s-nav--open' : 's-nav'} aria-label={t('nav.label')}>
          <NavSections session={session} />
        </nav>
        <main id="main" className="s-main" tabIndex={-1}>
          <Suspense fallback={<PageSpinner label={t('state.loading')} />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
    </div>
  );
}

function CaisseChooser({ session, onChoose }: { session: Session; onChoose: (id: string) => void }) {
  const t = useT(staff);
  const id = useId();
  if (session.caisses.length === 0) return null;
  return (
    <div className="s-caisse">
      <label htmlFor={id} className="s-caisse__label">
        {t('header.caisse')}
      </label>
      <select
        id={id}
        className="input s-caisse__select"
        value={session.caisse?.id ?? ''}
        onChange={(e) => onChoose(e.target.value)}
      >
        {session.caisses.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </div>
  );
}

const sections: { key: NonNullable<StaffRoute['nav']>['section']; label?: 'nav.caisse' | 'nav.platform' }[] =
  [{ key: 'home' }, { key: 'caisse', label: 'nav.caisse' }, { key: 'platform', label: 'nav.platform' }];

function NavSections({ session }: { session: Session }) {
  const t = useT(staff);
  const { lang } = useI18n();
  return (
    <>
      {sections.map((section) => {
        const entries = staffRoutes.flatMap((r) => {
          if (!r.nav || r.nav.section !== section.key) return [];
          if (r.nav.visible && !r.nav.visible(session)) return [];
          const href = routeHref(r, session.caisse?.id ?? null);
          return href ? [{ href, nav: r.nav }] : [];
        });
        if (entries.length === 0) return null;
        return (
          <div className="s-nav__section" key={section.key}>
            {section.label && (
              <p className="s-nav__heading">
                {section.label === 'nav.caisse' && session.caisse ? session.caisse.name : t(section.label)}
              </p>
            )}
            <ul>
              {entries.map(({ href, nav }) => (
                <li key={href}>
                  <NavLink to={href} end className="s-nav__link">
                    <Icon name={nav.icon} size={20} />
                    {nav.label[lang]}
                  </NavLink>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </>
  );
}
