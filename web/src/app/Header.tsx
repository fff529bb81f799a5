import { signOut } from 'firebase/auth';
import type { Me } from '../../../functions/src/api/contract';
import type { Stack } from '../config';
import { auth } from '../firebase';
import { LanguageSwitcher } from '../i18n/LanguageSwitcher';
import { InboxBell } from '../inbox/InboxBell';
import { t } from '../i18n/t';
import {
  canManageUsers,
  canReadAuditTrail,
  canSeeNotificationRouting,
  canSeeAssignmentRules,
  canReassignCases,
  canRegisterCases,
  canSeeCaseTypes,
  canSeeCpeQueue,
  roleLabel,
} from './roles';
import { hrefFor, type Route } from './route';
import './header.css';

interface HeaderProps {
  me: Me;
  /** Shown only on the local stack: a deployed site has one data path and nothing to tell apart. */
  stack: Stack | null;
  route: Route;
}

export function Header({ me, stack, route }: HeaderProps) {
  const current = (...pages: Route['page'][]) => (pages.includes(route.page) ? 'page' : undefined);
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
        <a href={hrefFor({ page: 'cases' })} aria-current={current('cases')} data-testid="nav-basket">
          {t('nav.basket')}
        </a>
        <a href={hrefFor({ page: 'dashboard' })} aria-current={current('dashboard')} data-testid="nav-dashboard">
          {t('nav.dashboard')}
        </a>
        {canSeeCpeQueue(me) && (
          <a href={hrefFor({ page: 'rcmp' })} aria-current={current('rcmp')} data-testid="nav-rcmp">
            {t('nav.rcmp')}
          </a>
        )}
        {canRegisterCases(me) && (
          <a href={hrefFor({ page: 'register' })} aria-current={current('register')} data-testid="nav-register">
            {t('nav.register')}
          </a>
        )}
        {canRegisterCases(me) && (
          <a href={hrefFor({ page: 'imports' })} aria-current={current('imports')} data-testid="nav-imports">
            {t('nav.imports')}
          </a>
        )}
        {canSeeCaseTypes(me) && (
          <a
            href={hrefFor({ page: 'caseTypes' })}
            aria-current={current('caseTypes', 'caseType')}
            data-testid="nav-case-types"
          >
            {t('nav.caseTypes')}
          </a>
        )}
        {canManageUsers(me) && (
          <a href={hrefFor({ page: 'users' })} aria-current={current('users')} data-testid="nav-users">
            {t('nav.users')}
          </a>
        )}
        {canReassignCases(me) && (
          <a href={hrefFor({ page: 'assignment' })} aria-current={current('assignment')} data-testid="nav-assignment">
            {t('nav.assignment')}
          </a>
        )}
        {canSeeAssignmentRules(me) && (
          <a
            href={hrefFor({ page: 'assignmentRules' })}
            aria-current={current('assignmentRules')}
            data-testid="nav-assignment-rules"
          >
            {t('nav.assignmentRules')}
          </a>
        )}
        {canSeeNotificationRouting(me) && (
          <a href={hrefFor({ page: 'routing' })} aria-current={current('routing')} data-testid="nav-routing">
            {t('nav.routing')}
          </a>
        )}
        {canSeeNotificationRouting(me) && (
          <a href={hrefFor({ page: 'templates' })} aria-current={current('templates')} data-testid="nav-templates">
            {t('nav.templates')}
          </a>
        )}
        {canReadAuditTrail(me) && (
          <a href={hrefFor({ page: 'audit' })} aria-current={current('audit')} data-testid="nav-audit">
            {t('nav.audit')}
          </a>
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
