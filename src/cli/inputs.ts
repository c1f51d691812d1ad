import { readFile } from 'node:fs/promises';
import type { Settings } from '../adapters/config/settings.js';
import { guardedFetch, type FetchOptions } from '../adapters/http/fetch.js';
import { userAgent } from '../adapters/http/user-agent.js';
import { errorCodeOf, StorydeskError } from '../core/model/index.js';

/** An http(s) URL given on the command line (anything else is a file path). */
export const IS_URL = /^https?:\/\//i;

/** The guarded client's options from config: the limits every fetch runs under. */
export function fetchOptionsFrom(settings: Settings, accept: string): FetchOptions {
  return {
    timeouts: {
      connectMs: settings.FETCH_CONNECT_TIMEOUT_MS,
      firstByteMs: settings.FETCH_FIRST_BYTE_TIMEOUT_MS,
      totalMs: settings.FETCH_TOTAL_TIMEOUT_MS,
    },
    maxBytes: settings.FETCH_MAX_BYTES,
    maxRedirects: settings.FETCH_MAX_REDIRECTS,
    userAgent: userAgent(settings.STORYDESK_CONTACT_URL),
    accept,
  };
}

/** One command-line input's bytes: a URL through the guarded client, a file within the byte cap. */
export async function readInput(
  input: string,
  settings: Settings,
  accept: string,
): Promise<{ bytes: Buffer; finalUrl: string | null; contentType: string | null }> {
  if (IS_URL.test(input)) {
    const result = await guardedFetch(input, fetchOptionsFrom(settings, accept));
    return { bytes: result.body, finalUrl: result.finalUrl, contentType: result.contentType };
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(input);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new StorydeskError(
      'input_unreadable',
      code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory' : `cannot read (${code ?? 'error'})`,
      { permanent: true },
    );
  }
  if (bytes.length > settings.FETCH_MAX_BYTES)
    throw new StorydeskError('too_large', `file exceeds ${settings.FETCH_MAX_BYTES} bytes`, { permanent: true });
  return { bytes, finalUrl: null, contentType: null };
}

/**
 * Run `handle` on each input and print its result: with --json one line per input, either
 * the handler's object or `{"input","error":{"code","message"}}`; otherwise the handler's
 * text, and errors on stderr. Exit code 1 when any input failed.
 */
export async function forEachInput<T extends object>(
  inputs: string[],
  json: boolean | undefined,
  handle: (input: string) => Promise<{ json: T; text: string }>,
): Promise<void> {
  let failed = false;
  for (const input of inputs) {
    try {
      const out = await handle(input);
      process.stdout.write(json ? JSON.stringify(out.json) + '\n' : out.text);
    } catch (error) {
      failed = true;
      const code = errorCodeOf(error);
      const message = error instanceof Error ? error.message : String(error);
      if (json) process.stdout.write(JSON.stringify({ input, error: { code, message } }) + '\n');
      else process.stderr.write(`${input}: ${code}: ${message}\n`);
    }
  }
  process.exitCode = failed ? 1 : 0;
}
