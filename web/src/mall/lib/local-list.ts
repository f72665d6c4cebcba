import { useSyncExternalStore } from 'react';

/**
 * A short list of ids kept in this browser's localStorage (compare list, recently viewed),
 * readable as a React hook that follows changes made elsewhere in the app or in other tabs.
 */
export function localIdList(key: string, max: number) {
  const listeners = new Set<() => void>();
  let cachedRaw: string | null = null;
  let cached: string[] = [];

  const read = (): string[] => {
    let raw: string | null = null;
    try {
      raw = localStorage.getItem(key);
    } catch {
      raw = null;
    }
    if (raw === cachedRaw) return cached;
    cachedRaw = raw;
    try {
      const parsed: unknown = raw ? JSON.parse(raw) : [];
      cached = Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string').slice(0, max) : [];
    } catch {
      cached = [];
    }
    return cached;
  };
  const write = (ids: string[]) => {
    try {
      localStorage.setItem(key, JSON.stringify(ids.slice(0, max)));
    } catch {
      /* storage full or disabled: the list simply is not kept */
    }
    listeners.forEach((l) => l());
  };
  const subscribe = (l: () => void) => {
    listeners.add(l);
    const onStorage = (e: StorageEvent) => { if (e.key === key) l(); };
    window.addEventListener('storage', onStorage);
    return () => {
      listeners.delete(l);
      window.removeEventListener('storage', onStorage);
    };
  };

  return {
    max,
    get: read,
    set: write,
    /** Put the id first (most recent), dropping the oldest beyond max. */
    pushFront: (id: string) => write([id, ...read().filter((x) => x !== id)]),
    /** Append if there is room; false when the list is full. */
    add: (id: string): boolean => {
      const ids = read();
      if (ids.includes(id)) return true;
      if (ids.length >= max) return false;
      write([...ids, id]);
      return true;
    },
    remove: (id: string) => write(read().filter((x) => x !== id)),
    clear: () => write([]),
    useIds: () => useSyncExternalStore(subscribe, read, read),
  };
}

/** 加入对比: up to 4 products side by side. */
export const compareList = localIdList('dh.mall.compare', 4);
/** 最近浏览: the last 20 product pages opened. */
export const recentList = localIdList('dh.mall.recent', 20);
