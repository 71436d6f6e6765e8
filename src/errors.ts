// Catalogue of coded errors. Expected outcomes ("not an article", "duplicate", "not modified")
// are return values, never errors; these are real failures. Messages name the stage, the
// subject and the reason: `ingest: unable to read data/x.html: permission denied`.

export const ERROR_CODES = {
  INPUT_UNREADABLE: { status: 400, summary: 'input could not be read' },
  INPUT_EMPTY: { status: 400, summary: 'input is empty' },
  INPUT_TOO_LARGE: { status: 413, summary: 'input exceeds the size cap' },
  INPUT_BINARY: { status: 415, summary: 'input is not text or HTML' },
  INPUT_CORRUPT: { status: 400, summary: 'input is corrupt' },
  INPUT_INVALID: { status: 400, summary: 'input is not valid' },
  FETCH_FAILED: { status: 502, summary: 'fetch failed' },
  STORE_FAILED: { status: 500, summary: 'store operation failed' },
  /** A save refused because one asked for before it failed (save-thread.ts): group it again. */
  STORE_SUPERSEDED: { status: 503, summary: 'save refused after an earlier save failed' },
  NOT_FOUND: { status: 404, summary: 'not found' },
  FORBIDDEN: { status: 403, summary: 'forbidden' },
  BAD_REQUEST: { status: 400, summary: 'bad request' },
  CONFIG_INVALID: { status: 500, summary: 'configuration is invalid' },
  /** A bug on our side (not the input's, not the store's): the reply says only this. */
  INTERNAL: { status: 500, summary: 'internal error' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class StorylineError extends Error {
  readonly code: ErrorCode;
  readonly status: number;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorylineError';
    this.code = code;
    this.status = ERROR_CODES[code].status;
  }
}

export function isStorylineError(error: unknown): error is StorylineError {
  return error instanceof StorylineError;
}

/** A one-line description of any thrown value, for logs and CLI output. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
