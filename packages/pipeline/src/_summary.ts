import { type Dataset, TABLE_NAMES } from "@parley/model";
import type { ArticleSummary } from "./_article.ts";
import type { Changes } from "./_stages.ts";

export interface BuildSummary {
  sources: number;
  /** Rows extraction found but did not publish (their warnings say which; build/review.csv lists them). */
  held_for_review?: number;
  /** Where a build that writes a build folder listed them. */
  review_file?: string;
  rows: Record<string, number>;
  boilerplate_chars_removed: number;
  warnings: string[];
  /** Rows added, removed and changed per table against the dataset that was there before; null on a first build. */
  changes?: Changes;
}

export function summarize(result: {
  articles: readonly ArticleSummary[];
  dataset: Dataset;
  curationWarnings?: readonly string[];
}): BuildSummary {
  const warnings = result.articles.flatMap((a) => a.warnings.map((w) => `${a.source.source_id}: ${w}`));
  warnings.push(...(result.curationWarnings ?? []));
  for (const a of result.articles) {
    if (a.quotes === 0 && a.meetings === 0) warnings.push(`${a.source.source_id}: no quote and no meeting found`);
  }
  return {
    sources: result.articles.length,
    held_for_review: result.articles.reduce((n, a) => n + a.held, 0),
    rows: Object.fromEntries(TABLE_NAMES.map((t) => [t, result.dataset[t].length])),
    boilerplate_chars_removed: result.articles.reduce(
      (n, a) => n + a.source.removed.reduce((m, c) => m + c.chars, 0),
      0,
    ),
    warnings,
  };
}

export function formatSummary(summary: BuildSummary, destination: string): string {
  // Table names in one column, however long the longest ("quote_sources").
  const width = Math.max(10, ...Object.keys(summary.rows).map((t) => t.length));
  const rows = Object.entries(summary.rows)
    .map(([table, n]) => `  ${table.padEnd(width)} ${String(n).padStart(6)}`)
    .join("\n");
  const warnings = summary.warnings.length === 0 ? "  none" : summary.warnings.map((w) => `  - ${w}`).join("\n");
  const changes = summary.changes;
  const changeLines =
    changes === undefined
      ? []
      : changes === null
        ? ["Changes: first build of this dataset"]
        : [
            "Changes against the previous build:",
            ...Object.entries(changes).map(([t, c]) =>
              c.added + c.removed + c.changed === 0
                ? `  ${t.padEnd(width)} unchanged`
                : `  ${t.padEnd(width)} +${c.added} -${c.removed} ~${c.changed}`,
            ),
          ];
  return [
    `Built ${destination}`,
    `  sources read: ${summary.sources} (boilerplate removed: ${summary.boilerplate_chars_removed} characters)`,
    "Rows per table:",
    rows,
    ...changeLines,
    ...(summary.held_for_review
      ? [
          `Held for review (not published; the text does not support them with confidence): ${summary.held_for_review} row(s), each in the warnings below${summary.review_file ? ` and in ${summary.review_file}` : ""}`,
        ]
      : []),
    `Warnings (${summary.warnings.length}):`,
    warnings,
  ].join("\n");
}
