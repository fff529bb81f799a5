import { getAuth } from 'firebase-admin/auth';
import { HttpsError, onRequest } from 'firebase-functions/v2/https';
import { REGION } from '../config';
import { firestore } from '../data/db';
import { log } from '../logs';
import type { Actor } from '../domain/model/roles';
import { callerActor } from './caller';
import { SESSION_ENDED } from '../domain/policy/session';
import { docsHtml, openApiDocument } from './openapi';
import { REST_OPERATIONS } from '../operations';
import { runOperation, type Operation } from './registry';

/** The parts of an Express request and response the API uses (tests pass plain objects). */
export interface RestRequest {
  method: string;
  path: string;
  query: Record<string, unknown>;
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
}
export interface RestResponse {
  status(code: number): RestResponse;
  set(field: string, value: string): RestResponse;
  json(body: unknown): unknown;
  send(body: string): unknown;
}

/**
 * A verified ID token's uid and claims. The default checks revocation too (`checkRevoked`): a token signed in
 * before the user's refresh tokens were revoked, or of a disabled account, is refused at once.
 */
export type VerifyIdToken = (token: string) => Promise<{ uid: string; [claim: string]: unknown }>;

interface Route {
  op: Operation;
  pattern: RegExp;
  params: string[];
}

const ROUTES: Route[] = REST_OPERATIONS.map((op) => ({
  op,
  params: [...op.rest!.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!),
  pattern: new RegExp(`^/v1${op.rest!.path.replace(/\{\w+\}/g, '([^/]+)')}$`),
}));

function sendError(res: RestResponse, error: HttpsError): void {
  const body = { error: { status: error.httpErrorCode.canonicalName, message: error.message, details: error.details } };
  res.status(error.httpErrorCode.status).json(body);
}

function bearerToken(headers: RestRequest['headers']): string | null {
  const raw = headers.authorization ?? headers.Authorization;
  const value = Array.isArray(raw) ? raw[0] : raw;
  const match = /^Bearer\s+(\S+)$/i.exec(value ?? '');
  return match ? match[1]! : null;
}

async function actorFromToken(req: RestRequest, verify: VerifyIdToken): Promise<Actor | null> {
  const token = bearerToken(req.headers);
  if (!token) return null;
  let decoded: { uid: string; [claim: string]: unknown };
  try {
    decoded = await verify(token);
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (code === 'auth/id-token-revoked' || code === 'auth/user-disabled')
      throw new HttpsError('unauthenticated', SESSION_ENDED);
    throw new HttpsError('unauthenticated', 'The ID token is not valid or has expired; sign in again.');
  }
  // The same claims-to-actor rule, and the same session check against the profile, as the callables.
  return callerActor({ auth: { uid: decoded.uid, token: decoded as never, rawToken: token } });
}

/** Query-string values as the schemas expect them: single values, empty ones absent. */
/** A path parameter, percent-decoded; a malformed escape (`%E0%A4%A`) is the caller's error, not ours. */
function decodePathSegment(name: string, raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new HttpsError('invalid-argument', `The ${name} in the path is not valid percent-encoding.`, {
      fields: { [name]: 'is not valid percent-encoding' },
    });
  }
}

function queryInput(query: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(query)
      .map(([k, v]) => [k, Array.isArray(v) && v.length === 1 ? v[0] : v] as const)
      .filter(([, v]) => v !== '' && v !== undefined),
  );
}

/**
 * The mobile API over HTTPS: `/api/v1/...` dispatches to the same registry as the callables,
 * `/api/openapi.json` is the generated OpenAPI document, `/api/docs` a page listing it. Errors are JSON
 * `{error: {status, message, details}}` with the HTTP status of the callable code (401, 403, 400, 404, 409...).
 */
export function restHandler(verify: VerifyIdToken = (t) => getAuth().verifyIdToken(t, true)) {
  return async (req: RestRequest, res: RestResponse): Promise<void> => {
    // Reached through a Hosting rewrite the path keeps its /api prefix; at the function's own URL it does not.
    const path = (req.path.replace(/^\/api(?=\/|$)/, '') || '/').replace(/(.)\/$/, '$1');
    try {
      if (req.method === 'GET' && (path === '/docs' || path === '/')) {
        res.status(200).set('Content-Type', 'text/html; charset=utf-8').send(docsHtml());
        return;
      }
      if (req.method === 'GET' && path === '/openapi.json') {
        res.status(200).json(openApiDocument());
        return;
      }
      const matches = ROUTES.map((r) => ({ r, m: r.pattern.exec(path) })).filter((x) => x.m);
      if (matches.length === 0) throw new HttpsError('not-found', `No API operation at ${req.method} ${req.path}.`);
      const hit = matches.find((x) => x.r.op.rest!.method === req.method);
      if (!hit) {
        res.status(405).set('Allow', matches.map((x) => x.r.op.rest!.method).join(', '));
        res.json({
          error: {
            status: 'METHOD_NOT_ALLOWED',
            message: `Use ${matches.map((x) => x.r.op.rest!.method).join(' or ')}.`,
          },
        });
        return;
      }
      const fromPath = Object.fromEntries(hit.r.params.map((p, i) => [p, decodePathSegment(p, hit.m![i + 1]!)]));
      let input: Record<string, unknown>;
      if (req.method === 'GET') input = { ...queryInput(req.query ?? {}), ...fromPath };
      else {
        const body = req.body ?? {};
        if (typeof body !== 'object' || Array.isArray(body)) {
          throw new HttpsError('invalid-argument', 'The body must be a JSON object.', {
            fields: { '(request)': 'must be a JSON object' },
          });
        }
        input = { ...(body as Record<string, unknown>), ...fromPath };
      }
      const actor = await actorFromToken(req, verify);
      const output = await runOperation(hit.r.op, actor, input);
      res.status(200).json(output);
    } catch (error) {
      if (error instanceof HttpsError) return sendError(res, error);
      // A path and an error message may quote personal data: the masked logger.
      log.error('api: unexpected error', { path, method: req.method, error: (error as Error).message });
      sendError(res, new HttpsError('internal', 'Something went wrong; try again.'));
    }
  };
}

export const api = onRequest({ region: REGION, cors: true }, (req, res) => {
  firestore(); // initialises the Admin app that getAuth() needs
  return restHandler()(req, res);
});
