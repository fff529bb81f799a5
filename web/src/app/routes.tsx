import type { ReactNode } from 'react';
import type { Me } from '../../../functions/src/domain/contracts/types';
import { AssignmentPage } from '../assignment/AssignmentPage';
import { AssignmentRulesPage } from '../assignmentRules/AssignmentRulesPage';
import { AuditPage } from '../audit/AuditPage';
import { CasePage } from '../case/CasePage';
import { CasesPage } from '../cases/CasesPage';
import { ContactPolicyPage } from '../compliance/ContactPolicyPage';
import { CaseTypesPage } from '../caseTypes/CaseTypesPage';
import { DashboardPage } from '../dashboard/DashboardPage';
import type { MessageKey } from '../i18n/t';
import { ImportsPage } from '../imports/ImportsPage';
import { InboxPage } from '../inbox/InboxPage';
import { PreferencesPage } from '../inbox/PreferencesPage';
import { NotificationRoutingPage } from '../notifyAdmin/NotificationRoutingPage';
import { TemplatesPage } from '../notifyAdmin/TemplatesPage';
import { RcmpPage } from '../rcmp/RcmpPage';
import { RegisterCasePage } from '../register/RegisterCasePage';
import { UsersPage } from '../users/UsersPage';
import { hrefFor, type BasketRouteFilter, type Route } from './route';
import {
  canManageUsers,
  canReadAuditTrail,
  canReassignCases,
  canRegisterCases,
  canSaveCaseTypes,
  canSeeAssignmentRules,
  canSeeCaseTypes,
  canSeeCpeQueue,
  canSeeNotificationRouting,
  canSeeContactPolicy,
} from './roles';

/** What a screen gets: the user, and the parameters of its address (route.ts parses them). */
export interface ScreenProps {
  me: Me;
  /** The whole address, e.g. to start the basket afresh when its filters change. */
  href: string;
  caseId?: string;
  caseType?: { id: string; version: number };
  filter?: BasketRouteFilter;
}

/**
 * One screen of the app. `path` is its address (`#/<path>`) for screens without parameters; the screens with
 * parameters (a case, a case type version, the basket's filters) are parsed in route.ts and name the screen
 * that shows them in `alsoFor`.
 */
export interface Screen {
  page: string;
  path: string | null;
  alsoFor?: readonly string[];
  /** In the header's navigation, in table order. */
  nav?: { label: MessageKey; testId: string };
  /** Who may open it (app/roles.ts); everyone else sees the job basket. Everyone when left out. */
  may?: (me: Me) => boolean;
  render(props: ScreenProps): ReactNode;
}

/** Every screen of the app, in the order of the header's navigation: a new screen is one entry here. */
export const SCREENS = [
  {
    page: 'cases',
    path: '',
    nav: { label: 'nav.basket', testId: 'nav-basket' },
    render: ({ me, href, filter }) => <CasesPage key={href} me={me} initial={filter} />,
  },
  {
    page: 'dashboard',
    path: 'dashboard',
    nav: { label: 'nav.dashboard', testId: 'nav-dashboard' },
    render: () => <DashboardPage />,
  },
  {
    page: 'rcmp',
    path: 'rcmp',
    nav: { label: 'nav.rcmp', testId: 'nav-rcmp' },
    may: canSeeCpeQueue,
    render: ({ me }) => <RcmpPage me={me} />,
  },
  {
    page: 'register',
    path: 'register',
    nav: { label: 'nav.register', testId: 'nav-register' },
    may: canRegisterCases,
    render: () => <RegisterCasePage />,
  },
  {
    page: 'imports',
    path: 'imports',
    nav: { label: 'nav.imports', testId: 'nav-imports' },
    may: canRegisterCases,
    render: () => <ImportsPage />,
  },
  {
    page: 'caseTypes',
    path: 'case-types',
    alsoFor: ['caseType'],
    nav: { label: 'nav.caseTypes', testId: 'nav-case-types' },
    may: canSeeCaseTypes,
    render: ({ me, caseType }) => <CaseTypesPage selected={caseType ?? null} canSave={canSaveCaseTypes(me)} />,
  },
  {
    page: 'users',
    path: 'users',
    nav: { label: 'nav.users', testId: 'nav-users' },
    may: canManageUsers,
    render: ({ me }) => <UsersPage me={me} />,
  },
  {
    page: 'assignment',
    path: 'assignment',
    nav: { label: 'nav.assignment', testId: 'nav-assignment' },
    may: canReassignCases,
    render: ({ me }) => <AssignmentPage me={me} />,
  },
  {
    page: 'assignmentRules',
    path: 'assignment-rules',
    nav: { label: 'nav.assignmentRules', testId: 'nav-assignment-rules' },
    may: canSeeAssignmentRules,
    render: ({ me }) => <AssignmentRulesPage me={me} />,
  },
  {
    page: 'routing',
    path: 'notification-routing',
    nav: { label: 'nav.routing', testId: 'nav-routing' },
    may: canSeeNotificationRouting,
    render: ({ me }) => <NotificationRoutingPage me={me} />,
  },
  {
    page: 'templates',
    path: 'notification-templates',
    nav: { label: 'nav.templates', testId: 'nav-templates' },
    may: canSeeNotificationRouting,
    render: ({ me }) => <TemplatesPage me={me} />,
  },
  {
    page: 'contactPolicy',
    path: 'contact-policy',
    nav: { label: 'nav.contactPolicy', testId: 'nav-contact-policy' },
    may: canSeeContactPolicy,
    render: ({ me }) => <ContactPolicyPage me={me} />,
  },
  {
    page: 'audit',
    path: 'audit',
    nav: { label: 'nav.audit', testId: 'nav-audit' },
    may: canReadAuditTrail,
    render: () => <AuditPage />,
  },
  { page: 'inbox', path: 'inbox', render: () => <InboxPage /> },
  { page: 'preferences', path: 'notification-preferences', render: () => <PreferencesPage /> },
  {
    page: 'case',
    path: null,
    render: ({ me, caseId = '' }) => <CasePage key={caseId} caseId={caseId} me={me} />,
  },
] as const satisfies readonly Screen[];

/** The pages whose address is their path alone. */
export type PlainPage = Exclude<(typeof SCREENS)[number], { path: null | '' }>['page'];

const BASKET: Screen = SCREENS[0];

/** The screen that shows `route` to `me`: the job basket (unfiltered) for an address they may not open. */
export function renderRoute(route: Route, me: Me): ReactNode {
  const screen = (SCREENS as readonly Screen[]).find((s) => s.page === route.page || s.alsoFor?.includes(route.page));
  if (!screen || (screen.may && !screen.may(me))) return BASKET.render({ me, href: 'cases' });
  return screen.render({
    me,
    href: hrefFor(route),
    ...(route.page === 'case' && { caseId: route.caseId }),
    ...(route.page === 'caseType' && { caseType: { id: route.caseTypeId, version: route.version } }),
    ...(route.page === 'cases' && { filter: route.filter }),
  });
}
