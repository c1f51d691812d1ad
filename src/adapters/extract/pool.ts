import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { extractArticle } from '../../core/extract/index.js';
import type { ExtractOptions } from '../../core/extract/options.js';
import { StorydeskError, type ExtractedPage } from '../../core/model/index.js';
import type { ExtractRequest } from './thread.js';

/**
 * Threads for a process running `concurrency` extract jobs: one per job, but no more than the
 * CPUs (parsing is CPU-bound; more threads would only queue for a core and cost memory).
 */
export function poolSizeFor(concurrency: number, cpus = availableParallelism()): number {
  return Math.max(1, Math.min(concurrency, cpus));
}

/** Runs core extraction off the main thread, a bounded number of pages at once. */
export interface ExtractPool {
  /** 'threads' normally; 'inline' when the compiled thread script is absent (running from TypeScript sources). */
  readonly mode: 'threads' | 'inline';
  readonly size: number;
  /** Resolves once every thread has loaded the extractor (a cold thread takes about half a second of CPU). */
  readonly ready: Promise<void>;
  extract(bytes: Uint8Array, options: ExtractOptions): Promise<ExtractedPage>;
  close(): Promise<void>;
}

export interface ExtractPoolOptions {
  /** Threads (EXTRACT_CONCURRENCY: one per job the process may run at once). */
  size: number;
  /** A page still parsing after this long is given up (its thread is replaced). */
  timeoutMs: number;
  /** The thread script; defaults to the compiled thread.js beside this module. */
  script?: URL;
}

interface Task {
  request: ExtractRequest;
  resolve(page: ExtractedPage): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  task: Task | null;
  timer: NodeJS.Timeout | null;
  warm?: () => void;
}

/**
 * A small pool of worker threads for cheerio. Why threads and not BullMQ sandboxed
 * processors: only the CPU-bound parse needs isolating; fetching, politeness and the store
 * stay on the worker's shared connections, and a thread costs a few MB instead of a process.
 */
export function createExtractPool(options: ExtractPoolOptions): ExtractPool {
  const script = options.script ?? new URL('./thread.js', import.meta.url);
  if (!existsSync(fileURLToPath(script))) return inlinePool(options.size);

  const slots: Slot[] = [];
  const waiting: Task[] = [];
  let nextId = 1;
  let closed = false;
  const warming: Array<Promise<void>> = [];

  const spawn = (): Slot => {
    const slot: Slot = { worker: new Worker(script), task: null, timer: null };
    slot.worker.once('exit', () => slot.warm?.()); // a thread that died never warms; do not wait for it
    slot.worker.unref();
    const warm = new Promise<void>((resolve) => {
      slot.warm = resolve;
    });
    warming.push(warm);
    slot.worker.on('message', (message: { id: number; page: ExtractedPage; ready?: true }) => {
      if (message.ready) return slot.warm?.();
      const task = slot.task;
      if (!task || task.request.id !== message.id) return;
      finish(slot);
      task.resolve(message.page);
    });
    const lost = (error: Error) => {
      const task = slot.task;
      replace(slot);
      task?.reject(new StorydeskError('extract_thread_failed', `extraction thread failed: ${error.message}`));
    };
    slot.worker.on('error', lost);
    slot.worker.on('exit', (code) => {
      if (!closed && slots.includes(slot)) lost(new Error(`thread exited with code ${code}`));
    });
    slots.push(slot);
    return slot;
  };

  const replace = (slot: Slot) => {
    if (slot.timer) clearTimeout(slot.timer);
    slots.splice(slots.indexOf(slot), 1);
    void slot.worker.terminate();
    pump();
  };

  const finish = (slot: Slot) => {
    if (slot.timer) clearTimeout(slot.timer);
    slot.task = null;
    slot.timer = null;
    pump();
  };

  const start = (slot: Slot, task: Task) => {
    slot.task = task;
    slot.timer = setTimeout(() => {
      replace(slot);
      task.reject(
        new StorydeskError('extract_timeout', `extraction still running after ${options.timeoutMs} ms; page given up`, { permanent: true }),
      );
    }, options.timeoutMs);
    const bytes = task.request.bytes;
    slot.worker.postMessage(task.request, [bytes.buffer as ArrayBuffer]);
  };

  function pump(): void {
    while (waiting.length && !closed) {
      const slot = slots.find((s) => !s.task) ?? (slots.length < options.size ? spawn() : null);
      if (!slot) return;
      start(slot, waiting.shift()!);
    }
  }

  // Start every thread now: the first pages should not pay for loading cheerio.
  for (let i = 0; i < options.size; i++) spawn();
  const ready = Promise.all(warming).then(() => undefined);

  return {
    mode: 'threads',
    size: options.size,
    ready,
    extract(bytes, extractOptions) {
      if (closed) return Promise.reject(new StorydeskError('extract_thread_failed', 'extraction pool is closed'));
      // A private copy: Buffers from the HTTP client may share a pooled ArrayBuffer, which cannot be transferred.
      const copy = new Uint8Array(bytes.byteLength);
      copy.set(bytes);
      return new Promise<ExtractedPage>((resolve, reject) => {
        waiting.push({ request: { id: nextId++, bytes: copy, options: extractOptions }, resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      for (const task of waiting.splice(0)) task.reject(new StorydeskError('extract_thread_failed', 'extraction pool closed'));
      await Promise.all(
        slots.splice(0).map((slot) => {
          if (slot.timer) clearTimeout(slot.timer);
          return slot.worker.terminate();
        }),
      );
    },
  };
}

/** The same interface, extracting on the calling thread (tests running from sources). */
function inlinePool(size: number): ExtractPool {
  return {
    mode: 'inline',
    size,
    ready: Promise.resolve(),
    extract: async (bytes, options) => extractArticle(bytes, options),
    close: async () => {},
  };
}
