import { COL, firestore } from '../../src/data/db';
import { TEMPLATES } from '../../src/domain/notifications/templates';
import { notifyFromAudit } from '../../src/services/notifications/fromAudit';
import { forgetRouting } from '../../src/services/notifications/routingConfig';
import { forgetTemplates, templatesRef } from '../../src/services/notifications/templateConfig';
import { asUser, seedOrganisation } from '../support/fixtures';
import { caseAudit, inboxFor, NOTIFY_NOW, putNotifyCase } from '../support/notifyCases';
import { handlerOf } from '../support/operationCall';

const saveNotificationRoutingHandler = handlerOf('saveNotificationRouting');
const getNotificationTemplatesHandler = handlerOf('getNotificationTemplates');
const saveNotificationTemplatesHandler = handlerOf('saveNotificationTemplates');

/**
 * What notifications say is configuration (docs/decisions/0021): an administrator's
 * edit replaces one text in one language; the next message uses it; bad edits and stale forms change nothing.
 */
const NOW = NOTIFY_NOW;

beforeAll(async () => {
  await seedOrganisation();
});

beforeEach(() => {
  forgetTemplates();
  forgetRouting();
});

/** The tests run in order on one database: each save starts from the version in force. */
const currentVersion = async () => (await getNotificationTemplatesHandler(asUser('admin', {}))).version;

describe('notification templates', () => {
  it('shows the shipped texts, the variables each kind can use and what is not translated', async () => {
    const view = await getNotificationTemplatesHandler(asUser('auditor', {}));
    expect(view.version).toBe(0);
    expect(view.templates.en.case_assigned).toEqual(TEMPLATES.en.case_assigned);
    expect(view.variables.case_assigned).toEqual(expect.arrayContaining(['account', 'to', 'name']));
    expect(view.customerKinds).toContain('promise_broken');
    expect(view.overrides).toEqual({});
    await expect(getNotificationTemplatesHandler(asUser('ro1', {}))).rejects.toMatchObject({
      code: 'permission-denied',
    });
  });

  it('only an administrator saves; unknown variables, bad shapes and stale versions change nothing', async () => {
    const edit = { en: { case_assigned: { subject: 'New case {account}', body: 'Case {account} is yours, {name}.' } } };
    await expect(
      saveNotificationTemplatesHandler(asUser('supervisor', { expectedVersion: 0, overrides: edit })),
    ).rejects.toMatchObject({ code: 'permission-denied' });
    await expect(
      saveNotificationTemplatesHandler(
        asUser('admin', {
          expectedVersion: 0,
          overrides: { en: { case_assigned: { subject: 'Case {acount}', body: 'x' } } },
        }),
      ),
    ).rejects.toMatchObject({
      code: 'invalid-argument',
      details: { fields: { 'en.case_assigned.subject': expect.stringMatching(/\{acount\}/) } },
    });
    await expect(
      saveNotificationTemplatesHandler(asUser('admin', { expectedVersion: 0, overrides: { fr: {} } })),
    ).rejects.toMatchObject({ code: 'invalid-argument' });
    await expect(
      saveNotificationTemplatesHandler(asUser('admin', { expectedVersion: 2, overrides: edit })),
    ).rejects.toMatchObject({ code: 'failed-precondition' });
    expect((await templatesRef().get()).exists).toBe(false);
  });

  it('an edited text is what the next message says, in that language only; the save is audited', async () => {
    const c = await putNotifyCase('TPL-1');
    const saved = await saveNotificationTemplatesHandler(
      asUser('admin', {
        expectedVersion: 0,
        overrides: {
          en: {
            status_changed: {
              subject: 'Status of {account}: {status}',
              body: '{name}, case {account} is now {status}.',
            },
            // The same as shipped: not kept as an edit.
            case_assigned: TEMPLATES.en.case_assigned!,
          },
        },
      }),
    );
    expect(saved.version).toBe(1);
    expect(Object.keys(saved.overrides.en ?? {})).toEqual(['status_changed']);
    await notifyFromAudit('tpl1', caseAudit('TPL-1', { status: 'RO_ASSIGNED' }, { status: 'NEGOTIATION' }), NOW);
    const items = await inboxFor('tpl1');
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(item.title).toBe(`Status of ${c.accountNumber}: NEGOTIATION`);
      expect(item.body).toMatch(new RegExp(`^.+, case ${c.accountNumber} is now NEGOTIATION\\.$`));
    }
    const trail = await firestore().collection(COL.audit).where('entity', '==', 'settings/notifyTemplates').get();
    expect(trail.docs.map((d) => d.get('action'))).toEqual(['notifyTemplates/save']);
    expect(trail.docs[0]!.get('summary')).toMatch(/v1: en:status_changed/);

    // A save without the edit returns the text to the shipped one.
    await saveNotificationTemplatesHandler(asUser('admin', { expectedVersion: 1, overrides: {} }));
    forgetTemplates();
    await notifyFromAudit('tpl1b', caseAudit('TPL-1', { status: 'NEGOTIATION' }, { status: 'SETTLEMENT' }), NOW);
    expect((await inboxFor('tpl1b'))[0]!.body).toMatch(/moved from NEGOTIATION to SETTLEMENT/);
  });

  it('a translation emptied is listed as missing and goes out in English; restoring it clears the list', async () => {
    const emptied = await saveNotificationTemplatesHandler(
      asUser('admin', {
        expectedVersion: await currentVersion(),
        overrides: { si: { case_assigned: { subject: '', body: '' } } },
      }),
    );
    expect(emptied.missing).toContainEqual({ language: 'si', key: 'case_assigned' });
    expect(emptied.templates.si).not.toHaveProperty('case_assigned');
    const restored = await saveNotificationTemplatesHandler(
      asUser('admin', { expectedVersion: emptied.version, overrides: {} }),
    );
    expect(restored.missing).toEqual([]);
  });

  it('a customer text written here lets the routing reach customers on that kind', async () => {
    const customerRule = { promise_broken: [{ audience: 'customer', channels: ['sms'] }] };
    await expect(
      saveNotificationRoutingHandler(asUser('admin', { expectedVersion: 0, overrides: customerRule })),
    ).rejects.toMatchObject({ code: 'invalid-argument' });
    await saveNotificationTemplatesHandler(
      asUser('admin', {
        expectedVersion: await currentVersion(),
        overrides: {
          en: {
            'promise_broken.customer': {
              subject: '',
              body: 'Dear {name}, your payment due {due} on {account} is late.',
            },
          },
        },
      }),
    );
    const routing = await saveNotificationRoutingHandler(
      asUser('admin', { expectedVersion: 0, overrides: customerRule }),
    );
    expect(routing.templates.en['promise_broken.customer']?.body).toMatch(/is late/);
  });
});
