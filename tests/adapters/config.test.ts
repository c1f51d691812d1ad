import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadOutlets, loadSettings } from '../../src/adapters/config/load.js';

const dir = mkdtempSync(join(tmpdir(), 'storydesk-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const write = (text: string) => {
  const file = join(dir, `outlets-${files++}.yaml`);
  writeFileSync(file, text);
  return file;
};

const outlet = (extra = '') => `outlets:
  - id: kyodo
    name: Kyodo News+
    homepage: https://english.kyodonews.net/
    language: en
    country: jp
    kind: wire
    perspective: [Japan]
    feeds:
      - { id: kyodo-all, url: "https://english.kyodonews.net/rss/all.xml" }
${extra}`;

describe('config', () => {
  it('loads outlets with defaults and ties feeds to their outlet', () => {
    const [kyodo] = loadOutlets(write(outlet()));
    expect(kyodo).toMatchObject({ id: 'kyodo', name: 'Kyodo News+', country: 'JP', respectRobots: true, allowPrivateNetwork: false });
    expect(kyodo?.feeds[0]).toEqual({
      id: 'kyodo-all',
      outletId: 'kyodo',
      url: 'https://english.kyodonews.net/rss/all.xml',
      intervalSeconds: 900,
    });
  });

  it('names the file, the field and the problem', () => {
    const file = write(outlet().replace('kind: wire', 'kind: tabloid'));
    expect(() => loadOutlets(file)).toThrow(ConfigError);
    expect(() => loadOutlets(file)).toThrow(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: outlets\\.0\\.kind: `));
  });

  it('refuses duplicate feed ids across outlets', () => {
    const second = `  - id: kyodo2
    name: Other
    homepage: https://example.org/
    language: en
    country: JP
    kind: wire
    feeds:
      - { id: kyodo-all, url: "https://example.org/feed" }
`;
    expect(() => loadOutlets(write(outlet(second)))).toThrow(/outlets\.1\.feeds\.0\.id: duplicate feed id "kyodo-all"/);
  });

  it('reports a missing file and broken YAML clearly', () => {
    expect(() => loadOutlets('/nonexistent/outlets.yaml')).toThrow('/nonexistent/outlets.yaml: file not found');
    expect(() => loadOutlets(write('outlets: [\n'))).toThrow(ConfigError);
  });

  it('validates settings from the environment', () => {
    expect(loadSettings({}).STORYDESK_PREFIX).toBe('storydesk');
    expect(loadSettings({ PORT: '8080', TRUST_PROXY: 'true' })).toMatchObject({ PORT: 8080, TRUST_PROXY: 1 });
    expect(() => loadSettings({ STORYDESK_PREFIX: 'has space' })).toThrow(/environment: STORYDESK_PREFIX: /);
    expect(() => loadSettings({ PORT: 'eighty' })).toThrow(/PORT/);
  });
});
