/** Whether making `parentId` the parent of `id` would put `id` below itself. `parents` maps every category to its parent. */
export function wouldCycle(parents: ReadonlyMap<string, string | null>, id: string, parentId: string | null): boolean {
  const seen = new Set<string>();
  for (let cur = parentId; cur; cur = parents.get(cur) ?? null) {
    if (cur === id || seen.has(cur)) return true;
    seen.add(cur);
  }
  return false;
}

/** `id` and every category below it. */
export function descendantsOf(parents: ReadonlyMap<string, string | null>, id: string): string[] {
  const children = new Map<string, string[]>();
  for (const [c, p] of parents) if (p) children.set(p, [...(children.get(p) ?? []), c]);
  const out: string[] = [];
  const stack = [id];
  while (stack.length) {
    const cur = stack.pop()!;
    if (out.includes(cur)) continue;
    out.push(cur);
    stack.push(...(children.get(cur) ?? []));
  }
  return out;
}
