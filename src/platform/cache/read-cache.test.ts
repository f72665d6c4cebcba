import { describe, expect, it } from 'vitest';
import { createReadCache } from './read-cache.js';

function counter() {
  let calls = 0;
  return { load: async () => ++calls, get calls() { return calls; } };
}

describe('read cache', () => {
  it('reuses a value while it is younger than the ttl, then loads again', async () => {
    let t = 1000;
    const cache = createReadCache({ ttlMs: 50, now: () => t });
    const c = counter();
    expect(await cache.get('t1', 'k', c.load)).toBe(1);
    t += 49;
    expect(await cache.get('t1', 'k', c.load)).toBe(1);
    t += 1;
    expect(await cache.get('t1', 'k', c.load)).toBe(2);
    expect(c.calls).toBe(2);
  });

  it('a write in the tenant makes its entries stale, not those of other tenants', async () => {
    const cache = createReadCache({ ttlMs: 60_000 });
    const a = counter();
    const b = counter();
    await cache.get('t1', 'k', a.load);
    await cache.get('t2', 'k', b.load);
    cache.invalidateTenant('t1');
    expect(await cache.get('t1', 'k', a.load)).toBe(2);
    expect(await cache.get('t2', 'k', b.load)).toBe(1);
  });

  it('a value loaded while a write finished is not reused', async () => {
    const cache = createReadCache({ ttlMs: 60_000 });
    let release!: () => void;
    const slow = new Promise<void>((r) => { release = r; });
    const pending = cache.get('t1', 'k', async () => { await slow; return 'old'; });
    cache.invalidateTenant('t1'); // the write commits while the read is in flight
    release();
    expect(await pending).toBe('old');
    expect(await cache.get('t1', 'k', async () => 'new')).toBe('new');
  });

  it('keys are per tenant, failed loads are not kept, and ttl 0 never keeps anything', async () => {
    const cache = createReadCache({ ttlMs: 60_000 });
    await cache.get('t1', 'k', async () => 'one');
    expect(await cache.get('t2', 'k', async () => 'two')).toBe('two');
    await expect(cache.get('t1', 'bad', async () => { throw new Error('db down'); })).rejects.toThrow('db down');
    expect(await cache.get('t1', 'bad', async () => 'ok')).toBe('ok');
    const off = createReadCache({ ttlMs: 0 });
    const c = counter();
    await off.get('t1', 'k', c.load);
    await off.get('t1', 'k', c.load);
    expect(c.calls).toBe(2);
    expect(off.size).toBe(0);
  });

  it('stays bounded', async () => {
    const cache = createReadCache({ ttlMs: 60_000, maxEntries: 3 });
    for (let i = 0; i < 10; i++) await cache.get('t1', `k${i}`, async () => i);
    expect(cache.size).toBeLessThanOrEqual(3);
  });
});
