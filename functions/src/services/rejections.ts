/** Why a request was refused: a code for programs, a message for people, and per-field details for forms. */
export interface Rejection {
  code: string;
  message: string;
  fields?: Record<string, string>;
}

export class RejectedError extends Error {
  constructor(readonly rejection: Rejection) {
    super(rejection.message);
  }
}

export function reject(code: string, message: string, fields?: Record<string, string>): never {
  throw new RejectedError({ code, message, ...(fields ? { fields } : {}) });
}
