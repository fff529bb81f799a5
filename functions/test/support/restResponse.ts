import type { RestResponse } from '../../src/api/rest';

/** What a REST handler answered: its status, body and headers. */
export interface Sent<Body = unknown> {
  status: number;
  body: Body;
  headers: Record<string, string>;
}

/** A response object that records what the handler sends, for tests that call the REST handler directly. */
export function recordingResponse<Body = unknown>(): { res: RestResponse; sent: Sent<Body> } {
  const sent = { status: 0, body: undefined, headers: {} } as Sent<Body>;
  const res: RestResponse = {
    status(code) {
      sent.status = code;
      return res;
    },
    set(field, value) {
      sent.headers[field.toLowerCase()] = value;
      return res;
    },
    json(b) {
      sent.body = b as Body;
    },
    send(b) {
      sent.body = b as Body;
    },
  };
  return { res, sent };
}
