import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { StorydeskError } from '../../../src/core/model/index.js';

/** A fixture of tests/fixtures/feeds as bytes. */
export function fixture(name: string): Buffer {
  return readFileSync(fileURLToPath(new URL(`../../fixtures/feeds/${name}`, import.meta.url)));
}

/** The StorydeskError a call throws (fails the test when it throws anything else or nothing). */
export function thrown(call: () => unknown): StorydeskError {
  try {
    call();
  } catch (error) {
    if (error instanceof StorydeskError) return error;
    throw new Error(`expected a StorydeskError, got ${String(error)}`);
  }
  throw new Error('expected a StorydeskError, nothing was thrown');
}

/** The StorydeskError a promise rejects with (fails the test when it rejects with anything else or resolves). */
export async function rejected(promise: Promise<unknown>): Promise<StorydeskError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof StorydeskError) return error;
    throw new Error(`expected a StorydeskError, got ${String(error)}`);
  }
  throw new Error('expected a StorydeskError, the promise resolved');
}

export const NOW = new Date('2025-01-14T00:00:00Z');
