import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { openApiDocument } from '../../src/api/openapi';
import { REST_OPERATIONS as OPERATIONS } from '../../src/operations';
import { BOARD_PHASE_FIELD, BOARD_PHASES } from '../../src/domain/cases/phases';
import { NEGOTIATION_ACTION_CODES } from '../../src/services/negotiationHistory';
import { BOARD_RESPONSES } from '../../src/domain/contracts/field';
import { debtxTelco } from '../../src/domain/lifecycle/configs/debtxTelco';
import { callableFunctions } from '../../src/api/callables';

const mobile = callableFunctions().mobile as Record<string, unknown>;

/** One registry, two surfaces and one document (docs/decisions/0015): none can drift from the others. */
/** The field API list the DRCs' mobile app needs (docs/domain.md, "The field API"). */
const FIELD_API_LIST = [
  'roCpeCollection',
  'listMediationBoardCases',
  'submitMediationBoard',
  'countMediationBoardPhaseCases',
  'caseDetailsForDrc',
  'listActiveCustomerNegotiations',
  'listActiveRoRequests',
  'customerNegotiations',
  'listDrcNegotiationCases',
  'countNegotiationPhaseCases',
  'updateCustomerContacts',
];

type Doc = {
  paths: Record<string, Record<string, Record<string, unknown>>>;
};

const doc = openApiDocument() as unknown as Doc;
const operationsInDoc = Object.entries(doc.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, o]) => ({ path, method, o })),
);

it('has every operation of the field API list, each name once', () => {
  const names = OPERATIONS.map((o) => o.name);
  expect(names).toEqual(expect.arrayContaining(FIELD_API_LIST));
  expect(new Set(names).size).toBe(names.length);
});

it('exports one callable per operation', () => {
  expect(Object.keys(mobile).sort()).toEqual(
    OPERATIONS.filter((o) => o.group === 'mobile')
      .map((o) => o.name)
      .sort(),
  );
});

it('gives every operation a unique route whose path parameters are input fields', () => {
  const routes = OPERATIONS.map((o) => `${o.rest!.method} ${o.rest!.path.replace(/\{\w+\}/g, '{}')}`);
  expect(new Set(routes).size).toBe(routes.length);
  for (const op of OPERATIONS) {
    for (const [, name] of op.rest!.path.matchAll(/\{(\w+)\}/g))
      expect(Object.keys((op.input as z.ZodObject).shape)).toContain(name);
    expect(op.roles.length).toBeGreaterThan(0);
  }
});

it('puts every operation in the OpenAPI document with its input and output schemas', () => {
  expect(operationsInDoc).toHaveLength(OPERATIONS.length);
  for (const op of OPERATIONS) {
    const entry = operationsInDoc.find((e) => e.o.operationId === op.name);
    expect(entry).toBeDefined();
    expect(entry!.path).toBe(`/api/v1${op.rest!.path}`);
    expect(entry!.method).toBe(op.rest!.method.toLowerCase());
    const output = z.toJSONSchema(op.output, { io: 'output', unrepresentable: 'any' }) as Record<string, unknown>;
    const documented = (entry!.o.responses as Record<string, { content: { 'application/json': { schema: unknown } } }>)[
      '200'
    ]!.content['application/json'].schema as Record<string, unknown>;
    expect(documented.properties).toEqual(output.properties);
    // Every input field appears as a path or query parameter (GET) or in the body (POST).
    const params = ((entry!.o.parameters as { name: string }[]) ?? []).map((p) => p.name);
    const body = (
      entry!.o.requestBody as { content: { 'application/json': { schema: { properties: object } } } } | undefined
    )?.content['application/json'].schema.properties;
    const documentedInputs = [...params, ...Object.keys(body ?? {})].sort();
    expect(documentedInputs).toEqual(Object.keys((op.input as z.ZodObject).shape).sort());
    for (const code of ['400', '401', '403']) expect(entry!.o.responses).toHaveProperty(code);
  }
});

it('documents field reasons and required fields from the zod schemas', () => {
  const contact = operationsInDoc.find((e) => e.o.operationId === 'recordContact')!;
  const schema = (contact.o.requestBody as { content: { 'application/json': { schema: Record<string, unknown> } } })
    .content['application/json'].schema;
  expect(schema.required).toEqual(expect.arrayContaining(['expectedRev', 'clientRequestId', 'result', 'channel']));
  expect(schema.required).not.toContain('caseId');
  const list = operationsInDoc.find((e) => e.o.operationId === 'listDrcNegotiationCases')!;
  const limit = (list.o.parameters as { name: string; in: string; schema: Record<string, unknown> }[]).find(
    (p) => p.name === 'limit',
  )!;
  expect(limit).toMatchObject({
    in: 'query',
    schema: { anyOf: [{ type: 'integer', minimum: 1, maximum: 100 }, { type: 'null' }] },
  });
});

it('has a composite index for every ordered query the API issues', () => {
  const indexes = (
    JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'firestore.indexes.json'), 'utf8')) as {
      indexes: { collectionGroup: string; fields: { fieldPath: string; order?: string }[] }[];
    }
  ).indexes.map(
    (i) =>
      `${i.collectionGroup}:${i.fields.map((f) => `${f.fieldPath}${f.order === 'DESCENDING' ? '-' : ''}`).join(',')}`,
  );
  const cases = (...eq: string[]) => `cases:${[...eq, 'updatedAt-', '__name__-'].join(',')}`;
  const roRequests = (...eq: string[]) =>
    `roRequests:${[...eq, 'state', 'caseClosed', 'requestedAt-', '__name__-'].join(',')}`;
  const needed = [
    // scope × status (negotiation and board lists)
    cases('roId', 'status'),
    cases('drcId', 'status'),
    cases('drcId', 'roId', 'status'),
    // scope × status × board phase
    cases('roId', 'status', BOARD_PHASE_FIELD),
    cases('drcId', 'status', BOARD_PHASE_FIELD),
    cases('drcId', 'roId', 'status', BOARD_PHASE_FIELD),
    // scope × requiredAction (CPE collection)
    cases('roId', 'requiredAction'),
    cases('drcId', 'requiredAction'),
    cases('drcId', 'roId', 'requiredAction'),
    roRequests('roId'),
    roRequests('drcId'),
    roRequests('drcId', 'roId'),
    // an RO's own requests on cases still theirs in their DRC
    roRequests('drcId', 'roId', 'caseRoId'),
    // the job basket of an RO: their cases in their DRC
    cases('roId', 'drcId'),
    cases('roId', 'drcId', 'status'),
    'audit:entity,action,seq-',
  ];
  for (const n of needed) expect(indexes).toContain(n);
});

it('reads negotiation history by action/result pairs that exist and fit in one `in` filter', () => {
  const pairs = debtxTelco.actions
    .filter((a) => NEGOTIATION_ACTION_CODES.includes(a.code))
    .flatMap((a) => a.results.map((r) => `${a.code}/${r.code}`));
  for (const code of NEGOTIATION_ACTION_CODES) expect(debtxTelco.actions.map((a) => a.code)).toContain(code);
  expect(pairs.length).toBeLessThanOrEqual(30);
});

it('offers exactly the board responses and phases the life cycle records', () => {
  const response = debtxTelco.actions.find((a) => a.code === 'boardResponse')!;
  expect(response.results.map((r) => r.code).sort()).toEqual([...BOARD_RESPONSES].sort());
  expect(BOARD_PHASES).toContain('escalated');
});

const RO_DAY = [
  'recordContact',
  'recordCpeCollection',
  'recordCpeCollectionFailure',
  'cpePhotoUploadUrl',
  'cpePhotoDownloadUrl',
  'requestValidityExtension',
];

it('gives the RO’s day operations examples that their own schemas accept, shown in the document', () => {
  for (const name of RO_DAY) {
    const op = OPERATIONS.find((o) => o.name === name)!;
    expect(op.examples?.length).toBeGreaterThan(0);
    for (const e of op.examples!) {
      expect(op.input.safeParse(e.input).error?.issues ?? []).toEqual([]);
      expect(op.output.safeParse(e.output).error?.issues ?? []).toEqual([]);
    }
    const entry = operationsInDoc.find((x) => x.o.operationId === name)!.o as Record<string, never>;
    const ok = JSON.stringify(entry.responses['200']);
    expect(ok).toContain('"example1"');
    if (op.rest!.method === 'POST') expect(JSON.stringify(entry.requestBody)).toContain('"example1"');
  }
});

it('offers only failed-collection results and delinquency reasons the life cycle has', () => {
  const failed = debtxTelco.actions.find((a) => a.code === 'cpeCollectionFailed')!;
  expect(failed.results.map((r) => r.code).sort()).toEqual(['not_collected', 'not_reached', 'refused']);
  const contact = debtxTelco.actions.find((a) => a.code === 'recordContact')!;
  const field = contact.results[0]!.fields!.find((f) => f.name === 'delinquencyReason')!;
  const offered = (OPERATIONS.find((o) => o.name === 'recordContact')!.input as unknown as z.ZodType).safeParse({
    caseId: 'C1',
    expectedRev: 1,
    clientRequestId: 'abcdefgh-1',
    result: 'call_back',
    channel: 'phone',
    delinquencyReason: 'no_such_reason',
  });
  expect(offered.success).toBe(false);
  expect(field.choices).toEqual(expect.arrayContaining(['job_loss', 'illness', 'billing_dispute', 'other']));
});
