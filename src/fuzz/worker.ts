/**
 * Worker-thread entry of the fuzzer: loads the corpus once, then runs the cases the pool
 * sends (see pool.ts for the protocol). Started by runFuzz, never imported.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadFuzzCorpus } from './corpus.js';
import type { FromWorker, ToWorker } from './pool.js';
import { runCase, type CaseJob, type CaseResult } from './run-case.js';
import { currentThreadId } from './thread-cpu.js';

const port = parentPort;
if (!port) throw new Error('src/fuzz/worker.js runs only as a worker thread');
const { repoRoot } = workerData as { repoRoot: string };
const corpus = loadFuzzCorpus(repoRoot);
const send = (message: FromWorker<CaseResult>) => port.postMessage(message);

port.on('message', async (message: ToWorker<CaseJob>) => {
  const result = await runCase(corpus, message.job, (phase) => send({ type: 'phase', phase }));
  send({ type: 'done', value: result });
});
send({ type: 'ready', tid: currentThreadId() });
