import { describe, expect, it } from "vitest";
import { attendeeKey, matching, UNSEEN, unseenMeetings } from "./_unseen.ts";

// Articles about other meetings than the seeds, in several outlets' styles: the rules must generalize.
const cases = Object.entries(UNSEEN).flatMap(([file, expected]) => expected.meetings.map((meeting) => ({ file, expected, meeting })));

describe("meetings in unseen articles", () => {
  it.each(cases)("$file: the meeting in $meeting.city on $meeting.date", ({ file, meeting }) => {
    const found = matching(unseenMeetings(file), meeting);
    expect(found).toBeDefined();
    expect({ country: found?.country, series: found?.series }).toEqual({ country: meeting.country, series: meeting.series });
  });

  it.each(cases)("$file: who the text places in $meeting.city, and no one else", ({ file, meeting }) => {
    const found = matching(unseenMeetings(file), meeting);
    const keys = (found?.attendees ?? []).filter((a) => a.type !== "organization").map(attendeeKey);
    const extra = keys.filter((k) => !meeting.attendees.includes(k) && !meeting.optional.includes(k));
    const missed = meeting.attendees.filter((k) => !keys.includes(k));
    expect({ extra, missed }).toEqual({ extra: [], missed: [] });
    for (const k of meeting.not_attendees) expect(keys).not.toContain(k);
    for (const a of found?.attendees ?? []) expect([attendeeKey(a), a.participation]).toEqual([attendeeKey(a), meeting.participation?.[attendeeKey(a)] ?? "in_person"]);
  });

  it.each(Object.entries(UNSEEN))("%s: no meeting the text does not report", (file, expected) => {
    const reported = [...expected.meetings, ...expected.optional_meetings];
    const extra = unseenMeetings(file).filter((m) => !reported.some((e) => matching([m], e)));
    expect(extra.map((m) => `${m.city} ${m.date}`)).toEqual([]);
  });
});
