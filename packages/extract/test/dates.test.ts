import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { WORDS } from "../src/doc/_words.ts";
import { findDates, refinePublished } from "../src/doc/_dates.ts";

const eventDates = (text: string, published: string): string[] =>
  findDates(text, published)
    .filter((d) => !d.dateline)
    .map((d) => d.date);

describe("dates resolve against the publication date, at the precision it supports", () => {
  it.each([
    // An explicit month and day in a month-precision article: the day is stated.
    [
      "Russia hosted a high-level Taliban delegation in Moscow on Tuesday, October 7, issuing a strong warning.",
      "2025-10",
      ["2025-10-07"],
    ],
    [
      "On October 7, 2025, the diplomatic landscape of Central and South Asia shifted dramatically.",
      "2025-10",
      ["2025-10-07"],
    ],
    [
      "With the world’s eyes on Moscow, the October 7 meeting may well prove to be a turning point.",
      "2025-10",
      ["2025-10-07"],
    ],
    // A weekday: the most recent such day on or before a day-precision publication.
    [
      "Russia rolled out the red carpet for a delegation from Afghanistan's ruling Taliban government on Tuesday.",
      "2025-10-08",
      ["2025-10-07"],
    ],
    [
      "Russia hosted Taliban leaders for talks on regional security Friday as it seeks to forge ties.",
      "2023-09-29",
      ["2023-09-29"],
    ],
    ["Foreign ministers met in Tashkent on Friday to discuss transit routes.", "2025-10-07", ["2025-10-03"]],
    // A weekday in a month-precision article: only the month is known.
    ["Tuesday, during an international meeting on Afghanistan held in Moscow.", "2025-10", ["2025-10"]],
    ["Envoys met in Kabul last week to discuss transit.", "2025-10-08", ["2025-10"]],
    ["Envoys met in Kabul earlier this week to discuss transit.", "2025-10-08", ["2025-10"]],
    ["The talks ended yesterday in Doha.", "2025-10-08", ["2025-10-07"]],
    ["The talks ended yesterday in Doha.", "2025-10", ["2025-10"]],
    ["The meeting took place on 29 September in Kazan.", "2023-10-03", ["2023-09-29"]],
    // Relative months.
    ["Taliban Foreign Minister Amir Khan Muttaqi was invited to Moscow earlier this month.", "2024-10", ["2024-10"]],
    ["It was reported last month, the Taliban’s deputy prime minister sent a letter.", "2024-10", ["2024-09"]],
    // A month without a year lies in the past: March of this year, December of last year.
    ["The group claimed responsibility for the Crocus City Hall attack near Moscow, in March.", "2024-10", ["2024-03"]],
    ["Envoys last met in Doha in December.", "2024-10", ["2023-12"]],
    [
      "An unstated year that would land after publication steps back: talks on October 30.",
      "2025-10-08",
      ["2024-10-30"],
    ],
    ["The Moscow consultations were launched in 2017 based on a six-party mechanism.", "2025-10-08", ["2017"]],
    ["Its previous meeting took place in Moscow in November 2022.", "2023-08-21", ["2022-11"]],
    [
      "Since seizing power in August 2021, the group has enforced a strict interpretation of Islamic law.",
      "2025-10-08",
      ["2021-08"],
    ],
  ])("%s (published %s)", (text, published, expected) => {
    expect(eventDates(text, published)).toEqual(expected);
  });

  it.each([
    // Numeric datelines are day first: 08/10/2025 is 8 October.
    ["CaliToday (08/10/2025): Russia rolled out the red carpet for a delegation on Tuesday.", "2025-10", "2025-10-08"],
    ["KABUL, 03/11/2024 — The Taliban welcomed the decision.", "2024-11", "2024-11-03"],
    ["MOSCOW, Oct 4 (Reuters) - Russia hosted Taliban officials for talks on Friday.", "2025-10", "2025-10-04"],
    // A dateline that contradicts the publication month is not used.
    ["CaliToday (08/10/2025): Russia rolled out the red carpet.", "2025-09", "2025-09"],
    ["Russia hosted Taliban leaders for talks on regional security Friday.", "2023-09-29", "2023-09-29"],
  ])("dateline of %s refines publication %s", (text, published, expected) => {
    expect(refinePublished(text, published)).toBe(expected);
  });

  it("a dateline is not an event date", () => {
    const [dateline, event] = findDates(
      "CaliToday (08/10/2025): Russia rolled out the red carpet on Tuesday.",
      "2025-10-08",
    );
    expect(dateline).toMatchObject({ date: "2025-10-08", dateline: true });
    expect(event).toMatchObject({ date: "2025-10-07", dateline: false });
  });
});

// The parser runs only on sentences with a date cue (words.yaml `date_cues`): a word the parser's dictionaries hold
// that is missing from the cues would lose its dates without a sound. The dictionaries are chrono's own (its English
// constants, which the package does not export: read from its files).
const chronoEnglish = createRequire(import.meta.url)(
  join(dirname(createRequire(import.meta.url).resolve("chrono-node")), "locales/en/constants.js"),
) as Record<string, Record<string, unknown>>;

describe("the date cue is a whole word of the parser's dictionaries", () => {
  const words = [
    ...Object.keys(chronoEnglish.MONTH_DICTIONARY ?? {}),
    ...Object.keys(chronoEnglish.WEEKDAY_DICTIONARY ?? {}),
    // One letter ("5d", "3 h") is read with its number, which the digit cues do not see: left to "ago" and the like.
    ...Object.keys(chronoEnglish.TIME_UNIT_DICTIONARY ?? {}).filter((w) => w.length > 1),
    ...["now", "today", "tonight", "tomorrow", "overmorrow", "tmr", "tmrw", "yesterday", "ago", "weekend", "weekday"],
    ...["morning", "afternoon", "evening", "night", "midnight", "midday", "noon"],
  ].map((w) => w.replace(/\.$/, ""));

  it("lists chrono's time units (one letter aside) as the time units that choose the span-of-time parsers", () => {
    const units = Object.keys(chronoEnglish.TIME_UNIT_DICTIONARY ?? {}).filter((w) => w.length > 1);
    expect(units.length).toBeGreaterThan(20);
    expect([...WORDS.time_units].sort()).toEqual(units.sort());
  });

  it("holds every word of chrono's month, weekday and time-unit dictionaries and casual words", () => {
    expect(words.length).toBeGreaterThan(80);
    const missing = words.filter((w) => !WORDS.dateCue.test(`It was ${w} then.`));
    expect(missing).toEqual([]);
  });

  it.each([
    ["The talks were held on Dec. 5 in Doha.", true],
    ["The talks were held on Dec12 in Doha.", true],
    ["Two ministers met three days ago.", true],
    ["The envoys met over the weekend.", true],
    ["The minister decided to sign the security agreement.", false],
    ["Friends of the secretary said the ministry was maybe ready.", false],
    ["The deputy ministers of Iran and Pakistan attended.", false],
  ])("%s → cued: %s", (sentence, cued) => {
    expect(WORDS.dateCue.test(sentence)).toBe(cued);
  });
});
