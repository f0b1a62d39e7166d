// The staff home: the user's caisses (choose one to work on) and the areas their roles open.
import { useEffect } from 'react';
import { Link } from 'react-router';
import { useI18n, useT } from '../../i18n/i18n.tsx';
import { staff } from '../../i18n/staff.ts';
import { Badge } from '../../ui/badge.tsx';
import { Button } from '../../ui/button.tsx';
import { ButtonLink } from '../../ui/button-link.tsx';
import { Card } from '../../ui/card.tsx';
import { Icon } from '../../ui/icon.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { routeHref, staffRoutes } from './routes.tsx';
import { useSession } from '../auth/session.tsx';

export default function Home() {
  const session = useSession();
  const t = useT(staff);
  const { lang } = useI18n();
  const { me, caisse, caisses, setCaisseId } = session;

  useEffect(() => {
    document.title = t('app.name');
  }, [t]);

  const visible = staffRoutes.filter((r) => r.nav && (!r.nav.visible || r.nav.visible(session)));
  // The first caisse screen is where "Open" leads; without one yet, choosing is all it does.
  const firstCaisseScreen = visible.find((r) => r.nav?.section === 'caisse');
  const areas = visible.filter((r) => r.nav?.section === 'platform');
  const platformRoles = me.roles.filter((r) => r === 'admin' || r === 'researcher');

  return (
    <div className="stack--lg">
      <PageHeader
        title={t('home.title')}
        subtitle={t('home.subtitle', { email: me.user.email })}
        actions={platformRoles.map((r) => (
          <Badge key={r} tone="info">
            {t(`role.${r}`)}
          </Badge>
        ))}
      />
      <section aria-labelledby="home-caisses">
        <h2 id="home-caisses">{t('home.caisses')}</h2>
        {caisses.length === 0 ? (
          <p className="muted">{t('home.noCaisse')}</p>
        ) : (
          <ul className="card-grid">
            {caisses.map((c) => {
              const current = c.id === caisse?.id;
              const href = firstCaisseScreen ? routeHref(firstCaisseScreen, c.id) : null;
              return (
                <li key={c.id}>
                  <Card
                    as="article"
                    title={c.name}
                    level={3}
                    className={current ? 'card--current' : undefined}
                  >
                    <p className="cluster">
                      <Badge tone={c.role === 'coordinator' ? 'success' : 'neutral'}>
                        {t(`role.${c.role}`)}
                      </Badge>
                      {current && <span className="muted small">{t('home.current')}</span>}
                    </p>
                    {href ? (
                      <ButtonLink
                        to={href}
                        onClick={() => setCaisseId(c.id)}
                        variant={current ? 'primary' : 'secondary'}
                      >
                        {t('home.open')}
                        <Icon name="arrowRight" size={18} />
                      </ButtonLink>
                    ) : (
                      !current && (
                        <Button variant="secondary" onClick={() => setCaisseId(c.id)}>
                          {t('home.open')}
                        </Button>
                      )
                    )}
                  </Card>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      {areas.length > 0 && (
        <section aria-labelledby="home-areas">
          <h2 id="home-areas">{t('home.areas')}</h2>
          <ul className="card-grid">
            {areas.map((r) => {
              const href = routeHref(r, caisse?.id ?? null);
              return (
                href && (
                  <li key={r.path}>
                    <Link className="card card--link" to={href}>
                      <Icon name={r.nav!.icon} />
                      <h3 className="card__title">{r.nav!.label[lang]}</h3>
                    </Link>
                  </li>
                )
              );
            })}
          </ul>
        </section>
      )}
    </div>
  );
}
