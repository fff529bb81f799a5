import { QueryClientProvider } from '@tanstack/react-query';
import { signOut } from 'firebase/auth';
import { queryClient } from '../data/queries';
import { SignInPage } from '../auth/SignInPage';
import { InboxProvider } from '../inbox/InboxProvider';
import { DataSourceContext } from '../data/DataSourceContext';
import { config } from '../config';
import { auth } from '../firebase';
import { useLanguage, useLanguageOf } from '../i18n/locale';
import { t } from '../i18n/t';
import { DeviceCopyNote } from '../offline/DataAgeNote';
import { OfflineQueuePanel } from '../offline/OfflineQueuePanel';
import { Header } from './Header';
import { renderRoute } from './routes';
import { useRoute } from './route';
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
                <DeviceCopyNote />
                {renderRoute(route, me)}
              </main>
            </InboxProvider>
          </DataSourceContext.Provider>
        </QueryClientProvider>
      );
    }
  }
}
