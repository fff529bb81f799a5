import { signOut } from 'firebase/auth';
import type { Me } from '../../../functions/src/domain/contracts/types';
import type { Stack } from '../config';
import { auth } from '../firebase';
import { LanguageSwitcher } from '../i18n/LanguageSwitcher';
import { InboxBell } from '../inbox/InboxBell';
import { t } from '../i18n/t';
import { roleLabel } from './roles';
import { SCREENS, type Screen } from './routes';
import { hrefFor, type Route } from './route';
import './header.css';

interface HeaderProps {
  me: Me;
  /** Shown only on the local stack: a deployed site has one data path and nothing to tell apart. */
  stack: Stack | null;
  route: Route;
}

export function Header({ me, stack, route }: HeaderProps) {
  const current = (screen: Screen) => screen.page === route.page || screen.alsoFor?.includes(route.page);
  return (
    <header className="app-header">
      <div className="brand">
        <a href={hrefFor({ page: 'cases' })}>{t('app.name')}</a>
        {stack && (
          <span className={`stack-badge stack-${stack}`} data-testid="stack-badge">
            {t(stack === 'full' ? 'stack.full' : 'stack.offline')}
          </span>
        )}
      </div>
      <nav aria-label={t('nav.label')}>
        {(SCREENS as readonly Screen[]).map(
          (screen) =>
            screen.nav &&
            (!screen.may || screen.may(me)) && (
              <a
                key={screen.page}
                href={hrefFor({ page: screen.page } as Route)}
                aria-current={current(screen) ? 'page' : undefined}
                data-testid={screen.nav.testId}
              >
                {t(screen.nav.label)}
              </a>
            ),
        )}
      </nav>
      <div className="who" data-testid="who">
        <span className="visually-hidden">{t('header.signedInAs')} </span>
        <LanguageSwitcher />
        <InboxBell route={route} />
        <strong>{me.displayName}</strong> <span>{roleLabel(me.role)}</span>
        {me.drcId && <span> · {t('header.drc', { drcId: me.drcId })}</span>}
        <button type="button" className="secondary" data-testid="sign-out" onClick={() => void signOut(auth)}>
          {t('header.signOut')}
        </button>
      </div>
    </header>
  );
}
