import { describe, expect, it } from 'vitest';
import type { Outlet } from '../../src/core/model/index.js';
import { renderAtom } from '../../src/web/desk/atom.js';
import { countBy, coverageChart } from '../../src/web/desk/coverage-chart.js';
import { exportFileName } from '../../src/web/desk/exports.js';
import { deskCsp } from '../../src/web/desk/security.js';
import { DESK_CSS, DESK_CSS_HASH, page } from '../../src/web/desk/layout.js';
import { createHash } from 'node:crypto';
import { localPath } from '../../src/web/auth/context.js';
import { OUTLETS, PAYLOADS } from '../fixtures/web/world.js';

describe('coverage chart', () => {
  it('counts outlets by country and kind, most first', () => {
    expect(countBy(OUTLETS.slice(0, 4), (o) => o.country)).toEqual([
      ['JP', 2],
      ['CN', 1],
      ['US', 1],
    ]);
  });

  it('is inline SVG with escaped labels and no script or style attribute', () => {
    const hostile: Outlet = { ...OUTLETS[0]!, id: 'x', country: PAYLOADS[0], kind: 'wire' };
    const svg = coverageChart([...OUTLETS, hostile]).value;
    expect(svg).toMatch(/^<svg class="coverage"/);
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&#60;script&#62;');
    expect(svg).not.toMatch(/\sstyle=|\son\w+=/);
  });
});

describe('page frame and policy', () => {
  it('admits exactly the desk stylesheet by hash and only the script carrying the nonce', () => {
    expect(DESK_CSS_HASH).toBe(`'sha256-${createHash('sha256').update(DESK_CSS).digest('base64')}'`);
    expect(page('t', { value: '' } as never)).toContain(`<style>${DESK_CSS}</style>`);
    expect(page('t', { value: '' } as never)).not.toContain('<script');
    const csp = deskCsp('abc123');
    expect(csp).toContain(`style-src ${DESK_CSS_HASH}`);
    expect(csp).toContain("script-src 'nonce-abc123'");
    expect(csp).not.toMatch(/unsafe-inline|script-src[^;]*'self'/);
    expect(page('t', { value: '' } as never, { name: 'n', role: 'editor', csrf: 'c', nonce: 'abc123' })).toContain(
      '<script src="/assets/desk-keys.js" nonce="abc123" defer></script>',
    );
  });

  it('escapes the page title', () => {
    expect(page(PAYLOADS[8], { value: '' } as never)).not.toContain('</title><script>');
  });
});

describe('local redirects', () => {
  it('keeps local paths and refuses other hosts and schemes', () => {
    expect(localPath('/stories/a?x=1')).toBe('/stories/a?x=1');
    for (const bad of ['//evil.example', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)', '', 42, '/a b'])
      expect(localPath(bad)).toBe('/');
  });
});

describe('downloads and feed', () => {
  it('names files after the title and id, safely', () => {
    const doc = { title: 'Japan & China: "talks" résumé', facts: [], sources: [], narratives: [], predictions: [] };
    expect(exportFileName(doc, 'talks', 'txt')).toBe('japan-china-talks-resume-talks.txt');
    expect(exportFileName({ ...doc, title: '"; rm -rf' }, 's"x', 'md')).toBe('rm-rf-sx.md');
  });

  it('escapes every string in the Atom feed', () => {
    const doc = { title: `T ${PAYLOADS[0]} \u0001`, facts: ['F & G'], sources: ['A <b>'], narratives: [], predictions: [] };
    const xml = renderAtom([{ id: 'a"b', doc, publishedAt: '2025-03-20T00:00:00Z', updatedAt: '2025-03-21T00:00:00Z' }], {
      baseUrl: 'http://desk.example',
      now: '2025-03-22T00:00:00Z',
    });
    expect(xml).not.toMatch(/<script|<b>|\u0001/);
    expect(xml).toContain('<updated>2025-03-21T00:00:00Z</updated>');
    expect(xml).toContain('F &#38; G');
    expect(xml).toContain('/stories/a%22b');
  });
});
