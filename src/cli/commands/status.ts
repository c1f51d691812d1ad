import type { Command } from 'commander';
import { collectStatus, type InstanceStatus } from '../../adapters/metrics/status.js';
import { withInstance } from '../instance.js';

/** `storydesk status [--json]`: queues, live workers, feeds in trouble, Redis, the last prune. */
export function register(program: Command): void {
  program
    .command('status')
    .description('show queues, live workers per queue and host, failing and stale feeds, Redis memory and the last prune')
    .option('--json', 'print one JSON object')
    .action(async (options: { json?: boolean }) => {
      await withInstance(async ({ redis, keys, store, queues, settings }) => {
        const status = await collectStatus({ redis, keys, store, queues, prefix: settings.STORYDESK_PREFIX }, new Date());
        process.stdout.write(options.json ? `${JSON.stringify(status)}\n` : renderStatus(status));
      });
    });
}

/** The status as a terminal page. */
export function renderStatus(s: InstanceStatus): string {
  const lines: string[] = [];
  lines.push(`storydesk status: prefix ${s.prefix}, data version ${s.dataVersion ?? 'none'}, at ${s.at}`);
  const limit = s.redis.maxBytes ? `of ${mib(s.redis.maxBytes)}` : '(no maxmemory limit)';
  lines.push(`Redis: ${mib(s.redis.usedBytes)} used ${limit}, peak ${mib(s.redis.peakBytes)}; maxmemory-policy ${s.redis.policy}`);
  if (s.redis.warning) lines.push(`  WARNING: ${s.redis.warning}`);
  lines.push('', 'Queues:');
  lines.push(
    `  ${pad('queue', 18)}${rpad('waiting', 9)}${rpad('active', 8)}${rpad('delayed', 9)}${rpad('failed', 8)}${rpad('completed', 11)}  ${pad('oldest waiting', 16)}workers`,
  );
  for (const q of s.queues) {
    const oldest = q.oldestWaiting ? `${duration(q.oldestWaiting.ageSeconds)} (${q.oldestWaiting.jobId.slice(0, 12)})` : '-';
    const workers = q.workers.length ? q.workers.map((w) => `${w.host} ×${w.processes} (${w.concurrency} at once)`).join(', ') : 'NONE';
    lines.push(
      `  ${pad(q.isPaused ? `${q.name} (paused)` : q.name, 18)}${rpad(q.counts.waiting, 9)}${rpad(q.counts.active, 8)}${rpad(q.counts.delayed, 9)}${rpad(q.counts.failed, 8)}${rpad(q.counts.completed, 11)}  ${pad(oldest, 16)}${workers}`,
    );
  }
  lines.push('', `Processes (${s.processes.length} live):`);
  for (const p of s.processes)
    lines.push(`  ${pad(p.role, 10)}${pad(p.processId, 28)}up since ${p.startedAt}${p.concurrency ? `, ${p.concurrency} at once` : ''}`);
  if (!s.processes.length) lines.push('  none: no storydesk worker has sent a heartbeat recently');
  lines.push('', `Feeds: ${s.feeds.total}, ${s.feeds.failing.length} failing, ${s.feeds.stale.length} stale`);
  for (const f of s.feeds.failing)
    lines.push(`  failing  ${f.feedId} (${f.outletId}): ${f.errorCode ?? f.status}, ${f.consecutiveErrors} error(s) in a row`);
  for (const f of s.feeds.stale) lines.push(`  stale    ${f.feedId} (${f.outletId}): last new item ${f.lastNewItemAt}`);
  const p = s.lastPrune;
  lines.push(
    '',
    p
      ? `Last prune: ${p.at}: removed ${p.candidatesRemoved} candidate(s), ${p.articlesRemoved} article(s), cleared ${p.textsCleared} text(s) in ${p.ms} ms`
      : 'Last prune: never',
  );
  return `${lines.join('\n')}\n`;
}

const pad = (value: string | number, width: number) => String(value).padEnd(width);
const rpad = (value: string | number, width: number) =>
  String(value)
    .padStart(width - 1)
    .padEnd(width);
const mib = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MiB`;

function duration(seconds: number): string {
  if (seconds < 120) return `${seconds}s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)}m`;
  return `${Math.round(seconds / 3600)}h`;
}
