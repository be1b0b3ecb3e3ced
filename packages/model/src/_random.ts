/**
 * A seeded random source (mulberry32): the same seed gives the same numbers on every machine, so a generated corpus,
 * a shuffled order or a property test's failing case can be made again from its seed. For tests and benches, never
 * for anything published.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
