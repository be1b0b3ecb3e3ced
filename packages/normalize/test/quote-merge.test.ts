import { describe, expect, it } from "vitest";
import { quoteShape, shapesMatch } from "@parley/model";
import { clusterWithinBlocks } from "../src/_merge.ts";

// The merge compares prepared shapes; quotesMatch keeps its own rules for elided quotes.
const quotesMatch = (a: string, b: string): boolean => shapesMatch(quoteShape(a), quoteShape(b));

describe("shapesMatch", () => {
  it.each([
    [
      "a partial quote inside the full one",
      "We are ready to work with everyone",
      "We are ready to work with everyone who wants peace in the region",
      true,
    ],
    [
      "British and American spelling",
      "Our neighbouring states deserve stability and calm",
      "Our neighboring states deserve stability and calm",
      true,
    ],
    [
      "statements that differ in a number",
      "Inflation will fall to 4 percent by the end of the year",
      "Inflation will fall to 40 percent by the end of the year",
      false,
    ],
    ["a word that only starts the same", "we act", "we acted together with our partners at the summit", false],
    [
      "different statements",
      "The sanctions must be lifted",
      "The talks will continue next month in the capital",
      false,
    ],
  ])("%s", (_what, a, b, same) => {
    expect(quotesMatch(a, b)).toBe(same);
    expect(quotesMatch(b, a)).toBe(same);
  });
});

describe("clusterWithinBlocks", () => {
  it("skips a block larger than the cap but still joins items through their other keys", () => {
    const items = Array.from({ length: 50 }, (_, i) => ({ id: i, common: "shared", own: `pair-${Math.floor(i / 2)}` }));
    let compared = 0;
    const clusters = clusterWithinBlocks(
      items,
      (item) => [item.common, item.own],
      (a, b) => {
        compared++;
        return a.own === b.own;
      },
      10,
    );
    expect(clusters).toHaveLength(25);
    expect(compared).toBe(25);
  });

  it("compares every pair of a block within the cap", () => {
    const items = ["a", "b", "c", "d"];
    let compared = 0;
    const clusters = clusterWithinBlocks(
      items,
      () => ["one block"],
      () => (compared++, false),
      10,
    );
    expect(clusters).toHaveLength(4);
    expect(compared).toBe(6);
  });
});
