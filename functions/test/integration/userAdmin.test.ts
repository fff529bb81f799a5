import { getAuth } from 'firebase-admin/auth';
import { COL, firestore } from '../../src/data/db';
import { verifyChain, type AuditEvent } from '../../src/domain/audit/chain';
import { asUser, seedOrganisation } from '../support/fixtures';
import { handlerOf } from '../support/operationCall';

const inviteUserHandler = handlerOf('inviteUser');
const listUsersHandler = handlerOf('listUsers');
const updateUserHandler = handlerOf('updateUser');
const setRoProfileHandler = handlerOf('setRoProfile');

/** User administration against the real Auth emulator: claims set only by admins, mirrored, audited. */
beforeAll(seedOrganisation);

describe('user administration', () => {
  let uid = '';

  it('an admin invites an RO into a DRC: account, claims, profile and audit event', async () => {
    const out = await inviteUserHandler(
      asUser('admin', {
        email: `new.ro.${Date.now()}@demo.debtx`,
        displayName: 'Nadeesha Perera',
        role: 'ro',
        drcId: 'drc2',
      }),
    );
    uid = out.uid;
    expect(JSON.stringify(out)).not.toMatch(/oobCode|https?:/);
    const user = await getAuth().getUser(uid);
    expect(user.customClaims).toEqual({ role: 'ro', drcId: 'drc2' });
    const profile = await firestore().collection(COL.users).doc(uid).get();
    expect(profile.get('role')).toBe('ro');
    const events = await firestore().collection(COL.audit).where('entity', '==', `users/${uid}`).get();
    expect(events.docs.map((d) => d.get('action'))).toEqual(['inviteUser']);
  });

  it('invitation by email: the set-password link goes to the invited person through the outbox, not to the inviter', async () => {
    const email = `invited.${Date.now()}@demo.debtx`;
    const out = await inviteUserHandler(
      asUser('drc2', { email, displayName: 'Kasun Silva', role: 'ro', drcId: 'drc2', language: 'si' }),
    );
    expect(out).toEqual({ uid: expect.any(String), invitationSent: true, emailedTo: email });
    const outbox = (await firestore().collection('notifications').where('channel', '==', 'email').get()).docs
      .map((d) => d.data())
      .filter((d) => JSON.stringify(d).includes(email));
    expect(outbox).toHaveLength(1);
    const message = outbox[0]!;
    expect(message).toMatchObject({
      channel: 'email',
      kind: 'user_invited',
      state: 'PENDING',
      language: 'si',
      recipient: { kind: 'user', uid: out.uid, address: email },
    });
    expect(message.body).toMatch(/oobCode=/);
    expect(message.body).toContain('Kasun Silva');
    // Nothing else carries the link: not the inviter's answer, not the audit trail.
    const events = await firestore().collection(COL.audit).where('entity', '==', `users/${out.uid}`).get();
    expect(JSON.stringify(events.docs.map((d) => d.data()))).not.toMatch(/oobCode/);
  });

  it('refuses inconsistent or forbidden invitations, creating nothing', async () => {
    const before = (await getAuth().listUsers()).users.length;
    await expect(
      inviteUserHandler(asUser('admin', { email: 'x@demo.debtx', displayName: 'X Y', role: 'ro' })),
    ).rejects.toMatchObject({
      code: 'invalid-argument',
      details: { fields: { drcId: 'is required for this role' } },
    });
    await expect(
      inviteUserHandler(asUser('admin', { email: 'y@demo.debtx', displayName: 'Y Z', role: 'ro', drcId: 'drc9' })),
    ).rejects.toMatchObject({ details: { fields: { drcId: 'is not a DRC' } } });
    await expect(
      inviteUserHandler(asUser('drc1', { email: 'z@demo.debtx', displayName: 'Z Z', role: 'ro', drcId: 'drc2' })),
    ).rejects.toMatchObject({ code: 'permission-denied' });
    await expect(
      inviteUserHandler(asUser('ro1', { email: 'w@demo.debtx', displayName: 'W W', role: 'admin' })),
    ).rejects.toMatchObject({ code: 'permission-denied' });
    await expect(
      inviteUserHandler(asUser('admin', { email: 'not-an-email', displayName: 'Q', role: 'auditor' })),
    ).rejects.toMatchObject({
      code: 'invalid-argument',
    });
    expect((await getAuth().listUsers()).users.length).toBe(before);
  });

  it('moves the RO to another DRC, then disables them, each change audited in one chain', async () => {
    await updateUserHandler(asUser('admin', { uid, drcId: 'drc3' }));
    expect((await getAuth().getUser(uid)).customClaims).toEqual({ role: 'ro', drcId: 'drc3' });
    // Another DRC's user answers as one that does not exist (no directory probing).
    const foreign = await updateUserHandler(asUser('drc2', { uid, disabled: true })).catch((e: Error) => e);
    const missing = await updateUserHandler(asUser('drc2', { uid: 'no-such-user', disabled: true })).catch(
      (e: Error) => e,
    );
    expect(foreign).toMatchObject({ code: 'not-found' });
    expect((foreign as Error).message.replace(uid, '<id>')).toBe(
      (missing as Error).message.replace('no-such-user', '<id>'),
    );
    await updateUserHandler(asUser('drc3', { uid, disabled: true }));
    expect((await getAuth().getUser(uid)).disabled).toBe(true);
    const events = (
      await firestore().collection(COL.audit).where('entity', '==', `users/${uid}`).orderBy('seq').get()
    ).docs.map((d) => d.data() as AuditEvent);
    expect(events.map((e) => e.after)).toEqual([
      expect.objectContaining({ role: 'ro', drcId: 'drc2' }),
      // Each change that ends the user's sessions records when (callerActor refuses tokens signed in before).
      { drcId: 'drc3', sessionsRevokedAt: expect.any(String) },
      { active: false, sessionsRevokedAt: expect.any(String) },
    ]);
    expect(verifyChain(events)).toEqual({ ok: true, length: 3 });
  });

  it('changing a user keeps what other screens keep on their profile (an RO’s areas and capacity)', async () => {
    await setRoProfileHandler(asUser('drc3', { uid, areas: ['Kandy', 'Matale'], capacity: 40 }));
    await updateUserHandler(asUser('admin', { uid, displayName: 'Nadeesha Perera-Silva' }));
    const profile = (await firestore().collection(COL.users).doc(uid).get()).data();
    expect(profile).toMatchObject({ displayName: 'Nadeesha Perera-Silva', areas: ['Kandy', 'Matale'], roCapacity: 40 });
    // The rename's audit event says what changed, and only that: nothing else was dropped from the profile.
    const events = (
      await firestore().collection(COL.audit).where('entity', '==', `users/${uid}`).orderBy('seq').get()
    ).docs.map((d) => d.data() as AuditEvent);
    expect(events.at(-1)).toMatchObject({ action: 'updateUser', after: { displayName: 'Nadeesha Perera-Silva' } });
    expect(Object.keys(events.at(-1)!.after ?? {})).toEqual(['displayName']);
  });

  it('nobody changes their own role; a DRC admin lists only their DRC', async () => {
    await expect(updateUserHandler(asUser('admin', { uid: 'demo-admin', role: 'auditor' }))).rejects.toMatchObject({
      code: 'failed-precondition',
    });
    const mine = await listUsersHandler(asUser('drc1', {}));
    expect(mine.users.every((u) => u.drcId === 'drc1')).toBe(true);
    await expect(listUsersHandler(asUser('ro1', {}))).rejects.toMatchObject({ code: 'permission-denied' });
  });
});
