import { describe, expect, it } from 'vitest';
import { keysFor } from '../../src/adapters/keys.js';

describe('keysFor', () => {
  const keys = keysFor('desk-1');
  const ours = Object.entries(keys)
    .filter(([name]) => !['prefix', 'bullPrefix'].includes(name))
    .map(([name, key]) => [name, typeof key === 'function' ? (key as (id: string) => string)('x1') : key] as const);

  it('puts every key of an instance under its hash tag, so Redis Cluster keeps it on one slot', () => {
    for (const [name, key] of ours) expect(key, name).toMatch(/^\{desk-1\}:/);
    expect(keys.bullPrefix).toBe('{desk-1}:q');
  });

  it('keeps our keys out of the BullMQ namespace, whatever the queue names', () => {
    for (const [name, key] of ours) expect(key.startsWith(`${keys.bullPrefix}:`), name).toBe(false);
  });
});
