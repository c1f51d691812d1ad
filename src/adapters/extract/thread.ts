import { parentPort } from 'node:worker_threads';
import { extractArticle } from '../../core/extract/index.js';
import type { ExtractOptions } from '../../core/extract/options.js';

/** One extraction request from the pool: page bytes (transferred) and the options. */
export interface ExtractRequest {
  id: number;
  bytes: Uint8Array;
  options: ExtractOptions;
}

// The thread body: cheerio runs here, so a slow page blocks this thread and never the
// worker's event loop that renews BullMQ job locks. extractArticle never throws.
parentPort?.on('message', (request: ExtractRequest) => {
  parentPort!.postMessage({ id: request.id, page: extractArticle(request.bytes, request.options) });
});
// Loaded (cheerio and the extractor compiled): the pool counts the thread as warm.
parentPort?.postMessage({ ready: true });
