import { StorydeskError } from '../../core/model/index.js';
import { parseRetryAfter } from './headers.js';

/**
 * The error a final (non-redirect) HTTP status stands for, or null for 2xx and 304.
 * 4xx are permanent except 408 and 429; 5xx are transient; 429 (and 503 carrying
 * Retry-After) are `rate_limited` with the delay the server asked for.
 */
export function statusError(status: number, headers: Record<string, string>, url: string, nowMs: number): StorydeskError | null {
  if ((status >= 200 && status < 300) || status === 304) return null;
  const retryAfterMs = parseRetryAfter(headers['retry-after'], nowMs);
  if (status === 429 || (status === 503 && retryAfterMs !== null)) {
    return new StorydeskError('rate_limited', `HTTP ${status} from ${url}`, retryAfterMs === null ? {} : { retryAfterMs });
  }
  if (status === 410) return new StorydeskError('gone', `HTTP 410 Gone: ${url}`, { permanent: true });
  const permanent = status >= 300 && status < 500 && status !== 408;
  return new StorydeskError(`http_${status}`, `HTTP ${status} from ${url}`, { permanent });
}

/** Node's socket/TLS/DNS errors mapped to our codes; our own errors pass through. */
export function networkError(error: unknown, url: string): StorydeskError {
  if (error instanceof StorydeskError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const text = error instanceof Error ? error.message : String(error);
  const message = `${text} (${url})`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_FAIL' || code === 'EAI_NODATA') {
    return new StorydeskError('dns', `DNS lookup failed: ${message}`, { cause: error });
  }
  if (code === 'ECONNREFUSED') return new StorydeskError('connection_refused', `Connection refused: ${message}`, { cause: error });
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ECONNABORTED') {
    return new StorydeskError('connection_reset', `Connection reset: ${message}`, { cause: error });
  }
  if (code === 'ABORT_ERR') return new StorydeskError('aborted', `Fetch aborted: ${message}`, { cause: error });
  if (typeof code === 'string' && isTlsCode(code)) return new StorydeskError('tls', `TLS failure: ${message}`, { cause: error });
  return new StorydeskError('network', `Network error: ${message}`, { cause: error });
}

function isTlsCode(code: string): boolean {
  return (
    code === 'EPROTO' ||
    code.startsWith('ERR_SSL_') ||
    code.startsWith('ERR_TLS_') ||
    code.includes('CERT') ||
    code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' ||
    code === 'SELF_SIGNED_CERT_IN_CHAIN'
  );
}
