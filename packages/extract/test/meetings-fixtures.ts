import type { Article } from "@parley/model";
import type { Registry } from "@parley/registry";
import { gold, registry, seedArticles, SOURCES, textArticle } from "./_gold.ts";

// One loader of the seeds for both halves' tests: see _gold.ts.
export const SOURCES_DIR = SOURCES;
export const REGISTRY: Registry = registry;
export { seedArticles };
/** The gold annotations of the seeds (what a careful human reads out of them). */
export function seedGold(): unknown {
  return gold;
}

/** An article made of real sentences, published on `published`, for rule tests. */
export function articleOf(text: string, published: string): Article {
  return { ...textArticle(text, "test"), published };
}
