import { describe, expect, it } from "vitest";
import { extractPeople } from "../src/meetings/index.ts";
import { REGISTRY, articleOf } from "./meetings-fixtures.ts";

const peopleIn = (text: string) => extractPeople({ article: articleOf(text, "2025-10"), registry: REGISTRY }).map(({ name, role, country }) => ({ name, role, country }));

describe("people are named with the role and country the text reports", () => {
  it.each([
    ["Russian Foreign Minister Sergey Lavrov acknowledged the Taliban’s efforts.", { name: "Sergey Lavrov", role: "Foreign Minister", country: "RUS" }],
    ["The Taliban's Acting Foreign Minister, Amir Khan Muttaqi, warmly received the gesture.", { name: "Amir Khan Muttaqi", role: "Acting Foreign Minister", country: "AFG" }],
    ["India, for its part, opposed U.S. President Donald Trump’s recent call to retake the base.", { name: "Donald Trump", role: "President", country: "USA" }],
    ["Pakistani Special Envoy Mohammad Sadiq Khan summarized the consensus.", { name: "Mohammad Sadiq Khan", role: "Special Envoy", country: "PAK" }],
    ["The Indian delegation, led by ambassador Vinay Kumar, reiterated support.", { name: "Vinay Kumar", role: "Ambassador", country: "IND" }],
    [
      "Speaking at a different event the same day, Alexander Bortnikov, director of the FSB, justified the move.",
      { name: "Alexander Bortnikov", role: "Director of the FSB", country: "RUS" },
    ],
    [
      "It was reported last month, Abdul Ghani Baradar, the Taliban’s deputy prime minister, sent a letter.",
      { name: "Abdul Ghani Baradar", role: "Deputy Prime Minister", country: "AFG" },
    ],
    // Unknown to the registry: found by title, apposition or country around the name.
    [
      "Iran’s special representative for Afghanistan, Hassan Kazemi Qomi, said the contact group was agreed by all.",
      { name: "Hassan Kazemi Qomi", role: "Special Representative for Afghanistan", country: "IRN" },
    ],
    ["The plan follows an initiative of Kazakhstan’s President Kassym-Jomart Tokayev on a regional centre.", { name: "Kassym-Jomart Tokayev", role: "President", country: "KAZ" }],
    ["The meeting was led by UN Secretary-General Antonio Guterres and attended by special envoys.", { name: "Antonio Guterres", role: "Secretary-General", country: null }],
    ["“We will keep the channel open,” said Kairat Umarov, speaking after the session.", { name: "Kairat Umarov", role: null, country: null }],
    ["Mr. Umarov’s deputy, Mr. Kairat Umarov, declined to comment.", { name: "Kairat Umarov", role: null, country: null }],
    ["Deputy Foreign Minister Andrei Rudenko of Russia confirmed this development.", { name: "Andrei Rudenko", role: "Deputy Foreign Minister", country: "RUS" }],
  ])("%s", (text, expected) => {
    expect(peopleIn(text)).toEqual([expected]);
  });

  it.each([
    ["The withdrawal was abandoned during the disastrous Biden government withdrawal from Afghanistan in 2021."],
    ["The group claimed responsibility for the Crocus City Hall attack near Moscow, in March."],
    ["Known simply as the Moscow Format, the meeting also saw the participation of regional stakeholders."],
    ["According to The Moscow Times, the Islamic State of Khorasan Province has expanded its presence."],
  ])("names no person in %s", (text) => {
    expect(peopleIn(text)).toEqual([]);
  });

  it("resolves a bare surname to the person named in full", () => {
    const text = "Russian Foreign Minister Sergey Lavrov opened the session.\nLavrov used the meeting to criticize Western sanctions.";
    const found = extractPeople({ article: articleOf(text, "2025-10"), registry: REGISTRY });
    expect(found.map((p) => p.name)).toEqual(["Sergey Lavrov"]);
  });
});
