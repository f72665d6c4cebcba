import { describe, expect, it } from 'vitest';
import { newId } from './ids.js';

describe('newId', () => {
  it('keeps creation order for ids made in the same millisecond', () => {
    const at = Date.now() + 10_000;
    const ids = Array.from({ length: 500 }, () => newId(at));
    expect(new Set(ids).size).toBe(500);
    expect([...ids].sort()).toEqual(ids);
    expect(ids.every((id) => /^[0-9A-HJKMNP-TV-Z]{26}$/.test(id))).toBe(true);
  });

  it('never goes backwards when the clock does', () => {
    const a = newId(Date.now() + 20_000);
    const b = newId(Date.now());
    expect(b > a).toBe(true);
  });
});
