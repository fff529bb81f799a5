import { getAuth } from 'firebase-admin/auth';
import { bootstrapAdmin, COMMAND_LINE_ACTOR } from '../../src/services/users/bootstrapAdmin';
import { COL, firestore } from '../../src/data/db';
import { verifyChain, type AuditEvent } from '../../src/domain/audit/chain';
import { asUser, seedOrganisation } from '../support/fixtures';
import { handlerOf } from '../support/operationCall';

const inviteUserHandler = handlerOf('inviteUser');

/**
 * `npm run admin:create -- <email>` on a new project: the first admin, with the same claims, profile and audit
 * event as the user-administration callables, against the Auth emulator.
 */
beforeAll(seedOrganisation);

async function eventsOf(uid: string): Promise<AuditEvent[]> {
  const snap = await firestore().collection(COL.audit).where('entity', '==', `users/${uid}`).get();
  return snap.docs.map((d) => d.data() as AuditEvent).sort((a, b) => a.seq - b.seq);
}

describe('first admin from the command line', () => {
  const email = `first.admin.${Date.now()}@example.com`;
  let uid = '';

  it('creates the account as an active admin: claims, profile, one audited invitation, a set-password link', async () => {
    const out = await bootstrapAdmin({ email, displayName: 'Chamari Silva' });
    uid = out.uid;
    expect(out).toMatchObject({ created: true, changed: true });
    expect(out.setPasswordLink).toMatch(/oobCode=/);
    expect((await getAuth().getUser(uid)).customClaims).toEqual({ role: 'admin' });
    const profile = (await firestore().collection(COL.users).doc(uid).get()).data();
    expect(profile).toMatchObject({ email, displayName: 'Chamari Silva', role: 'admin', drcId: null, active: true });
    const events = await eventsOf(uid);
    expect(events.map((e) => [e.action, e.actor.uid])).toEqual([['inviteUser', COMMAND_LINE_ACTOR.uid]]);
    expect(events[0]?.summary).toBe(`inviteUser: ${email} as admin`);
    expect(verifyChain(events).ok).toBe(true);
  });

  it('run again, it changes nothing and writes no event', async () => {
    const out = await bootstrapAdmin({ email });
    expect(out).toMatchObject({ uid, created: false, changed: false });
    expect(await eventsOf(uid)).toHaveLength(1);
  });

  it('promotes an existing RO the way updateUser would: DRC dropped, sessions revoked, audited on the same chain', async () => {
    const roEmail = `ro.to.admin.${Date.now()}@example.com`;
    const invited = await inviteUserHandler(
      asUser('admin', { email: roEmail, displayName: 'Ruwan Jayasuriya', role: 'ro', drcId: 'drc1' }),
    );
    const validBefore = (await getAuth().getUser(invited.uid)).tokensValidAfterTime;
    await new Promise((resolve) => setTimeout(resolve, 1100)); // revocation time has a one-second resolution
    const out = await bootstrapAdmin({ email: roEmail });
    expect(out).toMatchObject({ uid: invited.uid, created: false, changed: true });
    const user = await getAuth().getUser(invited.uid);
    expect(user.customClaims).toEqual({ role: 'admin' });
    expect(user.tokensValidAfterTime).not.toBe(validBefore);
    const profile = (await firestore().collection(COL.users).doc(invited.uid).get()).data();
    expect(profile).toMatchObject({ role: 'admin', drcId: null, active: true, displayName: 'Ruwan Jayasuriya' });
    const events = await eventsOf(invited.uid);
    expect(events.map((e) => e.action)).toEqual(['inviteUser', 'updateUser']);
    expect(events[1]?.before).toMatchObject({ role: 'ro', drcId: 'drc1' });
    expect(events[1]?.after).toMatchObject({ role: 'admin', drcId: null });
    expect(verifyChain(events).ok).toBe(true);
  });

  it('works in a fresh process, where nothing has started the Admin SDK yet (a cold instance, the command line)', async () => {
    await jest.isolateModulesAsync(async () => {
      const fresh = await import('../../src/services/users/bootstrapAdmin');
      const out = await fresh.bootstrapAdmin({ email: `cold.${Date.now()}@example.com` });
      expect(out.created).toBe(true);
    });
  });

  it('refuses a malformed email by name and creates nothing', async () => {
    const before = (await getAuth().listUsers()).users.length;
    await expect(bootstrapAdmin({ email: 'not-an-email' })).rejects.toMatchObject({
      code: 'invalid-argument',
      details: { fields: { email: 'must be an email address' } },
    });
    expect((await getAuth().listUsers()).users.length).toBe(before);
  });
});
