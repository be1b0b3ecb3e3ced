import { describe, expect, it } from "vitest";
import type { MeetingMention } from "@parley/model";
import { extractMeetings } from "../src/meetings/index.ts";
import { findDates } from "../src/meetings/_dates.ts";
import { REGISTRY, articleOf } from "./meetings-fixtures.ts";

// Rules found missing on held-out articles (packages/cli/test/fixtures/heldout-meetings), in news phrasing.
function meetingsOf(text: string, published: string): MeetingMention[] {
  return extractMeetings({ article: articleOf(text, published), registry: REGISTRY });
}
const people = (m: MeetingMention | undefined) => (m?.attendees ?? []).filter((a) => a.type === "person").map((a) => a.name);
const countries = (m: MeetingMention | undefined) => (m?.attendees ?? []).filter((a) => a.type === "country").map((a) => a.country);

describe("dates", () => {
  it("reads 'sat down' as a verb, not a Saturday", () => {
    const text = "When the foreign ministers sat down with a Taliban delegation in Almaty on 14.04.2026, the mood was businesslike.";
    expect(findDates(text, "2026-04-20").map((d) => d.date)).toEqual(["2026-04-14"]);
  });
});

describe("past meetings told in one clause", () => {
  it.each([
    [
      "The three Foreign Ministers recalled the fifth Dialogue held in Islamabad on 7 May 2025 and the informal trilateral meeting held in Beijing on 21 May 2025.",
      ["2025-05-07 Islamabad", "2025-05-21 Beijing"],
    ],
    ["In Termez on 23/09/2023, Uzbekistan hosted a conference on Afghan connectivity that produced few concrete results.", ["2023-09-23 Termez"]],
    ["The OIC last held an extraordinary ministerial meeting on Afghanistan in Islamabad in December 2021.", ["2021-12 Islamabad"]],
    // A year alone is too vague to be a meeting.
    ["The conference was first held in Tashkent in 2018.", []],
  ])("%s", (sentence, expected) => {
    const opening = "Foreign ministers met in an extraordinary session in Jeddah on Feb. 3 to discuss Afghanistan.";
    const found = meetingsOf(`${opening}\n${sentence}`, "2026-06-09").slice(1);
    expect(found.map((m) => `${m.date} ${m.city}`)).toEqual(expected);
  });
});

describe("who was there", () => {
  const opening = "Foreign ministers of the Organisation of Islamic Cooperation met in an extraordinary session in Jeddah on Feb. 3.";
  it.each([
    [
      "Pakistan's Deputy Prime Minister and Foreign Minister Ishaq Dar, Turkiye's Deputy Foreign Minister Nuh Yilmaz and Iran's Deputy Foreign Minister Kazem Gharibabadi addressed the session in person.",
      ["Ishaq Dar", "Nuh Yilmaz", "Kazem Gharibabadi"],
    ],
    [
      "Russian presidential envoy Zamir Kabulov, who was not in Jeddah, welcomed the outcome in comments to the TASS news agency.",
      [],
    ],
  ])("%s", (sentence, expected) => {
    expect(people(meetingsOf(`${opening}\n${sentence}`, "2026-02-09")[0])).toEqual(expected);
  });

  it.each([
    ["Indonesia, Malaysia, Egypt, Jordan and other member states were represented by their ambassadors in Jeddah.", ["SAU", "IDN", "MYS", "EGY", "JOR"]],
    ["Pakistan, a non-permanent member of the council, was represented by its ambassador.", ["SAU", "PAK"]],
    ["Afghanistan's seat remains vacant and no representative of the Taliban administration took part.", ["SAU"]],
  ])("%s", (sentence, expected) => {
    expect(countries(meetingsOf(`${opening}\n${sentence}`, "2026-02-09")[0])).toEqual(expected);
  });
});
