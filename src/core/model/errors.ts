/**
 * The one error type storydesk throws on purpose. `code` is from a fixed, documented set
 * (docs/errors.md) and goes on the feed's or article's state and into the log.
 * `permanent` stops retries (the worker edge turns it into BullMQ's UnrecoverableError);
 * `retryAfterMs` asks for a later retry (429/503 Retry-After).
 */
export class StorydeskError extends Error {
  readonly code: string;
  readonly permanent: boolean;
  readonly retryAfterMs: number | undefined;

  constructor(code: string, message: string, options: { permanent?: boolean; retryAfterMs?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'StorydeskError';
    this.code = code;
    this.permanent = options.permanent ?? false;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** The code of any thrown value: ours, or `internal` for what we did not foresee. */
export function errorCodeOf(error: unknown): string {
  return error instanceof StorydeskError ? error.code : 'internal';
}
