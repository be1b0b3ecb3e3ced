export { buildSite, type BuildOptions, type BuildResult } from "./_build.ts";
export { loadSiteInput, type LoadOptions, type Downloads } from "./_load.ts";
export { renderSite } from "./_site.ts";
export {
  CatalogIndex,
  CURRENT,
  type SiteInput,
  type SiteCollection,
  type SiteVersion,
  type SiteFile,
} from "./_input.ts";
export { CONTENT_SECURITY_POLICY } from "./_layout.ts";
export { SEARCH_INDEX_PATH, SEARCH_ENGINE_PATH, type SearchData } from "./_search.ts";
export { slugOf } from "./_paths.ts";
