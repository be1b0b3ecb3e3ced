import { ALL_TABLES, type AnyTableName, type Dataset, TABLE_NAMES } from "@parley/model";
import type { CollectionMeta } from "./_datapackage.ts";
import { tableSchemaOf } from "./_table-schema.ts";

// How a contract changed between majors: what a reader of the older files must change. Kept with the code that
// writes the files, so the changelog of the first release of a new major lists them.
const UPGRADE_NOTES: Array<{ fromMajor: number; note: string }> = [
  {
    fromMajor: 1,
    note: "Offsets (`evidence.start`/`end`, and the new `quote_sources.start`/`end`) count Unicode code points, as Python and R slice strings; 1.x counted UTF-16 code units, which drift after an emoji. Slice the article body (the source file after its front matter) with them.",
  },
  {
    fromMajor: 1,
    note: "Meeting IDs no longer change when a date is refined: new meetings get `meeting:<series>:<round>` or `meeting:<date>:<city>` (date first known); IDs published before are kept. `redirects.csv` lists every ID a release retired with its new ID; look an old ID up there.",
  },
  {
    fromMajor: 1,
    note: "`quotes.text` is the first source's exact wording (no trailing attribution comma); every source's wording and span is in the new `quote_sources` table. `kind`, `medium`, `said_on`, `translated` are new, empty when the text does not say.",
  },
  {
    fromMajor: 1,
    note: "`attendees.role` and `quotes.speaker_role` are the role as the article writes it (was the registry's): group roles with the new `role_key`/`speaker_role_key`. Dated roles are in the new `roles` table; `people.role` stays the registry's.",
  },
  {
    fromMajor: 1,
    note: "`attendees.participation` is as reported: `unknown` when the text does not say how the attendee took part (1.x wrote `in_person`); the new `basis` holds the words that say it.",
  },
  {
    fromMajor: 1,
    note: "`sources.publisher` and `sources.published` may be empty when not known (1.x wrote the text `unknown`): `unknown_fields` lists what is not known; `title_is_headline` is false for titles an editor wrote.",
  },
  {
    fromMajor: 1,
    note: "`evidence` gains `origin` (`source` or `curation`) and `field`: a curation row has no source and holds the curator's reason; `curated_fields` in each table lists the fields curation set.",
  },
];

export function upgradeNotes(previousVersion: string | null, version: string): string[] {
  if (previousVersion === null) return [];
  const from = Number(previousVersion.split(".")[0]);
  const to = Number(version.split(".")[0]);
  return from < to ? UPGRADE_NOTES.filter((n) => n.fromMajor >= from && n.fromMajor < to).map((n) => n.note) : [];
}

const LIMITATIONS = [
  "Rows are read from news articles by rules, not by people: a quote, meeting or attendee the rules miss is absent, and a wrong one is possible. Curated corrections are marked in `curated_fields` and in `evidence` (origin `curation`).",
  "`people` lists people the sources mention (speakers, attendees and others named), not only attendees.",
  "Roles are as the articles write them; `role_key` groups them by a controlled vocabulary (pipelines/registry/roles.yaml) and is empty when no entry fits.",
  "Participation, a quote's kind, medium and translation are filled only when the text says; empty or `unknown` means the article does not say, not that the answer is no.",
  "Dates are at the precision the sources support; a relative date ('Tuesday') in an article whose publication date is unknown stays unresolved.",
];

function fieldRows(table: AnyTableName): string[] {
  return tableSchemaOf(table).fields.map(
    (f) =>
      `| \`${f.name}\` | ${f.type}${f.constraints?.required ? ", required" : ""} | ${(f.description ?? "").replace(/\|/g, "\\|").replace(/\n/g, " ")} |`,
  );
}

/** The README.md of a version: what the data is, how it was made, the ID rules, limitations and how to cite. */
export function renderReadme(
  meta: CollectionMeta,
  version: string,
  created: string,
  dataset: Dataset,
  redirectCount: number,
): string {
  const missingUrl = dataset.sources.filter((s) => s.url === null).length;
  const unknownParticipation = dataset.attendees.filter((a) => a.participation === "unknown").length;
  const year = created.slice(0, 4);
  const lines = [
    `# ${meta.title} — version ${version}`,
    "",
    meta.description,
    "",
    `Released ${created.slice(0, 10)} under ${meta.license}. Made with Parley: every row names the sources it was read from, and the sentence that supports it is in \`evidence\`.`,
    "",
    "## What is here",
    "",
    "| table | rows | what one row is |",
    "|---|---:|---|",
    ...TABLE_NAMES.map((t) => `| \`${t}\` | ${dataset[t].length} | ${ALL_TABLES[t].description} |`),
    `| \`redirects\` | ${redirectCount} | ${ALL_TABLES.redirects.description} |`,
    "",
    "Each table is a CSV file (lists joined with `;`, empty cell = no value) and a JSON file (an array of the same records); `" +
      `${meta.name}.sqlite\` holds every table in one SQLite database (lists as JSON arrays). \`datapackage.json\` describes every field (Frictionless Data Package). \`SHA256SUMS\`: check a download with \`sha256sum -c SHA256SUMS\`.`,
    "",
    "## How it was made",
    "",
    "News articles about the meetings were saved as source files (front matter with what a citation needs, then the article text). Rules read each article once (sentences, people, places, dates), find meetings from phrases that tell something took place, attribute quotations to speakers, and merge what several articles report into one row. A curated registry (people, places, roles, institutions) and the collection's `curation.yaml` (corrections, each with a reason) complete what the text cannot settle.",
    "",
    "## IDs",
    "",
    "- `person:<name>` from the canonical name; `quote:<hash>` from the speaker and the folded words; attendees `<meeting_id>/<type>:<key>`; a source's ID is its file name.",
    "- Meetings: `meeting:<series>:<round>` when both are known, else `meeting:<date>:<city>` with the date first known. A published ID is kept when later sources refine a row.",
    "- An ID a release retires (merged, split, removed) is listed in `redirects.csv` with its new ID or the reason it was removed: an old link always resolves.",
    "- Offsets (`start`, `end`) count Unicode code points into the article body (the source file after its front matter, `\\n` line endings): `body[start:end]` in Python gives the text.",
    "",
    "## Known limitations",
    "",
    ...LIMITATIONS.map((l) => `- ${l}`),
    `- In this version ${missingUrl} of ${dataset.sources.length} sources have no known URL and ${unknownParticipation} of ${dataset.attendees.length} attendees have participation \`unknown\`.`,
    "",
    "## How to cite",
    "",
    `Parley contributors (${year}). *${meta.title}* (version ${version}) [Data set]. ${meta.license}. See CITATION.cff in the repository.`,
    "",
    "Cite the version you used: a version never changes once published.",
    "",
    "## Fields",
    "",
  ];
  for (const table of [...TABLE_NAMES, "redirects" as const]) {
    lines.push(
      `### ${table}`,
      "",
      ALL_TABLES[table].description,
      "",
      "| field | type | meaning |",
      "|---|---|---|",
      ...fieldRows(table),
      "",
    );
  }
  return `${lines.join("\n").trimEnd()}\n`;
}
