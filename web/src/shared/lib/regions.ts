import type { Region } from '../api/types';

export interface RegionNode {
  label: string;
  value: string;
  children?: RegionNode[];
}

/** The flat `{ id, parentId }` list as a tree for cascaders. */
export function regionTree(regions: Region[]): RegionNode[] {
  const byParent = new Map<string | null, Region[]>();
  for (const r of regions) {
    const key = r.parentId ?? null;
    byParent.set(key, [...(byParent.get(key) ?? []), r]);
  }
  const ids = new Set(regions.map((r) => r.id));
  const node = (r: Region): RegionNode => {
    const children = (byParent.get(r.id) ?? []).map(node);
    return { label: r.name, value: r.id, ...(children.length ? { children } : {}) };
  };
  // roots: no parent, or a parent that is not in the list
  return regions.filter((r) => !r.parentId || !ids.has(r.parentId)).map(node);
}

/** Ids from the root down to `id` (what a cascader wants as its value). */
export function regionPath(regions: Region[], id: string | null | undefined): string[] {
  const byId = new Map(regions.map((r) => [r.id, r]));
  const path: string[] = [];
  let current = id ? byId.get(id) : undefined;
  while (current && path.length < 10) {
    path.unshift(current.id);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return path;
}

/** Names from the root down, e.g. "广东省 深圳市 南山区". */
export function regionText(regions: Region[], id: string | null | undefined): string {
  const byId = new Map(regions.map((r) => [r.id, r]));
  return regionPath(regions, id).map((i) => byId.get(i)?.name ?? '').join(' ');
}

/**
 * The `regionText` an address stores: the picked region's path, else what was typed.
 * Sales areas above the administrative divisions (codes like `EAST` rather than 6-digit division codes)
 * are left out: a parcel goes to "上海市 …", not "华东 上海市 …".
 */
export function addressRegionText(regions: Region[], v: { regionId?: string | null; regionText?: string }): string {
  if (!v.regionId) return (v.regionText ?? '').trim();
  const byId = new Map(regions.map((r) => [r.id, r]));
  const path = regionPath(regions, v.regionId).map((id) => byId.get(id) as Region);
  const postal = path.filter((r) => !r.code || /^\d+$/.test(r.code));
  return (postal.length > 0 ? postal : path).map((r) => r.name).join(' ');
}
