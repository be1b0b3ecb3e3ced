import { catalogOf } from "./_catalog.ts";
import { entityPages } from "./_pages.ts";
import { homePage } from "./_home.ts";
import type { SiteInput } from "./_input.ts";
import { renderPage } from "./_layout.ts";
import { renderSearchIndex, SEARCH_INDEX_PATH, searchPage } from "./_search.ts";

/**
 * The whole site as files (site path → text), from the data alone: no clock, no machine locale, no
 * iteration over unordered sets, so the same input gives byte-identical pages. Static assets and the
 * downloads are added by `buildSite`.
 */
export function renderSite(input: SiteInput): Map<string, string> {
  const catalogs = input.collections.map(catalogOf);
  const pages = [
    homePage(catalogs),
    searchPage(catalogs.reduce((n, c) => n + c.dataset.quotes.length, 0)),
    ...catalogs.flatMap(entityPages),
  ];
  const files = new Map<string, string>();
  for (const page of pages) {
    if (files.has(page.path)) throw new Error(`two pages at ${page.path}`);
    files.set(page.path, renderPage(page));
  }
  files.set(SEARCH_INDEX_PATH, renderSearchIndex(catalogs));
  return files;
}
