import { randomUUID } from 'node:crypto';
import { COL, firestore } from '../../src/data/db';
import { assignCaseToDrc } from '../../src/services/assignDrc';
import { processRequest } from '../../src/services/processRequest';
import { demoSource } from '../../src/sources/demoSource';
import { seedOrganisation } from '../support/fixtures';

/**
 * Concurrent placements must never push a DRC past its capacity. That relies on Firestore's
 * transaction isolation, which only the official emulator (and production) provide: on the offline
 * emulator this test is reported as not run, by name.
 */
const official = process.env.DEBTX_FIRESTORE_KIND === 'official';
const fullOnly = official ? it : it.skip;

describe('transaction isolation (full stack)', () => {
  fullOnly('cases placed at the same moment never push a DRC past its capacity', async () => {
    await seedOrganisation();
    const db = firestore();
    await db.collection(COL.drcs).doc('drc1').update({ capacity: 3, regions: [] });
    await db.collection(COL.drcs).doc('drc2').update({ active: false });
    await db.collection(COL.drcs).doc('drc3').update({ active: false });
    const caseIds: string[] = [];
    for (let i = 0; i < 8; i++) {
      const id = randomUUID();
      const doc = {
        type: 'registerCase',
        payload: { accountNumber: `00${String(10_000_000 + i)}`, requiredAction: 'arrears' },
        clientRequestId: id,
        createdBy: 'demo-officer',
        state: 'PENDING',
      };
      await db.collection(COL.requests).doc(id).set(doc);
      await processRequest(id, doc, { source: demoSource, now: () => new Date().toISOString() }, id);
      caseIds.push((await db.collection(COL.requests).doc(id).get()).get('caseId'));
    }
    await Promise.all(caseIds.map((id) => assignCaseToDrc(id, new Date().toISOString(), `evt-${id}`)));
    const drc = await db.collection(COL.drcs).doc('drc1').get();
    expect(drc.get('openCases')).toBe(3);
    const placed = await db.collection(COL.cases).where('drcId', '==', 'drc1').get();
    expect(placed.size).toBe(3);
  });
});
