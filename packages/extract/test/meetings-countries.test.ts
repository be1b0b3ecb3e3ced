import { describe, expect, it } from "vitest";
import { countryList } from "../src/meetings/_attendees.ts";
import { CountryLexicon } from "../src/text/index.ts";
import { REGISTRY } from "./meetings-fixtures.ts";

const lexicon = new CountryLexicon(REGISTRY);

describe("country names and demonyms map to ISO alpha-3", () => {
  it.each([
    ["Afghan", "AFG"],
    ["Pakistani", "PAK"],
    ["Russian", "RUS"],
    ["Chinese", "CHN"],
    ["Iranian", "IRN"],
    // Ambiguous in the library until filtered to sovereign states.
    ["Indian", "IND"],
    ["American", "USA"],
    // Curated in the registry: the library lacks these forms.
    ["Uzbek", "UZB"],
    ["Kazakh", "KAZ"],
    ["Kyrgyz", "KGZ"],
    ["Tajik", "TJK"],
    ["Taliban", "AFG"],
    ["Russian Federation", "RUS"],
    ["Kyrgyzstan", "KGZ"],
    ["Russia’s", "RUS"],
  ])("%s → %s", (form, code) => {
    expect(lexicon.codeOf(form)).toBe(code);
  });

  it.each([["Central Asian"], ["Islamic State"], ["Moscow"], ["Soviet"]])("%s is no country", (form) => {
    expect(lexicon.codeOf(form)).toBeNull();
  });

  it.each([
    [
      "the meeting also saw the participation of regional stakeholders including China, India, Iran, Pakistan, Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan.",
      "including ",
      ["CHN", "IND", "IRN", "PAK", "KAZ", "KGZ", "TJK", "UZB"],
    ],
    // An unnamed group ends the list: no country is invented for "five ex-Soviet Central Asian republics".
    ["With representatives from India, China, Iran, Pakistan, and five ex-Soviet Central Asian republics in attendance", "from ", ["IND", "CHN", "IRN", "PAK"]],
    ["telling the assembled regional representatives from China, India, Iran, and Central Asian states", "from ", ["CHN", "IND", "IRN"]],
    ["officials from the United States and the United Kingdom", "from ", ["USA", "GBR"]],
  ])("lists the countries in %s", (text, after, expected) => {
    expect(countryList(text, text.indexOf(after) + after.length, lexicon)).toEqual(expected);
  });

  it("finds every mention with offsets", () => {
    const text = "India, for its part, joined Russia, China, Pakistan, and others.";
    expect(lexicon.find(text).map((m) => [m.code, text.slice(m.start, m.end)])).toEqual([
      ["IND", "India"],
      ["RUS", "Russia"],
      ["CHN", "China"],
      ["PAK", "Pakistan"],
    ]);
  });
});
