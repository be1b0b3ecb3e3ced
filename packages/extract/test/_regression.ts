import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import type { MeetingMention } from "@parley/model";
import { ingestSource } from "@parley/ingest";
import { extractMeetings } from "../src/meetings/index.ts";
import { REGISTRY } from "./meetings-fixtures.ts";

/** Team-written articles about meetings other than the seeds (a regression set, not a measure of generalisation: the rules were tuned on them). */
export const REGRESSION_DIR = fileURLToPath(new URL("./fixtures/regression-meetings/", import.meta.url));

export interface ExpectedMeeting {
  date: string;
  city: string;
  country: string;
  series: string | null;
  /** Country codes and person names the text places at the meeting. */
  attendees: string[];
  optional: string[];
  not_attendees: string[];
  /** Attendees who took part by video or in writing, not in person. */
  participation?: Record<string, "remote" | "written">;
}
export interface Expected {
  meetings: ExpectedMeeting[];
  optional_meetings: Array<{ date: string; city: string }>;
}

export const REGRESSION: Record<string, Expected> = JSON.parse(
  readFileSync(join(REGRESSION_DIR, "expected.json"), "utf8"),
);

export function regressionMeetings(file: string): MeetingMention[] {
  const path = join(REGRESSION_DIR, file);
  return extractMeetings({ article: ingestSource(path, readFileSync(path), REGISTRY), registry: REGISTRY }).meetings;
}

/** An attendee as the fixtures write it: a country code or a person's name. */
export const attendeeKey = (a: MeetingMention["attendees"][number]): string =>
  a.type === "country" ? (a.country ?? a.name) : a.name;

/** The found meeting matching an expected one: same city, same date at the expected precision. */
export const matching = <M extends { date: string; city: string | null }>(
  found: readonly M[],
  e: { date: string; city: string | null },
): M | undefined =>
  found.find((m) => m.city === e.city && m.date.slice(0, e.date.length) === e.date && m.date.length >= e.date.length);

/** Attendee precision and recall over every expected meeting (optional attendees neither count nor cost). */
export function measureRegression(): { meetings: number; found: number; tp: number; fp: number; fn: number } {
  let meetings = 0,
    found = 0,
    tp = 0,
    fp = 0,
    fn = 0;
  for (const [file, expected] of Object.entries(REGRESSION)) {
    const got = regressionMeetings(file);
    for (const e of expected.meetings) {
      meetings++;
      const m = matching(got, e);
      if (!m) {
        fn += e.attendees.length;
        continue;
      }
      found++;
      const keys = new Set(m.attendees.filter((a) => a.type !== "organization").map(attendeeKey));
      for (const k of keys)
        if (e.attendees.includes(k)) tp++;
        else if (!e.optional.includes(k)) fp++;
      for (const k of e.attendees) if (!keys.has(k)) fn++;
    }
  }
  return { meetings, found, tp, fp, fn };
}
