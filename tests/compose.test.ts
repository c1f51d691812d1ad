import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../src/cli/runtime-port.js';

// No container engine runs here: the compose file's structure is what we can check.
const file = resolve(import.meta.dirname, '../docker-compose.yml');
const doc = parseDocument(readFileSync(file, 'utf8'), { merge: true });
const compose = doc.toJS({ maxAliasCount: 100 }) as {
  services: Record<
    string,
    {
      command?: string[];
      healthcheck?: { test: string[] };
      volumes?: string[];
      environment?: Record<string, string>;
      depends_on?: Record<string, { condition: string }>;
      ports?: string[];
    }
  >;
  volumes: Record<string, unknown>;
};
const { services } = compose;

/** The roles a service's `start --role a,b` command runs. */
function rolesOf(service: string): string[] {
  const command = services[service]!.command!;
  expect(command.slice(0, 3)).toEqual(['node', 'dist/app/main.js', 'start']);
  return command[command.indexOf('--role') + 1]!.split(',');
}

describe('docker-compose.yml', () => {
  it('parses without errors', () => {
    expect(doc.errors).toEqual([]);
    expect(Object.keys(services).sort()).toEqual(['extract', 'redis', 'web']);
  });

  it('runs Redis with AOF and noeviction on a named volume, with a health check', () => {
    const redis = services.redis!;
    expect(redis.command).toEqual(expect.arrayContaining(['--appendonly', 'yes', '--maxmemory-policy', 'noeviction']));
    expect(redis.volumes).toContain('redis-data:/data');
    expect(compose.volumes).toHaveProperty('redis-data');
    expect(redis.healthcheck!.test).toEqual(['CMD', 'redis-cli', 'ping']);
  });

  it('covers every worker role exactly once across web and a scalable extract service', () => {
    const web = rolesOf('web');
    const extract = rolesOf('extract');
    expect([...web, ...extract].sort()).toEqual([...ROLES].sort());
    expect(extract).toEqual(['extract']);
    expect(services.extract!.command).toEqual(expect.arrayContaining(['--concurrency', '4']));
    // A scalable service cannot publish a fixed host port.
    expect(services.extract!.ports).toBeUndefined();
    expect(services.web!.ports).toEqual(['3000:3000']);
  });

  it('points both storydesk services at the redis service, after it is healthy, with the config mounted', () => {
    for (const name of ['web', 'extract']) {
      const service = services[name]!;
      expect(service.environment!.REDIS_URL, name).toBe('redis://redis:6379');
      expect(service.environment!.STORYDESK_PREFIX, name).toBe('storydesk');
      expect(service.depends_on, name).toEqual({ redis: { condition: 'service_healthy' } });
      expect(service.volumes, name).toContain('./config:/app/config:ro');
    }
    expect(services.web!.environment!.HOST).toBe('0.0.0.0');
  });

  it('health-checks web by readiness and extract by its own heartbeat', () => {
    expect(services.web!.healthcheck!.test.join(' ')).toContain('http://127.0.0.1:3000/readyz');
    const extract = services.extract!.healthcheck!.test;
    expect(extract[0]).toBe('CMD-SHELL');
    expect(extract[1]).toContain('dist/app/main.js status --json');
    expect(extract[1]).toContain('$$(hostname)');
  });
});
