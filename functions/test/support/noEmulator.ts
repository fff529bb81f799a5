// Unit tests run without emulators (docs/decisions/0031-test-projects.md). When jest runs both projects at once,
// the integration project's global setup has put the emulators' addresses in the environment every worker
// inherits; unset here, a unit test that reaches for Firestore or Auth fails in every run, not only when alone.
delete process.env.FIRESTORE_EMULATOR_HOST;
delete process.env.FIREBASE_AUTH_EMULATOR_HOST;
delete process.env.DEBTX_FIRESTORE_KIND;
