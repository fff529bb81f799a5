/**
 * Every function shares one bundle, so whatever the bundle loads at the top is paid by every cold start
 * (in production, and by each worker the Functions emulator spawns). These SDKs cost ~0.9 s together and
 * only a few functions use them: they are loaded where they are used. A top-level import of one of them
 * would throw here.
 */
// jest.mock calls are hoisted above everything else, so each factory says it all inline.
jest.mock('exceljs', () => {
  throw new Error('exceljs was loaded with the functions bundle; import it where it is used');
});
jest.mock('@google-cloud/pubsub', () => {
  throw new Error('@google-cloud/pubsub was loaded with the functions bundle; import it where it is used');
});
jest.mock('twilio', () => {
  throw new Error('twilio was loaded with the functions bundle; import it where it is used');
});
jest.mock('nodemailer', () => {
  throw new Error('nodemailer was loaded with the functions bundle; import it where it is used');
});

describe('cold start', () => {
  it('loads every function without the workbook, Pub/Sub, SMS or SMTP libraries', async () => {
    const functions = await import('../../src/index');
    expect(Object.keys(functions)).toEqual(expect.arrayContaining(['exportCases', 'monitorSchedule', 'twilioStatus']));
  });

  it('would notice an eager import', () => {
    expect(() => jest.requireMock('exceljs')).toThrow(/loaded with the functions bundle/);
  });
});
