import { COL, firestore } from '../../src/data/db';
import type { RoRequest } from '../../src/domain/model/case';
import { DEFAULT_PREFERENCES } from '../../src/domain/notifications/preferences';
import { notifyFromAudit } from '../../src/services/notifications/fromAudit';
import { forgetRouting } from '../../src/services/notifications/routingConfig';
import { asUser, seedOrganisation } from '../support/fixtures';
import { caseAudit, inboxFor, NOTIFY_NOW, putNotifyCase } from '../support/notifyCases';
import { handlerOf } from '../support/operationCall';

const getNotificationPrefsHandler = handlerOf('getNotificationPrefs');
const saveNotificationPrefsHandler = handlerOf('saveNotificationPrefs');
const getNotificationRoutingHandler = handlerOf('getNotificationRouting');
const saveNotificationRoutingHandler = handlerOf('saveNotificationRouting');

/**
 * Who receives what is configuration: an administrator's routing replaces the defaults of the
 * kinds it names; approvals and RO requests reach their deciders and then their makers; preference changes
 * are audited.
 */
const NOW = NOTIFY_NOW;

const request = (state: RoRequest['state']): RoRequest => ({
  id: 'R1',
  kind: 'validity_extension',
  reason: 'Customer abroad',
  days: 14,
  state,
  requestedBy: 'demo-ro1',
  requestedAt: NOW,
  decidedBy: state === 'pending' ? null : 'demo-officer',
  decidedAt: state === 'pending' ? null : NOW,
  note: null,
});

beforeAll(async () => {
  await seedOrganisation();
});

beforeEach(() => forgetRouting());

describe('approvals reach their deciders, then their makers', () => {
  it('an RO request asks the recovery officers and supervisors; its decision tells the RO who asked', async () => {
    await putNotifyCase('AP-1');
    await notifyFromAudit('ap1-open', caseAudit('AP-1', { roRequests: [] }, { roRequests: [request('pending')] }), NOW);
    const asked = await inboxFor('ap1-open');
    expect(asked.map((i) => i.uid).sort()).toEqual(['demo-officer', 'demo-supervisor']);
    expect(asked[0]!.body).toContain('validity extension request (14 days)');

    await notifyFromAudit(
      'ap1-decided',
      caseAudit('AP-1', { roRequests: [request('pending')] }, { roRequests: [request('approved')] }),
      NOW,
    );
    const told = await inboxFor('ap1-decided');
    expect(told.map((i) => i.uid)).toEqual(['demo-ro1']);
    expect(told[0]!.kind).toBe('approval_decided');
    expect(told[0]!.body).toContain('approved');
  });

  it('an entry rewritten without a change of state notifies nobody', async () => {
    await putNotifyCase('AP-2');
    const moved = { ...request('pending'), reason: 'Customer abroad (updated)' };
    const out = await notifyFromAudit(
      'ap2',
      caseAudit('AP-2', { roRequests: [request('pending')] }, { roRequests: [moved] }),
      NOW,
    );
    expect(out.events).toEqual([]);
  });
});

describe('routing is configuration', () => {
  it('only an administrator changes it; a stale version and a bad rule are refused, changing nothing', async () => {
    await expect(
      saveNotificationRoutingHandler(asUser('supervisor', { expectedVersion: 0, overrides: {} })),
    ).rejects.toMatchObject({ code: 'permission-denied' });
    await expect(getNotificationRoutingHandler(asUser('ro1', {}))).rejects.toMatchObject({
      code: 'permission-denied',
    });
    await expect(
      saveNotificationRoutingHandler(
        asUser('admin', {
          expectedVersion: 0,
          overrides: { status_changed: [{ audience: 'customer', channels: ['email'] }] },
        }),
      ),
    ).rejects.toMatchObject({
      details: { fields: { 'status_changed.0.channels': expect.stringMatching(/SMS only/) } },
    });
    await expect(
      saveNotificationRoutingHandler(
        asUser('admin', { expectedVersion: 0, overrides: { status_changed: [{ audience: 'nobody', channels: [] }] } }),
      ),
    ).rejects.toMatchObject({ code: 'invalid-argument' });
    await expect(
      saveNotificationRoutingHandler(asUser('admin', { expectedVersion: 3, overrides: {} })),
    ).rejects.toMatchObject({ code: 'failed-precondition' });
    expect((await getNotificationRoutingHandler(asUser('officer', {}))).version).toBe(0);
  });

  it('a customer rule on a kind with no customer message is refused on its row, changing nothing', async () => {
    await expect(
      saveNotificationRoutingHandler(
        asUser('admin', {
          expectedVersion: 0,
          overrides: { promise_broken: [{ audience: 'customer', channels: ['sms'] }] },
        }),
      ),
    ).rejects.toMatchObject({
      code: 'invalid-argument',
      details: { fields: { 'promise_broken.0.channels': expect.stringMatching(/no customer message/) } },
    });
    expect((await getNotificationRoutingHandler(asUser('admin', {}))).version).toBe(0);
  });

  it('a saved rule replaces the default of its kind: status changes then reach the supervisors too', async () => {
    await putNotifyCase('RT-1');
    await notifyFromAudit('rt1-before', caseAudit('RT-1', { status: 'RO_ASSIGNED' }, { status: 'NEGOTIATION' }), NOW);
    expect((await inboxFor('rt1-before')).map((i) => i.uid).sort()).toEqual(['demo-drc1', 'demo-ro1']);

    const saved = await saveNotificationRoutingHandler(
      asUser('admin', {
        expectedVersion: 0,
        overrides: {
          status_changed: [
            { audience: 'case_ro', channels: ['inapp'] },
            { audience: 'supervisor', channels: ['inapp'] },
          ],
        },
      }),
    );
    expect(saved).toMatchObject({ version: 1, configured: ['status_changed'] });
    expect(saved.routing.case_assigned.length).toBeGreaterThan(0);
    await notifyFromAudit('rt1-after', caseAudit('RT-1', { status: 'NEGOTIATION' }, { status: 'SETTLEMENT' }), NOW);
    expect((await inboxFor('rt1-after')).map((i) => i.uid).sort()).toEqual(['demo-ro1', 'demo-supervisor']);

    const trail = await firestore().collection(COL.audit).where('entity', '==', 'settings/notifyRouting').get();
    expect(trail.docs.map((d) => d.get('action'))).toEqual(['notifyRouting/save']);
  });
});

describe('preferences', () => {
  it('offers each role the kinds that can reach it, and audits every save', async () => {
    const ro = await getNotificationPrefsHandler(asUser('ro2', {}));
    expect(Object.keys(ro.defaults)).toEqual(expect.arrayContaining(['case_assigned', 'promise_due', 'follow_up_due']));
    expect(ro.defaults).not.toHaveProperty('approval_needed');
    const rcmp = await getNotificationPrefsHandler(asUser('rcmp', {}));
    expect(rcmp.defaults.approval_needed).toEqual(['inapp', 'email']);
    expect(rcmp.defaults).not.toHaveProperty('promise_due');

    await saveNotificationPrefsHandler(asUser('ro2', { ...DEFAULT_PREFERENCES, phone: '+94771234567' }));
    await saveNotificationPrefsHandler(asUser('ro2', { ...DEFAULT_PREFERENCES, phone: '+94779999999' }));
    const trail = await firestore().collection(COL.audit).where('entity', '==', 'notificationPrefs/demo-ro2').get();
    const events = trail.docs.map((d) => d.data()).sort((a, b) => a.seq - b.seq);
    expect(events.map((e) => e.action)).toEqual(['notificationPrefs/save', 'notificationPrefs/save']);
    expect(events[1]).toMatchObject({ before: { phone: '+94771234567' }, after: { phone: '+94779999999' } });
  });
});
