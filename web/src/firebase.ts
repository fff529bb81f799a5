import { initializeApp } from 'firebase/app';
import { connectAuthEmulator, getAuth } from 'firebase/auth';
import { connectFunctionsEmulator, getFunctions } from 'firebase/functions';
import { config } from './config';

/** The functions run in this region (functions/src/config.ts REGION). */
export const FUNCTIONS_REGION = 'asia-south1';

export const app = initializeApp(config.options);

// App Check only where a site key is configured (docs/deploy.md); loaded on demand so other sites do not carry it.
if (config.appCheckSiteKey) {
  const { initializeAppCheck, ReCaptchaEnterpriseProvider } = await import('firebase/app-check');
  initializeAppCheck(app, {
    provider: new ReCaptchaEnterpriseProvider(config.appCheckSiteKey),
    isTokenAutoRefreshEnabled: true,
  });
}

export const auth = getAuth(app);
export const functions = getFunctions(app, FUNCTIONS_REGION);

if (config.emulators) {
  connectAuthEmulator(auth, config.emulators.authUrl, { disableWarnings: true });
  connectFunctionsEmulator(functions, config.emulators.functions.host, config.emulators.functions.port);
}
