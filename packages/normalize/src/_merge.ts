/** Two partial dates agree when one is a prefix of the other ("2024-10" and "2024-10-15"). */
export function datesAgree(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

export function moreSpecificDate(a: string, b: string): string {
  return a.length >= b.length ? a : b;
}

export function sameOrUnknown<T>(a: T | null, b: T | null): boolean {
  return a === null || b === null || a === b;
}

/**
 * Groups items into clusters with union-find, comparing only items inside the same block.
 * Blocks keep the work near-linear: never all pairs of a large collection. A block holding more than
 * `maxBlock` items is skipped: a key that common says nothing about which items are the same, and its
 * members still meet through their rarer keys.
 */
export function clusterWithinBlocks<T>(
  items: readonly T[],
  blockKeys: (item: T) => string[],
  same: (a: T, b: T) => boolean,
  maxBlock = Number.POSITIVE_INFINITY,
): T[][] {
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      const p = parent[i] ?? i;
      parent[i] = parent[p] ?? p;
      i = p;
    }
    return i;
  };
  const blocks = new Map<string, number[]>();
  items.forEach((item, i) => {
    for (const key of blockKeys(item)) {
      const members = blocks.get(key);
      if (members) members.push(i);
      else blocks.set(key, [i]);
    }
  });
  for (const members of blocks.values()) {
    if (members.length > maxBlock) continue;
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const i = members[x] ?? 0;
        const j = members[y] ?? 0;
        const ri = find(i);
        const rj = find(j);
        if (ri !== rj && same(items[i] as T, items[j] as T)) parent[Math.max(ri, rj)] = Math.min(ri, rj);
      }
    }
  }
  const clusters = new Map<number, T[]>();
  items.forEach((item, i) => {
    const root = find(i);
    const cluster = clusters.get(root);
    if (cluster) cluster.push(item);
    else clusters.set(root, [item]);
  });
  return [...clusters.values()];
}
