import { opCount, resetOpCount } from '../../src/data/ops';
import { emitEvent } from '../../src/services/notifications/emit';
import { currentRouting } from '../../src/services/notifications/routingConfig';
import { currentTemplates } from '../../src/services/notifications/templateConfig';
import { col } from '../../src/services/notifications/store';
import { seedOrganisation } from '../support/fixtures';

/**
 * An event's marker (`notifyEvents/{eventId}`) is its idempotency key: created first in the batch that writes
 * what the event causes, never read before. A second delivery of the event fails on that create and writes nothing.
 */
const NOW = '2026-11-23T05:00:00.000Z';
const event = (id: string) => ({
  id,
  kind: 'import_finished' as const,
  at: NOW,
  caseFacts: null,
  users: ['demo-officer'],
  vars: { importId: 'imp-1', registered: '3', rejected: '0' },
});

beforeAll(async () => {
  await seedOrganisation();
  // Settings are read once per instance and cached: warm them so the counts below are the event's own.
  await Promise.all([currentRouting(), currentTemplates()]);
});

it('an event reads the people it reaches and their preferences, not its marker', async () => {
  resetOpCount();
  const first = await emitEvent(event('evt-marker-1'), NOW);
  expect(first.outcome).toBe('emitted');
  // The named user and their preferences: 2 reads; the marker is created, not read.
  expect(opCount.reads).toBe(2);
  expect(opCount.writes).toBe(1 + first.inbox + first.deliveries.length);
  expect((await col('events').doc('evt-marker-1').get()).exists).toBe(true);
});

it('the same event twice does the work once: the second fails on the marker and writes nothing', async () => {
  const first = await emitEvent(event('evt-marker-2'), NOW);
  expect(first.outcome).toBe('emitted');
  const inboxBefore = (await col('inbox').where('eventId', '==', 'evt-marker-2').get()).size;
  const outboxBefore = (await col('outbox').where('eventId', '==', 'evt-marker-2').get()).size;
  resetOpCount();
  const second = await emitEvent(event('evt-marker-2'), NOW);
  expect(second).toEqual({ eventId: 'evt-marker-2', outcome: 'duplicate', inbox: 0, deliveries: [] });
  expect(opCount.writes).toBe(0);
  expect((await col('inbox').where('eventId', '==', 'evt-marker-2').get()).size).toBe(inboxBefore);
  expect((await col('outbox').where('eventId', '==', 'evt-marker-2').get()).size).toBe(outboxBefore);
  expect(inboxBefore + outboxBefore).toBeGreaterThan(0);
});
