import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { initialFeedState, shortHash, StorydeskError, type FeedState, type Outlet } from '../../core/model/index.js';
import { isStale } from '../../core/poll/next-poll.js';
import { parseOpml, renderOpml } from '../../core/poll/opml.js';
import { checkFeedId } from '../../adapters/store/feeds.js';
import { withInstance, type Instance } from '../instance.js';

/**
 * Operators change feeds without a restart: state and schedulers live in Redis, so a running
 * daemon sees an added, paused, resumed or removed feed at its next tick.
 */
export function registerFeedOps(feeds: Command): void {
  feeds
    .command('status')
    .description('every feed with its polling state (status, errors, last and next poll, stale)')
    .option('--json', 'one JSON array')
    .action(async (options: { json?: boolean }) =>
      withInstance(async ({ store }) => {
        const now = new Date();
        const rows = (await store.feeds.list()).map((state) => ({ ...state, stale: staleOf(state, now) }));
        process.stdout.write(options.json ? `${JSON.stringify(rows)}\n` : table(rows));
      }),
    );

  feeds
    .command('add <outletId> <url>')
    .description('add a feed to a configured outlet and schedule it')
    .option('--id <feedId>', 'feed id (default: outlet id + a hash of the URL)')
    .option('--interval <seconds>', 'base poll interval', (v) => parseInt(v, 10), 900)
    .option('--allow-private-network', "grant this feed the outlet's private-network access although its host is not the outlet's")
    .action(async (outletId: string, url: string, options: { id?: string; interval: number; allowPrivateNetwork?: boolean }) =>
      withInstance(
        async (instance) => {
          const outlet = outletOf(instance, outletId);
          if (!/^https?:\/\//i.test(url)) throw new StorydeskError('bad_url', `"${url}" is not an http(s) URL`);
          const feedId = options.id ?? `${outlet.id}-${shortHash(url, 6)}`;
          checkFeedId(feedId);
          checkPrivateGrant(outlet, url, options.allowPrivateNetwork === true);
          await addFeed(instance, { ...initialFeedState(feedId, outlet.id, url, 'cli'), intervalSeconds: Math.max(30, options.interval) });
          process.stdout.write(`added feed ${feedId} (${url}) to ${outlet.name}\n`);
        },
        { outlets: true },
      ),
    );

  for (const [name, paused] of [
    ['pause', true],
    ['resume', false],
  ] as const) {
    feeds
      .command(`${name} <feedId>`)
      .description(paused ? 'stop polling a feed (its state is kept)' : 'poll a paused feed again')
      .action(async (feedId: string) =>
        withInstance(async ({ store }) => {
          const updated = await store.feeds.update(
            feedId,
            paused ? { paused: true, status: 'paused' } : { paused: false, nextPollAt: null },
          );
          if (!updated) throw new StorydeskError('unknown_feed', `there is no feed "${feedId}"`);
          process.stdout.write(`${paused ? 'paused' : 'resumed'} feed ${feedId}\n`);
        }),
      );
  }

  feeds
    .command('remove <feedId>')
    .description('stop polling a feed and drop its state (articles already stored stay)')
    .action(async (feedId: string) =>
      withInstance(async ({ store, queues }) => {
        if (!(await store.feeds.get(feedId))) throw new StorydeskError('unknown_feed', `there is no feed "${feedId}"`);
        await queues.poll.removeJobScheduler(feedId);
        await store.feeds.remove(feedId);
        process.stdout.write(
          `removed feed ${feedId}; a feed from the outlets file comes back at the next start unless removed there too\n`,
        );
      }),
    );

  feeds
    .command('import-opml <file>')
    .description("add an OPML file's feeds, each to the outlet whose homepage host matches the feed's own URL (xmlUrl), or --outlet")
    .option('--outlet <outletId>', 'add every feed to this outlet')
    .option('--interval <seconds>', 'base poll interval', (v) => parseInt(v, 10), 900)
    .option('--allow-private-network', "grant feeds the outlet's private-network access although their host is not the outlet's")
    .action(async (file: string, options: { outlet?: string; interval: number; allowPrivateNetwork?: boolean }) =>
      withInstance(
        async (instance) => {
          const entries = parseOpml(readFileSync(file));
          let added = 0;
          for (const entry of entries) {
            // The feed is what gets fetched, so its own URL decides the outlet; htmlUrl is only a label.
            const outlet = options.outlet ? outletOf(instance, options.outlet) : matchOutlet(instance.outlets, entry.xmlUrl);
            if (!outlet) {
              process.stderr.write(`skipped ${entry.xmlUrl}: no configured outlet has its host (use --outlet)\n`);
              continue;
            }
            try {
              checkPrivateGrant(outlet, entry.xmlUrl, options.allowPrivateNetwork === true);
              const feedId = `${outlet.id}-${shortHash(entry.xmlUrl, 6)}`;
              await addFeed(instance, {
                ...initialFeedState(feedId, outlet.id, entry.xmlUrl, 'cli'),
                intervalSeconds: Math.max(30, options.interval),
              });
              added++;
            } catch (error) {
              if (!(error instanceof StorydeskError)) throw error;
              process.exitCode = 1;
              process.stderr.write(`skipped ${entry.xmlUrl}: ${error.message}\n`);
            }
          }
          process.stdout.write(`imported ${added} of ${entries.length} feeds from ${file}\n`);
        },
        { outlets: true },
      ),
    );

  feeds
    .command('export-opml')
    .description('print every feed (outlets file and run-time additions) as OPML')
    .action(async () =>
      withInstance(
        async ({ outlets, store }) => {
          const extra = (await store.feeds.list()).filter((s) => s.origin === 'cli');
          const merged = outlets.map((o) => ({
            ...o,
            feeds: [
              ...o.feeds,
              ...extra
                .filter((s) => s.outletId === o.id)
                .map((s) => ({ id: s.feedId, outletId: o.id, url: s.url, intervalSeconds: s.intervalSeconds ?? 900 })),
            ],
          }));
          process.stdout.write(renderOpml(merged, { title: 'storydesk feeds', now: new Date() }));
        },
        { outlets: true },
      ),
    );
}

/** Store and schedule a feed; when scheduling fails, the stored state is taken back, so nothing half-added is polled. */
async function addFeed({ store, queues }: Instance, state: FeedState): Promise<void> {
  checkFeedId(state.feedId);
  if (await store.feeds.get(state.feedId)) throw new StorydeskError('duplicate_feed', `feed "${state.feedId}" exists already`);
  await store.feeds.put(state);
  try {
    await queues.poll.upsertJobScheduler(
      state.feedId,
      { every: (state.intervalSeconds ?? 900) * 1000 },
      { name: 'poll', data: { feedId: state.feedId } },
    );
    await queues.poll.add('poll', { feedId: state.feedId }, { jobId: `first-${state.feedId}` });
  } catch (error) {
    await queues.poll.removeJobScheduler(state.feedId).catch(() => undefined);
    await store.feeds.remove(state.feedId);
    throw error;
  }
}

/**
 * An outlet allowed to fetch private addresses lends that to its own host only: a feed on
 * another host gets it only when the operator says so (--allow-private-network).
 */
function checkPrivateGrant(outlet: Outlet, url: string, granted: boolean): void {
  if (!outlet.allowPrivateNetwork || granted || sameHostAndPort(url, outlet.homepage)) return;
  throw new StorydeskError(
    'private_network_grant',
    `outlet "${outlet.id}" may fetch private-network addresses, and ${url} is not on its host (${new URL(outlet.homepage).host}); add --allow-private-network to grant it to this feed`,
    { permanent: true },
  );
}

function hostOf(u: string): string {
  try {
    return new URL(u).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** Same host and port: private-network access is lent to exactly the address the operator configured. */
function sameHostAndPort(url: string, homepage: string): boolean {
  try {
    return new URL(url).host === new URL(homepage).host;
  } catch {
    return false;
  }
}

function sameSite(url: string, homepage: string): boolean {
  const [target, home] = [hostOf(url), hostOf(homepage)];
  return target !== '' && home !== '' && (target === home || target.endsWith(`.${home}`));
}

function outletOf({ outlets }: Instance, id: string): Outlet {
  const outlet = outlets.find((o) => o.id === id);
  if (!outlet)
    throw new StorydeskError('unknown_outlet', `no outlet "${id}" in the outlets file (known: ${outlets.map((o) => o.id).join(', ')})`);
  return outlet;
}

function matchOutlet(outlets: readonly Outlet[], url: string): Outlet | undefined {
  return outlets.find((o) => sameSite(url, o.homepage));
}

function staleOf(state: FeedState, now: Date): boolean {
  return isStale({ now, lastNewItemAt: state.lastNewItemAt, itemDates: [], baseSeconds: state.intervalSeconds ?? 900 });
}

function table(rows: Array<FeedState & { stale: boolean }>): string {
  const head = ['feed', 'outlet', 'status', 'polls', 'errors', 'last error', 'last fetch', 'next poll', 'items', 'stale'];
  const cells = rows.map((r) => [
    r.feedId,
    r.outletId,
    r.paused ? 'paused' : r.status,
    String(r.polls),
    String(r.consecutiveErrors),
    r.lastError ? `${r.lastError.code}: ${r.lastError.message}`.slice(0, 60) : '',
    r.lastFetchAt ?? 'never',
    r.nextPollAt ?? 'now',
    String(r.itemsSeen),
    r.stale ? 'yes' : '',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) =>
    c
      .map((v, i) => v.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(head), ...cells.map(line)].join('\n') + '\n';
}
