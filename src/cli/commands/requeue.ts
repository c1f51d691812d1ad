import type { Command } from 'commander';
import { QUEUE_NAMES, type QueueName } from '../../adapters/queue/queues.js';
import { requeueFailed } from '../../adapters/queue/requeue.js';
import { failClearly } from '../process.js';
import { withInstance } from '../instance.js';

/** `storydesk requeue --failed [--queue extract]`: retry failed jobs after a fix. */
export function register(program: Command): void {
  program
    .command('requeue')
    .description('retry failed jobs (after new extraction hints, or an outlet back online), with their attempts reset')
    .requiredOption('--failed', 'requeue the failed jobs (the only kind for now)')
    .option('--queue <name>', `only this queue (${QUEUE_NAMES.join(', ')})`)
    .option('--json', 'print the counts as one JSON object')
    .action(async (options: { failed: boolean; queue?: string; json?: boolean }) => {
      if (options.queue && !(QUEUE_NAMES as readonly string[]).includes(options.queue)) {
        failClearly(new Error(`unknown queue ${options.queue}: use one of ${QUEUE_NAMES.join(', ')}`));
      }
      await withInstance(async ({ queues }) => {
        const chosen = queues.all.filter((q) => !options.queue || q.name === (options.queue as QueueName));
        const counts: Record<string, number> = {};
        for (const queue of chosen) counts[queue.name] = await requeueFailed(queue);
        const total = Object.values(counts).reduce((a, b) => a + b, 0);
        process.stdout.write(
          options.json
            ? `${JSON.stringify({ requeued: counts, total })}\n`
            : `requeued ${total} failed job(s): ${Object.entries(counts)
                .map(([q, n]) => `${q} ${n}`)
                .join(', ')}\n`,
        );
      });
    });
}
