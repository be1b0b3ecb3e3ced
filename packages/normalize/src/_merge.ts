import { foldText, jaccard, words } from "@parley/model";

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

// British and American spellings fold together so "neighbouring" and "neighboring" are one quote.
function foldSpelling(word: string): string {
  return word
    .replace(/our(s|ed|ing|hood)?$/, "or$1")
    .replace(/is(e|ed|es|ing|ation|ations)$/, "iz$1")
    .replace(/([^aeiou])ll(ed|ing)$/, "$1l$2");
}

/** The words of a quote as compared for merging. */
export function quoteWords(text: string): string[] {
  return words(text).map(foldSpelling);
}

const ELLIPSIS = /\u2026|\.{3}|\[\s*\.*\s*\]/;

// An elided quote ("… is categorically unacceptable") matches when each of its parts stands, in order, in the other.
function elidedWithin(elided: string, full: string): boolean {
  const parts = elided.split(ELLIPSIS).map((p) => quoteWords(p).join(" ")).filter((p) => p.length > 0);
  if (parts.length < 2) return false;
  const haystack = quoteWords(full).join(" ");
  let from = 0;
  for (const part of parts) {
    const at = haystack.indexOf(part, from);
    if (at < 0) return false;
    from = at + part.length;
  }
  return true;
}

/** A quote matches another when one contains the other (elisions allowed) or their word overlap is at least 0.8. */
export function quotesMatch(a: string, b: string): boolean {
  const wa = quoteWords(a);
  const wb = quoteWords(b);
  const ja = wa.join(" ");
  const jb = wb.join(" ");
  if (ja.length > 0 && jb.length > 0 && (ja.includes(jb) || jb.includes(ja))) return true;
  if (elidedWithin(a, b) || elidedWithin(b, a)) return true;
  return jaccard(wa, wb) >= 0.8;
}

/** Folded key of a quote's text, as used for its ID. */
export function quoteKey(text: string): string {
  return quoteWords(foldText(text)).join(" ");
}

/**
 * Groups items into clusters with union-find, comparing only items inside the same block.
 * Blocks keep the work near-linear: never all pairs of a large collection.
 */
export function clusterWithinBlocks<T>(
  items: readonly T[],
  blockKeys: (item: T) => string[],
  same: (a: T, b: T) => boolean,
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
    for (const key of blockKeys(item)) blocks.set(key, [...(blocks.get(key) ?? []), i]);
  });
  for (const members of blocks.values()) {
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
    clusters.set(root, [...(clusters.get(root) ?? []), item]);
  });
  return [...clusters.values()];
}
