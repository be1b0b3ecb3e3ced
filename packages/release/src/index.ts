export { type Bump, bumpVersion, compareVersions, isVersion, latestVersion } from "./_semver.ts";
export { proposeBump, type Proposal, type SchemaChanges } from "./_bump.ts";
export { tableSchemaOf, diffSchemas, type TableSchema, type TableSchemaField } from "./_table-schema.ts";
export { dataPackageOf, sqliteFileName, type CollectionMeta } from "./_datapackage.ts";
export {
  renderSha256Sums,
  parseSha256Sums,
  verifyVersionFolder,
  verifyPublishedVersions,
  findPublishedVersions,
  sha256Hex,
  SUMS_FILE,
} from "./_checksums.ts";
export { renderSqlite } from "./_sqlite.ts";
export {
  renderDiff,
  renderSummary,
  labeller,
  changelogEntry,
  addChangelogEntry,
  type ChangelogInput,
} from "./_changelog.ts";
export { retire, resolveRedirect } from "./_redirects.ts";
export { renderReadme, upgradeNotes } from "./_readme.ts";
export { scanIndex, renderIndex, type IndexCollection, type IndexVersion, type IndexFile } from "./_index.ts";
export { keepPreviousIds, isShortenedWording, type Renamed } from "./_continuity.ts";
export {
  publishRelease,
  planRelease,
  latestRelease,
  readRelease,
  syncCatalog,
  refuseForeignDatasetsRoot,
  CHANGELOG_FILE,
  REDIRECTS_FILE,
  README_FILE,
  INDEX_FILE,
  type ReleaseOptions,
  type ReleaseResult,
  type ReleasePlan,
  type PublishedRelease,
} from "./_release.ts";
