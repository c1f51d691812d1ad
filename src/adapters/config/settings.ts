import { z } from 'zod';

/**
 * Every setting with its env var, type, default and check side by side. This module and
 * load.ts are the only readers of process.env; the result is frozen and passed down.
 */
const int = (fallback: number, min = 0) => z.coerce.number().int().min(min).default(fallback);

/** TRUST_PROXY: false, a hop count, or a list of proxy addresses / CIDRs (fastify's trustProxy). */
const trustProxy = () =>
  z
    .string()
    .default('false')
    .transform((raw, ctx): false | number | string[] => {
      const v = raw.trim().toLowerCase();
      if (['false', '0', 'no', ''].includes(v)) return false;
      if (['true', 'yes'].includes(v)) return 1;
      if (/^\d+$/.test(v)) return Number(v);
      const list = v
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);
      if (list.every((x) => /^[0-9a-f.:]+(\/\d{1,3})?$/.test(x))) return list;
      ctx.addIssue({ code: 'custom', message: 'false, a number of proxy hops, or a comma-separated list of proxy addresses/CIDRs' });
      return z.NEVER;
    });

export const settingsSchema = z.object({
  REDIS_URL: z.string().url().optional(),
  STORYDESK_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'letters, digits, "_", "." and "-" only')
    .default('storydesk'),
  STORYDESK_OUTLETS: z.string().default('config/outlets.yaml'),
  STORYDESK_DATA_DIR: z.string().default('data'),
  PORT: int(3000, 0),
  HOST: z.string().default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  STORYDESK_CONTACT_URL: z.string().url().default('https://github.com/storydesk/storydesk'),
  // Fetch limits (feeds and pages share the guarded client).
  FETCH_CONNECT_TIMEOUT_MS: int(5_000, 1),
  FETCH_FIRST_BYTE_TIMEOUT_MS: int(15_000, 1),
  FETCH_TOTAL_TIMEOUT_MS: int(30_000, 1),
  FETCH_MAX_BYTES: int(10 * 1024 * 1024, 1024),
  FETCH_MAX_REDIRECTS: int(5, 0),
  // Politeness per host, across every process; outlets may override.
  HOST_MAX_CONCURRENT: int(2, 1),
  HOST_MIN_DELAY_MS: int(1_000, 0),
  // Polling.
  POLL_MIN_INTERVAL_S: int(60, 1),
  POLL_MAX_INTERVAL_S: int(6 * 3600, 1),
  POLL_MAX_ITEMS: int(300, 1),
  // Workers.
  POLL_CONCURRENCY: int(8, 1),
  EXTRACT_CONCURRENCY: int(4, 1),
  // Suggestion refreshes at once per story-role process (the story queue).
  STORY_CONCURRENCY: int(2, 1),
  MAX_ARTICLE_CHARS: int(200_000, 1000),
  LOCK_DURATION_MS: int(30_000, 1000),
  STALLED_INTERVAL_MS: int(30_000, 500),
  SHUTDOWN_GRACE_MS: int(10_000, 0),
  HEARTBEAT_MS: int(5_000, 100),
  // Clustering.
  // A story idle this long (article time) leaves the clusterer's active window.
  CLUSTER_WINDOW_HOURS: int(96, 1),
  // Web.
  // Reverse proxies in front of the web role whose X-Forwarded-* we believe: false (none), a hop
  // count ("1": the address the nearest proxy saw; "true" means 1), or a comma-separated list of
  // proxy addresses/CIDRs. The client address is never the leftmost X-Forwarded-For entry,
  // which the client writes itself.
  TRUST_PROXY: trustProxy(),
  // Where the desk is reached from outside (links in /published.atom); default http://HOST:PORT.
  STORYDESK_PUBLIC_URL: z
    .string()
    .url()
    .refine((u) => /^https?:/.test(u), 'http or https')
    .optional(),
  METRICS_TOKEN: z.string().min(16).optional(),
  // Retention (days; 0 keeps forever).
  RETAIN_ARTICLE_TEXT_DAYS: int(30),
  RETAIN_ARTICLES_DAYS: int(90),
  RETAIN_CANDIDATES_DAYS: int(90),
});

export type Settings = z.infer<typeof settingsSchema>;
