import { describe, expect, it } from "vitest";
import {
  attendeeId,
  foldName,
  foldedSurname,
  foldText,
  jaccard,
  meetingId,
  PartialDate,
  personId,
  quoteId,
  slugify,
  SourceFrontMatter,
  words,
} from "../src/index.ts";

describe("PartialDate", () => {
  it.each([
    ["2024", true],
    ["2024-10", true],
    ["2025-10-07", true],
    ["2024-02-29", true],
    ["2025-02-29", false],
    ["2025-13-45", false],
    ["2025-10-7", false],
    ["08/10/2025", false],
  ])("%s is %s", (value, valid) => {
    expect(PartialDate.safeParse(value).success).toBe(valid);
  });

  it("reads a bare year from YAML (a number) as a year-precision date", () => {
    const parsed = SourceFrontMatter.parse({ title: "T", publisher: "P", published: 2024 });
    expect(parsed.published).toBe("2024");
    expect(parsed.language).toBe("en");
  });
});

describe("IDs are derived from what identifies a row", () => {
  it.each([
    ["Maria Zakharova", "maria-zakharova"],
    ["Abbas Araghchi’s", "abbas-araghchis"],
    ["Hakan Fidan (Türkiye)", "hakan-fidan-turkiye"],
  ])("slugify(%s) = %s", (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  it("builds meeting, person and attendee IDs", () => {
    expect(meetingId("Doha Process", 3, "2024-06-30", "Doha")).toBe("meeting:doha-process:3");
    // Without a round the series may still be learned later: the key is the date first known and the city.
    expect(meetingId("Doha Process", null, "2024-06-30", "Doha")).toBe("meeting:2024-06-30:doha");
    expect(meetingId(null, null, "2024-06", null)).toBe("meeting:2024-06:unknown");
    expect(personId("Wang Yi")).toBe("person:wang-yi");
    expect(attendeeId("meeting:2024-06:doha", "person", "person:wang-yi")).toBe("meeting:2024-06:doha/person:wang-yi");
    expect(attendeeId("meeting:2024-06:doha", "country", "QAT")).toBe("meeting:2024-06:doha/country:qat");
  });

  it("gives a quote the same ID for the same speaker and text, another for another speaker", () => {
    const id = quoteId("person:wang-yi", "we will continue the talks");
    expect(id).toMatch(/^quote:[0-9a-f]{12}$/);
    expect(quoteId("person:wang-yi", "we will continue the talks")).toBe(id);
    expect(quoteId("person:abbas-araghchi", "we will continue the talks")).not.toBe(id);
  });
});

describe("text folding", () => {
  it.each([
    ["“We will continue the talks,” ", "we will continue the talks"],
    ["‘Dialogue’ is the only way…", "dialogue' is the only way"], // edge punctuation goes, inner stays
    ["  Neighbouring   STATES.  ", "neighbouring states"],
  ])("foldText(%s) = %s", (text, folded) => {
    expect(foldText(text)).toBe(folded);
  });

  it("measures word overlap", () => {
    expect(jaccard(words("the talks will continue"), words("The talks will continue!"))).toBe(1);
    expect(jaccard(words("a b c d"), words("a b e f"))).toBeCloseTo(2 / 6);
  });
});

describe("the one name fold", () => {
  it.each([
    ["Sergey Lavrov", "Sergei Lavrov"],
    ["Donald J. Trump", "Donald Trump"],
    ["Amir Khan Muttaqi", "amir khan muttaqi"],
    ["António Guterres", "Antonio Guterres"],
    ["Vassily Nebenzia", "Vasily Nebenzia"],
  ])("folds %s and %s to one name", (a, b) => {
    expect(foldName(a)).toBe(foldName(b));
  });

  it.each([
    ["Jane Roe", "John Roe"],
    ["Wang Yi", "Wang Yu"],
  ])("keeps %s and %s apart", (a, b) => {
    expect(foldName(a)).not.toBe(foldName(b));
    expect(foldName(a).length).toBeGreaterThan(0);
  });

  it("reads a surname with a possessive ending", () => {
    expect(foldedSurname("Araghchi’s")).toBe("araghchi");
    expect(foldedSurname("Abbas Araghchi")).toBe("araghchi");
  });
});
