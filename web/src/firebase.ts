import { initializeApp } from 'firebase/app';
import { connectAuthEmulator, getAuth } from 'firebase/auth';
import { connectFunctionsEmulator, getFunctions } from 'firebase/functions';
import { config } from './config';

/** The functions run in this region (functions/src/config.ts REGION). */
export const FUNCTIONS_REGION = 'asia-south1';

export const app = initializeApp({
  apiKey: 'demo-key',
  projectId: config.projectId,
  authDomain: `${config.projectId}.firebaseapp.com`,
});

export const auth = getAuth(app);
export const functions = getFunctions(app, FUNCTIONS_REGION);

if (config.useEmulators) {
  connectAuthEmulator(auth, config.authEmulatorUrl, { disableWarnings: true });
  connectFunctionsEmulator(functions, config.functionsEmulator.host, config.functionsEmulator.port);
}
