import { randomBytes } from 'node:crypto';

// Each test file gets its own project id, so files running side by side on one emulator never see each other's data.
process.env.GCLOUD_PROJECT = `demo-t${randomBytes(4).toString('hex')}`;
process.env.GOOGLE_CLOUD_PROJECT = process.env.GCLOUD_PROJECT;
