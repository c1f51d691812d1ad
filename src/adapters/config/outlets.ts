import { z } from 'zod';
import { ID_PATTERN, ID_RULE } from '../../core/model/ids.js';

const id = z.string().regex(ID_PATTERN, ID_RULE);

const feedSchema = z.object({
  id,
  url: z.string().url(),
  intervalSeconds: z.number().int().min(30).default(900),
});

export const outletSchema = z.object({
  id,
  name: z.string().min(1).max(120),
  homepage: z.string().url(),
  language: z.string().min(2).max(16),
  country: z
    .string()
    .min(2)
    .max(2)
    .transform((c) => c.toUpperCase()),
  kind: z.enum(['wire', 'newspaper', 'broadcaster', 'state-media', 'opinion', 'magazine', 'digital']),
  perspective: z.array(z.string().min(1)).default([]),
  feeds: z.array(feedSchema).default([]),
  hints: z.object({ keep: z.array(z.string()).optional(), drop: z.array(z.string()).optional() }).optional(),
  politeness: z.object({ maxConcurrent: z.number().int().min(1).optional(), minDelayMs: z.number().int().min(0).optional() }).optional(),
  allowPrivateNetwork: z.boolean().default(false),
  respectRobots: z.boolean().default(true),
});

export const outletsFileSchema = z.object({ outlets: z.array(outletSchema).min(1) }).superRefine((file, ctx) => {
  const seen = new Set<string>();
  file.outlets.forEach((outlet, i) => {
    if (seen.has(outlet.id)) ctx.addIssue({ code: 'custom', path: ['outlets', i, 'id'], message: `duplicate outlet id "${outlet.id}"` });
    seen.add(outlet.id);
  });
  const feeds = new Set<string>();
  file.outlets.forEach((outlet, i) =>
    outlet.feeds.forEach((feed, j) => {
      if (feeds.has(feed.id))
        ctx.addIssue({ code: 'custom', path: ['outlets', i, 'feeds', j, 'id'], message: `duplicate feed id "${feed.id}"` });
      feeds.add(feed.id);
    }),
  );
});
