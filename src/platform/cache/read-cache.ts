/**
 * A short-lived, per-tenant memory of hot reads that every request repeats: who a session belongs to, the tenant's
 * settings, the viewing customer's type and level, the category tree. An entry is used only while it is younger than `ttlMs` AND no
 * write request of its tenant has finished in this process since it was loaded (`invalidateTenant`, called by an
 * HTTP hook on every unsafe request). So a change made through this process is seen at once, and a change made
 * elsewhere (another worker process, the CLI, a background job) within `ttlMs`. See docs/decisions.md.
 */
export interface ReadCache {
  /** The cached value, or `load()` when there is none that is still valid. Failed loads are not kept. */
  get<T>(tenantId: string, key: string, load: () => Promise<T>): Promise<T>;
  /** Everything of the tenant loaded before now is stale. */
  invalidateTenant(tenantId: string): void;
  readonly size: number;
}

interface Entry { value: unknown; at: number; generation: number }

export interface ReadCacheOptions {
  /** 0 turns the cache off: every `get` loads. */
  ttlMs: number;
  maxEntries?: number;
  now?: () => number;
}

export function createReadCache(opts: ReadCacheOptions): ReadCache {
  const { ttlMs, maxEntries = 50_000, now = Date.now } = opts;
  const entries = new Map<string, Entry>();
  const generations = new Map<string, number>();
  const generationOf = (tenantId: string) => generations.get(tenantId) ?? 0;

  return {
    async get<T>(tenantId: string, key: string, load: () => Promise<T>): Promise<T> {
      if (ttlMs <= 0) return load();
      const id = `${tenantId}\u0000${key}`;
      const hit = entries.get(id);
      const generation = generationOf(tenantId);
      if (hit && hit.generation === generation && now() - hit.at < ttlMs) return hit.value as T;
      // The generation and time are taken before the load: a write that finishes while it runs makes it stale.
      const at = now();
      const value = await load();
      if (entries.size >= maxEntries) entries.clear();
      entries.set(id, { value, at, generation });
      return value;
    },

    invalidateTenant(tenantId: string) {
      generations.set(tenantId, generationOf(tenantId) + 1);
    },

    get size() { return entries.size; },
  };
}

/** A cache that never keeps anything (services built without one: CLI, tests of a single service). */
export const noReadCache: ReadCache = createReadCache({ ttlMs: 0 });
