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

/** The `regionText` an address stores: the picked region's path, else what was typed. */
export function addressRegionText(regions: Region[], v: { regionId?: string | null; regionText?: string }): string {
  return v.regionId ? regionText(regions, v.regionId) : (v.regionText ?? '').trim();
}
