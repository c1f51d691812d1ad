import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createExtractPool, poolSizeFor } from '../../src/adapters/extract/pool.js';
import { recordOutcome } from '../../src/adapters/metrics/instrument.js';
import { evictionWarning, parseInfo } from '../../src/adapters/metrics/redis-info.js';
import { createProcessMetrics } from '../../src/adapters/metrics/registry.js';
import { extractArticle } from '../../src/core/extract/index.js';
import { forwardedPrefix } from '../../src/web/ops/dashboard.js';
import { bearerMatches, fromLoopback } from '../../src/web/ops/metrics-route.js';

const THREAD = pathToFileURL(resolve(import.meta.dirname, '../../dist/src/adapters/extract/thread.js'));

describe('metrics access', () => {
  it('counts only direct loopback connections as loopback', () => {
    expect(fromLoopback({ ip: '127.0.0.1', headers: {} })).toBe(true);
    expect(fromLoopback({ ip: '::1', headers: {} })).toBe(true);
    expect(fromLoopback({ ip: '::ffff:127.0.0.1', headers: {} })).toBe(true);
    expect(fromLoopback({ ip: '10.0.0.2', headers: {} })).toBe(false);
    expect(fromLoopback({ ip: '127.0.0.1', headers: { 'x-forwarded-for': '203.0.113.1' } })).toBe(false);
    expect(fromLoopback({ ip: '127.0.0.1', headers: { forwarded: 'for=203.0.113.1' } })).toBe(false);
  });

  it('accepts exactly the configured bearer token', () => {
    const token = 'abcdefghijklmnop';
    expect(bearerMatches(`Bearer ${token}`, token)).toBe(true);
    expect(bearerMatches(`bearer ${token}`, token)).toBe(true);
    expect(bearerMatches(`Bearer ${token}q`, token)).toBe(false);
    expect(bearerMatches(`Basic ${token}`, token)).toBe(false);
    expect(bearerMatches(undefined, token)).toBe(false);
    expect(bearerMatches('Bearer ', undefined)).toBe(false);
    expect(bearerMatches(`Bearer ${token}`, undefined)).toBe(false);
  });
});

describe('dashboard prefix', () => {
  it('takes only plain path prefixes from X-Forwarded-Prefix', () => {
    expect(forwardedPrefix({ headers: { 'x-forwarded-prefix': '/ops' } })).toBe('/ops');
    expect(forwardedPrefix({ headers: { 'x-forwarded-prefix': '/a/b-c/' } })).toBe('/a/b-c');
    expect(forwardedPrefix({ headers: {} })).toBe('');
    for (const bad of ['ops', '//evil.example', '/a"b', '/a b', 'https://x/', '/a/../b?'])
      expect(forwardedPrefix({ headers: { 'x-forwarded-prefix': bad } }), bad).toBe('');
  });
});

describe('Redis checks', () => {
  it('reads INFO fields and warns unless the policy is noeviction', () => {
    expect(parseInfo('# Memory\r\nused_memory:1024\r\nmaxmemory_policy:allkeys-lru\r\n')).toEqual({
      used_memory: '1024',
      maxmemory_policy: 'allkeys-lru',
    });
    expect(evictionWarning('noeviction')).toBeNull();
    expect(evictionWarning('allkeys-lru')).toMatch(/"allkeys-lru".*noeviction/);
  });
});

describe('job outcome counters', () => {
  it('counts feed fetches by outcome code, articles by extraction outcome, clustering time per article', async () => {
    const metrics = createProcessMetrics({ defaultMetrics: false });
    recordOutcome(metrics, 'poll', { data: {} }, { outcome: 'polled', newItems: 3 }, 0.1);
    recordOutcome(metrics, 'poll', { data: {} }, { outcome: 'failed', errorCode: 'http_404' }, 0.1);
    recordOutcome(metrics, 'poll', { data: {} }, { outcome: 'not_due' }, 0.001);
    recordOutcome(metrics, 'extract', { data: {} }, { outcome: 'paywall', chars: 10 }, 0.2);
    recordOutcome(metrics, 'cluster', { data: { articleId: 'a' } }, { storyId: 's' }, 0.03);
    recordOutcome(metrics, 'cluster', { data: { decision: {} } }, { storyId: null }, 0.03);
    const text = await metrics.registry.metrics();
    expect(text).toContain('storydesk_feed_fetches_total{outcome="ok"} 1');
    expect(text).toContain('storydesk_feed_fetches_total{outcome="http_404"} 1');
    expect(text).not.toContain('not_due');
    expect(text).toContain('storydesk_articles_extracted_total{outcome="paywall"} 1');
    expect(text).toContain('storydesk_clustering_duration_seconds_count 1');
  });
});

describe('extraction pool', () => {
  const page = Buffer.from(
    `<html><head><title>Talks</title></head><body><article>${'<p>The ministers met in Tokyo on Monday to discuss the talks and the region.</p>'.repeat(12)}</article></body></html>`,
  );

  it('sizes itself by concurrency, capped by the CPUs', () => {
    expect(poolSizeFor(4, 2)).toBe(2);
    expect(poolSizeFor(1, 8)).toBe(1);
    expect(poolSizeFor(0, 8)).toBe(1);
  });

  it('gives the same page as extracting inline, from a thread', async () => {
    const pool = createExtractPool({ size: 2, timeoutMs: 30_000, script: THREAD });
    try {
      expect(pool.mode).toBe('threads');
      await pool.ready;
      const options = { url: 'http://example.test/a', feedSummary: 'talks' };
      const results = await Promise.all([1, 2, 3].map(() => pool.extract(page, options)));
      for (const result of results) expect(result).toEqual(extractArticle(page, options));
    } finally {
      await pool.close();
    }
  });

  it('gives up a page that runs past the time limit', async () => {
    const pool = createExtractPool({ size: 1, timeoutMs: 1, script: THREAD });
    try {
      await pool.ready;
      const huge = Buffer.from(`<html><body>${'<div><p>word word word word</p></div>'.repeat(40_000)}</body></html>`);
      await expect(pool.extract(huge, { url: 'http://example.test/huge' })).rejects.toMatchObject({
        code: 'extract_timeout',
        permanent: true,
      });
    } finally {
      await pool.close();
    }
  });

  it('extracts inline when no compiled thread script exists', async () => {
    const pool = createExtractPool({ size: 2, timeoutMs: 1_000, script: new URL('file:///nonexistent/thread.js') });
    expect(pool.mode).toBe('inline');
    expect((await pool.extract(page, { url: 'http://example.test/a' })).title).toBe('Talks');
  });
});
