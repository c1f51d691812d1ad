import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Every error code storydesk throws is in docs/errors.md, where operators look it up.
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });

describe('error codes', () => {
  it('are all documented', () => {
    const docs = readFileSync('docs/errors.md', 'utf8');
    const thrown = new Set<string>();
    for (const file of [...files('src'), ...files('workers')]) {
      for (const match of readFileSync(file, 'utf8').matchAll(/new StorydeskError\(\s*'([a-z_]+)'/g)) thrown.add(match[1]!);
    }
    expect(thrown.size).toBeGreaterThan(20);
    const undocumented = [...thrown].filter((code) => !docs.includes(`\`${code}\``));
    expect(undocumented).toEqual([]);
  });
});
