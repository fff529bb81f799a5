import { resolveTarget } from '../../../scripts/lib/project';

/** Which project `npm run admin:create` writes to, said before anything is written. */
const ports = { firestore: 8080, auth: 9099 };
const rc = { projects: { default: 'demo-debtx' } };

describe('admin command target', () => {
  it('--project wins, then GOOGLE_CLOUD_PROJECT, then the .firebaserc default', () => {
    expect(resolveTarget(['a@b.lk', '--project', 'debtx-prod'], { GOOGLE_CLOUD_PROJECT: 'other' }, rc, ports)).toEqual({
      projectId: 'debtx-prod',
      from: '--project',
      emulators: null,
    });
    expect(resolveTarget([], { GOOGLE_CLOUD_PROJECT: 'debtx-stage' }, rc, ports)).toMatchObject({
      projectId: 'debtx-stage',
      from: 'GOOGLE_CLOUD_PROJECT',
    });
    expect(resolveTarget([], {}, { projects: { default: 'debtx-prod' } }, ports)).toMatchObject({
      projectId: 'debtx-prod',
      emulators: null,
    });
  });

  it('a demo project is the local stack, on the ports of firebase.json', () => {
    expect(resolveTarget([], {}, rc, ports).emulators).toEqual({ firestore: '127.0.0.1:8080', auth: '127.0.0.1:9099' });
  });

  it('no project, or --project without one, is refused with what to do', () => {
    expect(() => resolveTarget([], {}, null, ports)).toThrow(/pass --project <id>, set GOOGLE_CLOUD_PROJECT/);
    expect(() => resolveTarget(['--project'], {}, rc, ports)).toThrow('--project needs a project id');
  });
});
