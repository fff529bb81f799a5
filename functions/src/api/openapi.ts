import { z } from 'zod';
import { callableName } from '../domain/contracts/define';
import { REST_OPERATIONS as OPERATIONS } from '../operations';
import type { Operation } from './registry';

type JsonSchema = Record<string, unknown>;

const errorSchema: JsonSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['status', 'message'],
      properties: {
        status: {
          type: 'string',
          description:
            'The callable error code: INVALID_ARGUMENT, UNAUTHENTICATED, PERMISSION_DENIED, NOT_FOUND, ABORTED (conflict), FAILED_PRECONDITION (closed case, lease held)...',
        },
        message: { type: 'string' },
        details: {
          type: 'object',
          description:
            'fields: {field: reason} for bad input; reason (conflict, closed, lease-held) and its facts otherwise.',
        },
      },
    },
  },
};

const ERRORS: Record<string, string> = {
  '400':
    'Bad input (INVALID_ARGUMENT, with details.fields), or a closed case / another user working with the customer (FAILED_PRECONDITION, details.reason closed or lease-held)',
  '401': 'No or invalid ID token (UNAUTHENTICATED)',
  '403': 'A role the operation is not for (PERMISSION_DENIED)',
  '404': 'A case outside the caller’s scope, or one that does not exist: the same answer, word for word (NOT_FOUND)',
  '409': 'The case moved on since the caller saw it (ABORTED, details.reason conflict)',
};

const pathParams = (op: Operation): string[] => [...op.rest!.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const out = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  delete out.$schema;
  return out;
}

const exampleKey = (i: number) => `example${i + 1}`;

/** The contract's examples as OpenAPI example objects, keyed example1, example2... */
function examplesOf(op: Operation, pick: (e: { input: unknown; output: unknown }) => unknown) {
  const examples = op.examples ?? [];
  if (examples.length === 0) return {};
  return {
    examples: Object.fromEntries(examples.map((e, i) => [exampleKey(i), { summary: e.summary, value: pick(e) }])),
  };
}

function operationObject(op: Operation): JsonSchema {
  const input = jsonSchemaOf(op.input, 'input');
  const props = (input.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((input.required as string[] | undefined) ?? []);
  const inPath = pathParams(op);
  const parameters = inPath.map((name) => ({
    name,
    in: 'path',
    required: true,
    schema: props[name] ?? { type: 'string' },
  }));
  const rest = Object.fromEntries(Object.entries(props).filter(([k]) => !inPath.includes(k)));
  const doc: JsonSchema = {
    operationId: op.name,
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    tags: [op.rest!.tag],
    'x-roles': op.roles,
    'x-callable': callableName(op),
    responses: {
      '200': {
        description: 'OK',
        content: {
          'application/json': { schema: jsonSchemaOf(op.output, 'output'), ...examplesOf(op, (e) => e.output) },
        },
      },
      ...Object.fromEntries(
        Object.entries(ERRORS).map(([code, description]) => [
          code,
          { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        ]),
      ),
    },
  };
  const firstInput = (op.examples?.[0]?.input ?? {}) as Record<string, unknown>;
  for (const p of parameters as JsonSchema[])
    if (firstInput[p.name as string] !== undefined) p.example = firstInput[p.name as string];
  if (op.rest!.method === 'GET') {
    parameters.push(
      ...Object.entries(rest).map(([name, schema]) => ({
        name,
        in: 'query',
        required: required.has(name),
        schema,
        ...(firstInput[name] !== undefined ? { example: firstInput[name] } : {}),
      })),
    );
  } else {
    doc.requestBody = {
      required: true,
      content: {
        'application/json': {
          schema: {
            ...input,
            properties: rest,
            required: [...required].filter((k) => !inPath.includes(k)),
          },
          ...examplesOf(op, (e) =>
            Object.fromEntries(Object.entries(e.input as Record<string, unknown>).filter(([k]) => !inPath.includes(k))),
          ),
        },
      },
    };
  }
  doc.parameters = parameters;
  return doc;
}

/** The OpenAPI 3.1 document of the REST API, generated from the registry's zod schemas (JSON Schema 2020-12). */
export function openApiDocument(operations: readonly Operation[] = OPERATIONS): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const op of operations) {
    const path = `/api/v1${op.rest!.path}`;
    paths[path] = { ...paths[path], [op.rest!.method.toLowerCase()]: operationObject(op) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'DebtX mobile API',
      version: '1.0.0',
      description:
        'The field operations the DRCs’ mobile app needs, for recovery officers and DRC admins. The same operations are callable functions (`mobile-<operationId>`, region asia-south1). Writes become request documents applied by the case life cycle: follow them with getRequestStatus. Lists are cursor-paged: pass nextCursor back as cursor.',
    },
    servers: [{ url: '/' }],
    security: [{ firebaseIdToken: [] }],
    components: {
      securitySchemes: {
        firebaseIdToken: { type: 'http', scheme: 'bearer', bearerFormat: 'Firebase ID token (JWT)' },
      },
      schemas: { Error: errorSchema },
    },
    paths,
  };
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/** A small self-contained page (no CDN: the offline stack has none) listing every operation. */
export function docsHtml(operations: readonly Operation[] = OPERATIONS): string {
  const rows = operations
    .map(
      (op) =>
        `<tr><td><code>${op.rest!.method}</code></td><td><code>/api/v1${escapeHtml(op.rest!.path)}</code></td><td><b>${escapeHtml(op.name)}</b><br>${escapeHtml(op.summary)}</td><td>${escapeHtml(op.roles.join(', '))}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>DebtX mobile API</title>
<style>body{font-family:system-ui,sans-serif;margin:1.5rem;max-width:70rem}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left;vertical-align:top}</style></head>
<body><h1>DebtX mobile API</h1><p>Authenticate with <code>Authorization: Bearer &lt;Firebase ID token&gt;</code>. The machine-readable document is <a href="openapi.json">openapi.json</a> (OpenAPI 3.1). Each operation is also a callable function <code>mobile-&lt;name&gt;</code>.</p>
<table><thead><tr><th>method</th><th>path</th><th>operation</th><th>roles</th></tr></thead><tbody>
${rows}
</tbody></table></body></html>`;
}
