import { describe, expect, it } from "vitest";
import type { QuoteMention } from "@parley/model";
import { extractMeetings, linkQuotesToMeetings } from "../src/meetings/index.ts";
import { REGISTRY, articleOf } from "./meetings-fixtures.ts";

const OPENING = "On October 7, 2025, Russia hosted the seventh round of the Moscow Format consultations on Afghanistan in Moscow.";
const ATTENDED = "Afghan Foreign Minister Amir Khan Muttaqi attended for the first time.";

/** Links the first quotation of the last paragraph, attributed to `speaker`. */
function linkOf(paragraphs: string[], speaker: string): string | null {
  const text = [OPENING, ...paragraphs].join("\n");
  const ctx = { article: articleOf(text, "2025-10"), registry: REGISTRY };
  const last = text.lastIndexOf("\n") + 1;
  const open = text.slice(last).search(/[“"]/) + last + 1;
  const close = text.slice(open).search(/[”"]/) + open;
  const quote: QuoteMention = {
    text: text.slice(open, close),
    span: { start: open, end: close },
    evidence: { start: last, end: text.length },
    speaker: { type: "person", name: speaker, role: null, country: null },
    meeting_key: null,
  };
  const [linked] = linkQuotesToMeetings([quote], extractMeetings(ctx), ctx);
  return linked?.meeting_key ?? null;
}

describe("a quote is linked to the meeting when its speaker attended and said it there", () => {
  it.each([
    ["an attendee in the meeting's narrative", [ATTENDED, "“I appreciate it and wish that all countries follow the same path,” Muttaqi said."], "Amir Khan Muttaqi", "meeting-1"],
    [
      "an attendee on the sidelines, to reporters",
      ["The Russian presidential envoy for Afghanistan, Zamir Kabulov, told reporters on the sidelines of the meeting that “this may become the basis for recognition.”"],
      "Zamir Kabulov",
      "meeting-1",
    ],
    ["a speaker who was not there", ["“We are trying to get it back, by the way,” President Donald Trump said."], "Donald Trump", null],
    [
      "an attendee in an interview",
      [ATTENDED, "“We are grateful to our hosts for this opportunity,” Muttaqi said in an interview with a local broadcaster."],
      "Amir Khan Muttaqi",
      null,
    ],
    [
      "an attendee speaking on social media, and his next quote in the paragraph",
      [
        "Pakistani Special Envoy Mohammad Sadiq Khan attended the consultations.",
        "Mohammad Sadiq Khan, speaking on social media and to WANA News Agency, summarized the consensus. He emphasized that participants “reaffirmed their enduring commitment to a stable Afghanistan.”",
      ],
      "Mohammad Sadiq Khan",
      null,
    ],
  ])("%s", (_case, paragraphs, speaker, expected) => {
    expect(linkOf(paragraphs, speaker)).toBe(expected);
  });

  it("a name inside a quotation is not an attendee", () => {
    const text = `${OPENING}\n“Sergey Lavrov is right about the sanctions and the frozen assets,” Zamir Kabulov said during the conference.`;
    const [meeting] = extractMeetings({ article: articleOf(text, "2025-10"), registry: REGISTRY });
    expect(meeting?.attendees.filter((a) => a.type === "person").map((a) => a.name)).toEqual(["Zamir Kabulov"]);
  });
});
