import { describe, expect, it } from "vitest";
import type { Dataset, EvidenceRecord, QuoteRecord } from "@parley/model";
import { diffDatasets } from "@parley/diff";
import { excerpt, MAX_LISTED, renderChangeSummary } from "../src/index.ts";

const MEETING = "meeting:moscow-format:2023-09-29:kazan";
const KAZAN_SENTENCE =
  '"For our part, we will continue to develop multifaceted contacts with Afghanistan," Russian Foreign Minister Sergei Lavrov said in a written greeting to participants of the talks, held in the city of Kazan.';
const REPEATED_SENTENCE =
  "In a written greeting read out to the participants, Russian Foreign Minister Sergei Lavrov said Moscow would “continue to develop multifaceted contacts with Afghanistan” and called on the Taliban authorities to step up the fight against terrorism and drug production.";
const NEW_SENTENCE =
  'In his comments, Lavrov criticized the U.S. withdrawal as a "complete fiasco" and said he hoped the West would never return to Afghanistan or its neighbors.';

const quote = (id: string, text: string, sources: string[]): QuoteRecord => ({
  quote_id: id,
  text,
  kind: null,
  medium: null,
  said_on: null,
  translated: null,
  curated_fields: [],
  speaker_type: "person",
  speaker_id: "person:sergey-lavrov",
  speaker_name: "Sergey Lavrov",
  speaker_role: "Foreign Minister",
  speaker_role_key: null,
  speaker_country: "RUS",
  meeting_id: MEETING,
  source_ids: sources,
});
const evidence = (
  recordType: EvidenceRecord["record_type"],
  id: string,
  source: string,
  sentence: string,
  start = 0,
): EvidenceRecord => ({
  origin: "source",
  field: null,
  record_type: recordType,
  record_id: id,
  source_id: source,
  start,
  end: start + sentence.length,
  sentence,
});

const before: Dataset = {
  sources: [
    {
      source_id: "003_96bfffb7ac8232e6",
      title: "Russia hosts Taliban for talks on regional security in Kazan",
      publisher: "The Moscow Times",
      url: null,
      published: "2023-09-29",
      language: "en",
      title_is_headline: true,
      unknown_fields: [],
      retrieved: null,
      curated_fields: [],
      sha256: "a".repeat(64),
    },
  ],
  meetings: [
    {
      meeting_id: MEETING,
      name: "Moscow Format consultations on Afghanistan",
      curated_fields: [],
      series: "moscow-format",
      round: 5,
      date: "2023-09-29",
      city: "Kazan",
      country: "RUS",
      source_ids: ["003_96bfffb7ac8232e6"],
      confidence: null,
    },
  ],
  attendees: [],
  quotes: [
    quote("quote:111111111111", "For our part, we will continue to develop multifaceted contacts with Afghanistan,", [
      "003_96bfffb7ac8232e6",
    ]),
    quote("quote:999999999999", "A quote the extractor no longer finds in the article.", ["003_96bfffb7ac8232e6"]),
  ],
  people: [],
  quote_sources: [],
  roles: [],
  evidence: [evidence("quote", "quote:111111111111", "003_96bfffb7ac8232e6", KAZAN_SENTENCE)],
};

const after: Dataset = {
  ...before,
  sources: [
    ...before.sources,
    {
      source_id: "005_0123456789abcdef",
      title: "Kazan hosts Moscow Format talks on Afghanistan",
      publisher: "Steppe Post",
      url: "https://steppepost.example/news/20923",
      published: "2023-09-29",
      language: "en",
      title_is_headline: true,
      unknown_fields: [],
      retrieved: null,
      curated_fields: [],
      sha256: "b".repeat(64),
    },
  ],
  attendees: [
    {
      attendee_id: `${MEETING}/country:kaz`,
      meeting_id: MEETING,
      role_key: null,
      curated_fields: [],
      attendee_type: "country",
      person_id: null,
      name: "Kazakhstan",
      role: null,
      country: "KAZ",
      basis: null,
      participation: "in_person",
      source_ids: ["005_0123456789abcdef"],
      confidence: null,
    },
  ],
  quotes: [
    quote("quote:111111111111", "For our part, we will continue to develop multifaceted contacts with Afghanistan,", [
      "003_96bfffb7ac8232e6",
      "005_0123456789abcdef",
    ]),
    quote("quote:222222222222", "complete fiasco", ["005_0123456789abcdef"]),
  ],
  quote_sources: [],
  roles: [],
  evidence: [
    ...before.evidence,
    evidence("quote", "quote:222222222222", "005_0123456789abcdef", NEW_SENTENCE, 120),
    evidence("quote", "quote:111111111111", "005_0123456789abcdef", REPEATED_SENTENCE, 40),
    evidence(
      "attendee",
      `${MEETING}/country:kaz`,
      "005_0123456789abcdef",
      "Envoys from China, India, Iran, Pakistan, Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan took part in the talks.",
    ),
  ],
};

describe("renderChangeSummary", () => {
  const summary = renderChangeSummary({
    collection: "moscow-format",
    baseVersion: "1.0.0",
    change: { before, after, diff: diffDatasets(before, after) },
    errors: [],
    warnings: [],
  });

  it("counts rows added, changed and removed per table against the release", () => {
    expect(summary).toContain("Compared with release 1.0.0.");
    expect(summary).toContain("| sources | 1 | 0 | 0 | 2 |");
    expect(summary).toContain("| attendees | 1 | 0 | 0 | 1 |");
    expect(summary).toContain("| quotes | 1 | 1 | 1 | 2 |");
    expect(summary).toContain("| evidence | 3 | 0 | 0 | 4 |");
  });

  it("lists each new quote with its speaker and the sentence it came from", () => {
    const lines = summary.split("\n");
    const at = lines.indexOf(
      "- **Sergey Lavrov** (Foreign Minister, RUS) at Moscow Format consultations on Afghanistan: “complete fiasco”",
    );
    expect(at).toBeGreaterThan(lines.indexOf("### New quotes (1)"));
    expect(lines[at + 1]).toBe(
      '  > In his comments, Lavrov criticized the U.S. withdrawal as a "complete fiasco" and said he hoped the West would never return to Afghanistan or its neighbors. (`005_0123456789abcdef`)',
    );
  });

  it("lists new sources, and new attendees with their evidence", () => {
    expect(summary).toContain(
      "### New sources (1)\n\n- `005_0123456789abcdef` **Kazan hosts Moscow Format talks on Afghanistan**, Steppe Post, 2023-09-29, <https://steppepost.example/news/20923>\n",
    );
    expect(summary).toContain(
      "- **Kazakhstan** (country, KAZ, in\\_person) at Moscow Format consultations on Afghanistan\n  > Envoys from China, India, Iran, Pakistan, Kazakhstan",
    );
  });

  it("shows a known quote that the new article repeats with the new source's sentence", () => {
    expect(summary).toContain(
      "### Changed rows (1)\n\n- quotes: **Sergey Lavrov** (Foreign Minister, RUS) at Moscow Format consultations on Afghanistan: “For our part, we will continue to develop multifaceted contacts with Afghanistan,” — changed: `source_ids` (+`005_0123456789abcdef`)\n" +
        `  > ${REPEATED_SENTENCE} (\`005_0123456789abcdef\`)\n`,
    );
  });

  it("names removed rows by what they said", () => {
    expect(summary).toContain(
      "### Removed rows (1)\n\n- quotes: **Sergey Lavrov** (Foreign Minister, RUS) at Moscow Format consultations on Afghanistan: “A quote the extractor no longer finds in the article.”\n",
    );
  });

  it("says when there is no release yet", () => {
    const first = renderChangeSummary({
      collection: "moscow-format",
      baseVersion: null,
      change: { before: null, after, diff: diffDatasets(null, after) },
      errors: [],
      warnings: [],
    });
    expect(first).toContain("Compared with: no release yet, so every row is new.");
    expect(first).toContain("| quotes | 2 | 0 | 0 | 2 |");
  });

  it("shows article text as text: no Markdown, HTML or @-mentions from a source reach the comment", () => {
    const hostile: Dataset = {
      ...after,
      quotes: [
        quote("quote:333333333333", "<img src=x onerror=alert(1)> **loud** @everyone [link](http://x)", [
          "005_0123456789abcdef",
        ]),
      ],
      evidence: [],
    };
    const text = renderChangeSummary({
      collection: "c",
      baseVersion: null,
      change: { before: null, after: hostile, diff: diffDatasets(null, hostile) },
      errors: [],
      warnings: [],
    });
    expect(text).toContain("“\\<img src=x onerror=alert(1)\\> \\*\\*loud\\*\\* &#64;everyone \\[link\\](http://x)”");
    expect(text).toContain("  > no evidence sentence: this row is not backed by the text of a source");
  });

  it("caps long lists so the comment fits on a pull request", () => {
    const many: Dataset = {
      ...after,
      quotes: Array.from({ length: MAX_LISTED + 5 }, (_, i) =>
        quote(`quote:${String(i).padStart(12, "0")}`, `Quote number ${i} of a long article.`, ["005_0123456789abcdef"]),
      ),
    };
    const text = renderChangeSummary({
      collection: "c",
      baseVersion: null,
      change: { before: null, after: many, diff: diffDatasets(null, many) },
      errors: [],
      warnings: [],
    });
    expect(text).toContain(`### New quotes (${MAX_LISTED + 5})`);
    expect(text).toContain("- … and 5 more");
  });

  it("lists the problems and says the dataset was not built when the check failed", () => {
    const text = renderChangeSummary({
      collection: "moscow-format",
      baseVersion: null,
      change: null,
      errors: [
        {
          file: "pipelines/moscow-format/sources/005_0123456789abcdef.md",
          line: 4,
          message: "'published' is marked MISSING: it was not found in the article",
          fix: "write the date",
          severity: "error",
        },
      ],
      warnings: [],
    });
    expect(text).toContain("❌ 1 problem(s) must be fixed before this can be merged.");
    expect(text).toContain(
      "```\npipelines/moscow-format/sources/005_0123456789abcdef.md:4: 'published' is marked MISSING: it was not found in the article — write the date\n```",
    );
    expect(text).toContain("The dataset was not built");
  });
});

describe("excerpt", () => {
  const paragraph =
    "While much of the meeting took place behind closed doors, by all accounts, it was a diplomatic success for the Taliban. For one, the Russian government announced that a decision had been “taken at the highest level” to remove the Taliban from the national list of terrorist organizations. “The decision needs to be followed up with various legal procedures in order to make it a reality,” Zamir Kabulov, Russia’s special representative on Afghanistan, said during the conference.";

  it.each([
    ["a short passage whole", paragraph, "anything", 1000, paragraph],
    [
      "a long passage around the quote",
      paragraph,
      "The decision needs to be followed up with various legal procedures",
      120,
      "…of terrorist organizations. “The decision needs to be followed up with various legal procedures in order to make it a…",
    ],
    [
      "the start when the quote is not found",
      paragraph,
      "words not in it",
      40,
      "While much of the meeting took place be…",
    ],
  ])("%s", (_, sentence, focus, max, expected) => {
    const cut = excerpt(sentence, focus, max);
    expect(cut).toBe(expected);
    expect(cut.length).toBeLessThanOrEqual(max + 2);
  });
});
