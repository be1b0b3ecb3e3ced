import { describe, expect, it } from "vitest";
import { extractArticle } from "../src/index.ts";
import { registry, textArticle } from "./_gold.ts";

const meetingsOf = (text: string) => extractArticle(textArticle(text, "frames"), registry).meetings;

// Meeting frames on one sentence: [text, the city of the one meeting, its attendees as `type:name`].
const FRAMES: Array<[string, string, string[]]> = [
  // "between A and B": the parties, whoever they are; a city among them stands for its government, not the venue.
  [
    "Talks between Jane Roe and John Doe were held in Canberra on Monday, officials said.",
    "Canberra",
    ["person:Jane Roe", "person:John Doe"],
  ],
  [
    "Talks between New Zealand and Chile were held in Canberra on Monday, officials said.",
    "Canberra",
    ["country:New Zealand", "country:Chile"],
  ],
  ["Talks between Moscow and Kyiv were held in Istanbul on Monday.", "Istanbul", []],
  // Who reports the talks, named with an aside before the speech verb, did not take part in them.
  [
    "Jane Roe, a spokeswoman for the ministry, said the talks between Chile and Peru were held in Geneva on Monday.",
    "Geneva",
    ["country:Chile", "country:Peru"],
  ],
  [
    "Chile and Peru held talks in Geneva on Monday, Jane Roe, a spokeswoman for the ministry, said.",
    "Geneva",
    ["country:Chile", "country:Peru"],
  ],
  // A city as the subject of the trigger, or before the meeting noun, when no "in X" says otherwise.
  ["Last year Seoul had held the summit.", "Seoul", []],
  [
    "Kazakh Foreign Minister Mukhtar Tileuberdi hosted his Uzbek counterpart in Astana on 3 May 2023.",
    "Astana",
    ["person:Mukhtar Tileuberdi", "country:Uzbekistan", "country:Kazakhstan"],
  ],
];

describe("meeting frames: place and parties from the sentence", () => {
  it.each(FRAMES)("%s", (text, city, attendees) => {
    const meetings = meetingsOf(text);
    expect(meetings.map((m) => m.city)).toEqual([city]);
    expect(meetings[0]?.attendees.map((a) => `${a.type}:${a.name}`)).toEqual(attendees);
  });
});
