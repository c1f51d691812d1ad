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

/**
 * Where a reader of JSON Lines input (`storydesk cluster`, `storydesk suggest`) reports one bad
 * line and goes on; the line is then skipped or read with a default, as the reader says.
 */
export type ProblemHandler = (problem: StorydeskError) => void;

/** Runs `read`; a StorydeskError it throws goes to `onProblem` as "…; skipped" and gives null. Without a handler, it throws. */
export function skipOnProblem<T>(read: () => T, onProblem: ProblemHandler | undefined): T | null {
  if (!onProblem) return read();
  try {
    return read();
  } catch (error) {
    if (!(error instanceof StorydeskError)) throw error;
    onProblem(new StorydeskError(error.code, `${error.message}; skipped`, { permanent: true }));
    return null;
  }
}
