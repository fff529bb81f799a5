/// <reference types="vite/client" />

interface ImportMetaEnv {
  // The local stack's dev server (vite.config.ts fills them in serve mode only).
  readonly VITE_DEBTX_STACK?: string;
  readonly VITE_PROJECT_ID?: string;
  readonly VITE_EMULATOR_API_KEY?: string;
  readonly VITE_AUTH_EMULATOR?: string;
  readonly VITE_FUNCTIONS_EMULATOR_HOST?: string;
  readonly VITE_FUNCTIONS_EMULATOR_PORT?: string;
  readonly VITE_FIRESTORE_EMULATOR_HOST?: string;
  readonly VITE_FIRESTORE_EMULATOR_PORT?: string;
  // A real project, for hosts other than Firebase Hosting (docs/deploy.md).
  readonly VITE_FIREBASE_API_KEY?: string;
  readonly VITE_FIREBASE_AUTH_DOMAIN?: string;
  readonly VITE_FIREBASE_PROJECT_ID?: string;
  readonly VITE_FIREBASE_APP_ID?: string;
  readonly VITE_FIREBASE_STORAGE_BUCKET?: string;
  readonly VITE_FIREBASE_MESSAGING_SENDER_ID?: string;
  readonly VITE_APPCHECK_SITE_KEY?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
