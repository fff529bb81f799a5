import { QueryClientProvider } from '@tanstack/react-query';
import { signOut } from 'firebase/auth';
import { SignInPage } from '../auth/SignInPage';
import { AssignmentPage } from '../assignment/AssignmentPage';
import { NotificationRoutingPage } from '../notifyAdmin/NotificationRoutingPage';
import { TemplatesPage } from '../notifyAdmin/TemplatesPage';
import { InboxPage } from '../inbox/InboxPage';
import { AssignmentRulesPage } from '../assignmentRules/AssignmentRulesPage';
import { InboxProvider } from '../inbox/InboxProvider';
import { PreferencesPage } from '../inbox/PreferencesPage';
import { AuditPage } from '../audit/AuditPage';
import { CasePage } from '../case/CasePage';
import { CaseTypesPage } from '../caseTypes/CaseTypesPage';
import { CasesPage } from '../cases/CasesPage';
import { DashboardPage } from '../dashboard/DashboardPage';
import { ImportsPage } from '../imports/ImportsPage';
import { DataSourceContext } from '../data/DataSourceContext';
import { queryClient } from '../data/queries';
import { config } from '../config';
import { auth } from '../firebase';
import { useLanguage, useLanguageOf } from '../i18n/locale';
import { t } from '../i18n/t';
import { RegisterCasePage } from '../register/RegisterCasePage';
import { UsersPage } from '../users/UsersPage';
import { OfflineQueuePanel } from '../offline/OfflineQueuePanel';
import { RcmpPage } from '../rcmp/RcmpPage';
import { Header } from './Header';
import {
  canManageUsers,
  canReadAuditTrail,
  canReassignCases,
  canSeeNotificationRouting,
  canRegisterCases,
  canSaveCaseTypes,
  canSeeCaseTypes,
  canSeeCpeQueue,
  canSeeAssignmentRules,
} from './roles';
import { hrefFor, useRoute } from './route';
import { useSession } from './useSession';

export function App() {
  const session = useSession();
  const route = useRoute();
  // Every screen calls t() as it renders: re-rendering from the root on a language change updates them all,
  // without remounting, so nothing typed is lost.
  useLanguage();
  useLanguageOf(session.state === 'signedIn' ? session.me.uid : null);

  switch (session.state) {
    case 'loading':
      return (
        <p className="loading" role="status">
          {t('app.loading')}
        </p>
      );
    case 'signedOut':
      return <SignInPage />;
    case 'refused':
      return (
        <main className="sign-in" id="main">
          <div className="card" role="alert" data-testid="session-error">
            <h1>{t('app.noRole')}</h1>
            <p>{session.error.message}</p>
            <button type="button" data-testid="sign-out" onClick={() => void signOut(auth)}>
              {t('header.signOut')}
            </button>
          </div>
        </main>
      );
    case 'signedIn': {
      const { me, ds } = session;
      return (
        <QueryClientProvider client={queryClient}>
          <DataSourceContext.Provider value={ds}>
            <InboxProvider>
              <Header me={me} stack={config.emulators ? ds.stack : null} route={route} />
              <main id="main">
                <OfflineQueuePanel />
                {route.page === 'case' ? (
                  <CasePage key={route.caseId} caseId={route.caseId} me={me} />
                ) : route.page === 'register' && canRegisterCases(me) ? (
                  <RegisterCasePage />
                ) : (route.page === 'caseTypes' || route.page === 'caseType') && canSeeCaseTypes(me) ? (
                  <CaseTypesPage
                    selected={route.page === 'caseType' ? { id: route.caseTypeId, version: route.version } : null}
                    canSave={canSaveCaseTypes(me)}
                  />
                ) : route.page === 'users' && canManageUsers(me) ? (
                  <UsersPage me={me} />
                ) : route.page === 'audit' && canReadAuditTrail(me) ? (
                  <AuditPage />
                ) : route.page === 'dashboard' ? (
                  <DashboardPage />
                ) : route.page === 'imports' && canRegisterCases(me) ? (
                  <ImportsPage />
                ) : route.page === 'assignment' && canReassignCases(me) ? (
                  <AssignmentPage me={me} />
                ) : route.page === 'routing' && canSeeNotificationRouting(me) ? (
                  <NotificationRoutingPage me={me} />
                ) : route.page === 'templates' && canSeeNotificationRouting(me) ? (
                  <TemplatesPage me={me} />
                ) : route.page === 'inbox' ? (
                  <InboxPage />
                ) : route.page === 'preferences' ? (
                  <PreferencesPage />
                ) : route.page === 'assignmentRules' && canSeeAssignmentRules(me) ? (
                  <AssignmentRulesPage me={me} />
                ) : route.page === 'rcmp' && canSeeCpeQueue(me) ? (
                  <RcmpPage me={me} />
                ) : (
                  <CasesPage
                    key={route.page === 'cases' ? hrefFor(route) : 'cases'}
                    me={me}
                    initial={route.page === 'cases' ? route.filter : undefined}
                  />
                )}
              </main>
            </InboxProvider>
          </DataSourceContext.Provider>
        </QueryClientProvider>
      );
    }
  }
}
