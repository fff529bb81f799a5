/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_DEBTX_STACK?: string;
  readonly VITE_PROJECT_ID?: string;
  readonly VITE_AUTH_EMULATOR?: string;
  readonly VITE_FUNCTIONS_EMULATOR_HOST?: string;
  readonly VITE_FUNCTIONS_EMULATOR_PORT?: string;
  readonly VITE_FIRESTORE_EMULATOR_HOST?: string;
  readonly VITE_FIRESTORE_EMULATOR_PORT?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
