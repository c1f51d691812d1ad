import { describe, expect, it } from 'vitest';
import { hashPassword, sameSecret, verifyPassword } from '../../src/web/auth/passwords.js';
import { checkNewUser } from '../../src/web/auth/users.js';

describe('passwords', () => {
  it('hashes with a fresh salt each time and verifies only the right password', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
    expect(await verifyPassword('correct horse battery', 'plain')).toBe(false);
  });

  it('compares secrets without accepting empty or different-length ones', () => {
    expect(sameSecret('abc', 'abc')).toBe(true);
    expect(sameSecret('abc', 'abd')).toBe(false);
    expect(sameSecret('', '')).toBe(false);
    expect(sameSecret('abc', undefined)).toBe(false);
    expect(sameSecret('abc', 'abcd')).toBe(false);
  });

  it('refuses bad names, roles and short passwords', () => {
    expect(() => checkNewUser('erin', 'editor', 'long enough pw')).not.toThrow();
    expect(() => checkNewUser('e rin', 'editor', 'long enough pw')).toThrow(/not allowed/);
    expect(() => checkNewUser('erin', 'admin', 'long enough pw')).toThrow(/role "admin"/);
    expect(() => checkNewUser('erin', 'editor', 'short')).toThrow(/too short/);
  });
});
