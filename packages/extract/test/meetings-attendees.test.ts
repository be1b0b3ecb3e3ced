import { describe, expect, it } from "vitest";
import type { MeetingMention } from "@parley/model";
import { extractMeetings } from "../src/meetings/index.ts";
import { findDatelinePlace, findPlaces, findRound, findSeries } from "../src/meetings/_place.ts";
import { maskNonPlaces } from "../src/meetings/_narrative.ts";
import { REGISTRY, articleOf } from "./meetings-fixtures.ts";

// A real opening sentence that reports a meeting; each case adds a real sentence after it.
const OPENING = "On October 7, 2025, Russia hosted the seventh round of the Moscow Format consultations on Afghanistan in Moscow.";

function meetingsOf(text: string, published = "2025-10"): MeetingMention[] {
  return extractMeetings({ article: articleOf(text, published), registry: REGISTRY });
}
const people = (m: MeetingMention | undefined) => (m?.attendees ?? []).filter((a) => a.type === "person").map((a) => a.name);
const countries = (m: MeetingMention | undefined) => (m?.attendees ?? []).filter((a) => a.type === "country").map((a) => a.country);

describe("datelines", () => {
  it.each([
    ["KAZAN – Russia convened the fifth meeting of the consultations in the Tatarstan capital on Friday.", "Kazan"],
    ["DOHA, Qatar — The third UN-convened meeting of special envoys on Afghanistan opened on Sunday.", "Doha"],
    ["Tashkent, July 26 (Reuters) - Uzbekistan hosted an international conference on Afghanistan on Tuesday.", "Tashkent"],
    ["Russia hosted Taliban leaders for talks on regional security Friday.", null],
    ["WASHINGTONIAN – not a city the registry knows.", null],
  ])("the dateline of %s is %s", (text, city) => {
    expect(findDatelinePlace(text, REGISTRY)?.city ?? null).toBe(city);
  });

  it("places a meeting at its dateline city rather than a city named later in passing", () => {
    const text = [
      "KAZAN – Russia convened the fifth meeting of the Moscow Format consultations on Afghanistan in the Tatarstan capital on Friday, bringing together special envoys from the region and a Taliban delegation.",
      "The participants’ joint statement called for an inclusive government in Kabul, according to the Russian foreign ministry.",
    ].join("\n");
    const [meeting] = meetingsOf(text, "2023-09-29");
    expect(meeting).toMatchObject({ city: "Kazan", country: "RUS", date: "2023-09-29", round: 5 });
  });
});

describe("round, series and city", () => {
  it.each([
    ['Russia hosted the seventh round of the "Moscow Format" consultations on Afghanistan.', 7],
    ["Muttaqi was invited to participate in the sixth meeting of the Consultations on Afghanistan.", 6],
    ["Envoys gathered in Doha for the 3rd round of talks.", 3],
    ["Friday’s session is the fifth gathering of the Moscow format of consultations on Afghanistan.", 5],
    ["This gathering marked the first time since Russia’s official recognition of the Taliban government.", null],
  ])("round of %s is %s", (text, round) => {
    expect(findRound(text)).toBe(round);
  });

  it.each([
    ["Russian Foreign Minister Sergei Lavrov said in a written greeting to participants of the talks, held in the city of Kazan.", "Kazan"],
    ["At a pivotal Moscow summit, Russia, India, China, and others reject US military return.", "Moscow"],
    ["Russia hosted a high-level Taliban delegation in Moscow on Tuesday, October 7.", "Moscow"],
    ["The summit underscored the deepening ties between Moscow and Kabul.", null],
    ["Talks with UN officials began in the Qatari capital Doha on Sunday, a UN spokesman said.", "Doha"],
    // A series named for where it meets still says where: "the Doha meeting".
    ["The Doha meeting on Afghanistan commenced on Sunday, attended by special envoys.", "Doha"],
    ["The group claimed responsibility for the Crocus City Hall attack near Moscow, in March.", null],
    ["Known simply as the Moscow Format, the meeting also saw the participation of regional stakeholders.", null],
    ["According to The Moscow Times, Russian Foreign Minister Sergei Lavrov opened the session.", null],
  ])("city of %s is %s", (text, city) => {
    expect(findPlaces(maskNonPlaces(text, REGISTRY), REGISTRY)[0]?.place.city ?? null).toBe(city);
  });

  it.each([
    ["Known simply as the Moscow Format, the meeting also saw the participation of regional stakeholders.", "Moscow Format"],
    ["the sixth meeting of the Consultations on Afghanistan hosted by the Russian government", "Moscow Format"],
    ["Russia hosted a high-level Taliban delegation in Moscow on Tuesday, October 7.", null],
  ])("series of %s is %s", (text, series) => {
    expect(findSeries(text, REGISTRY)?.name ?? null).toBe(series);
  });
});

describe("a meeting is one the text reports as held", () => {
  it.each([
    ["Kabulov also discussed the possibility of the Taliban being invited to the next BRICS meeting scheduled later this month in Russia."],
    ["While it is unlikely that we will see the Taliban at the BRICS meeting this year, these gestures hint at a growing affinity."],
    ["Lavrov's comments come days after Uzbekistan, which neighbors Afghanistan, hosted U.S. officials for talks on strengthening military ties."],
    ["Tehran will send its representative to take part in the Moscow Format meeting on Afghanistan that will take place in the Russian city of Kazan on September 29."],
    ["The meeting is scheduled to convene on September 29 in Kazan, Russia."],
    ["Its previous meeting took place in Moscow in November 2022."],
    ["The Taliban seized control of Afghanistan shortly after U.S. troops left, imposing their strict interpretation of Sharia law."],
  ])("no meeting in %s", (text) => {
    expect(meetingsOf(text)).toEqual([]);
  });

  it("reads date, city, series, round and host from a report", () => {
    const [meeting] = meetingsOf(OPENING);
    expect(meeting).toMatchObject({ date: "2025-10-07", city: "Moscow", country: "RUS", series: "Moscow Format", round: 7 });
    expect(countries(meeting)).toEqual(["RUS"]);
  });

  it("reports a second meeting held in its own city on its own date", () => {
    const text = `${OPENING}\nForeign ministers of China, Pakistan and Afghanistan met in Kabul on Wednesday, October 8, to discuss trade corridors.`;
    const [main, side] = meetingsOf(text);
    expect(main).toMatchObject({ date: "2025-10-07", city: "Moscow" });
    expect(countries(main)).toEqual(["RUS"]);
    expect(side).toMatchObject({ date: "2025-10-08", city: "Kabul", country: "AFG", series: null });
    expect(countries(side)).toEqual(["AFG", "CHN", "PAK"]);
  });

  it("does not report a side meeting without its own place or date", () => {
    const text = `${OPENING}\nThe quadrilateral meeting of special envoys on Afghanistan from Pakistan, China, Russia, and Iran was held in Moscow.\nEnvoys will meet in Kabul on October 20.`;
    expect(meetingsOf(text).map((m) => m.city)).toEqual(["Moscow"]);
  });

  it("finds the city from 'the Russian capital' through the country's capital", () => {
    const text = "Envoys of ten regional countries held consultations on Afghanistan in the Russian capital on Tuesday.";
    expect(meetingsOf(text, "2025-10-08")).toMatchObject([{ date: "2025-10-07", city: "Moscow", country: "RUS" }]);
  });

  it("skips background history for the meeting being reported", () => {
    const text = [
      "The Moscow Format consultations were first held in Moscow in 2017.",
      "Russia hosted the seventh round of the Moscow Format consultations in Moscow on Tuesday, October 7.",
    ].join("\n");
    expect(meetingsOf(text)).toMatchObject([{ date: "2025-10-07", city: "Moscow", round: 7 }]);
  });

  it("dates a meeting by weekday against a day-precision publication, ignoring the dateline", () => {
    const text =
      "CaliToday (08/10/2025): Russia rolled out the red carpet for a delegation from Afghanistan's ruling Taliban government on Tuesday, using a high-profile international meeting in Moscow to praise the regime's security efforts.";
    const [meeting] = meetingsOf(text, "2025-10-08");
    expect(meeting).toMatchObject({ date: "2025-10-07", city: "Moscow", country: "RUS" });
    expect(countries(meeting)).toEqual(["RUS", "AFG"]);
  });
});

describe("attendees are those the text places at the meeting", () => {
  it.each([
    ["Afghan Foreign Minister Amir Khan Muttaqi attended for the first time.", ["Amir Khan Muttaqi"], ["RUS", "AFG"]],
    ["The Indian delegation, led by ambassador Vinay Kumar, reiterated support for a stable Afghanistan.", ["Vinay Kumar"], ["RUS", "IND"]],
    ["In his opening remarks, Russian Foreign Minister Sergey Lavrov struck a dual tone of support and admonition.", ["Sergey Lavrov"], ["RUS"]],
    ["According to The Moscow Times, Russian Foreign Minister Sergei Lavrov opened the session by sharply criticizing Western sanctions.", ["Sergey Lavrov"], ["RUS"]],
    [
      "“The decision needs to be followed up with various legal procedures in order to make it a reality,” Zamir Kabulov, Russia’s special representative on Afghanistan, said during the conference.",
      ["Zamir Kabulov"],
      ["RUS"],
    ],
    [
      "With representatives from India, China, Iran, Pakistan, and five ex-Soviet Central Asian republics in attendance, the meeting underscored the region’s concerns.",
      [],
      ["RUS", "IND", "CHN", "IRN", "PAK"],
    ],
    [
      "Representatives of Russia, China, Pakistan, Iran, India, Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan took part in the meeting.",
      [],
      ["RUS", "CHN", "PAK", "IRN", "IND", "KAZ", "KGZ", "TJK", "TKM", "UZB"],
    ],
    ["The talks were attended by China, Iran and Pakistan.", [], ["RUS", "CHN", "IRN", "PAK"]],
    ["Russia, China, Iran and Pakistan took part in the consultations.", [], ["RUS", "CHN", "IRN", "PAK"]],
    ["The meeting was chaired by Zamir Kabulov, Russia’s special representative on Afghanistan.", ["Zamir Kabulov"], ["RUS"]],
    ["Kabulov, who chaired the meeting, said the decision was final.", ["Zamir Kabulov"], ["RUS"]],
    ["Amir Khan Muttaqi met Sergey Lavrov on the sidelines of the talks.", ["Amir Khan Muttaqi", "Sergey Lavrov"], ["RUS", "AFG"]],
    [
      "Afghanistan’s acting foreign minister attended the meeting, which also featured representatives of Saudi Arabia, Qatar, United Arab Emirates (UAE), and Turkey as observers.",
      [],
      ["RUS", "AFG", "SAU", "QAT", "ARE", "TUR"],
    ],
    ["India is also taking part in the Moscow Format talks.", [], ["RUS", "IND"]],
    [
      "Earlier, the foreign ministry said that participants in the Moscow consultations (Russia, Afghanistan, China, India and Iran) would discuss the formation of an inclusive government.",
      [],
      ["RUS", "AFG", "CHN", "IND", "IRN"],
    ],
    ["Addressing the participants, Russian Foreign Minister Sergey Lavrov said Western countries must shoulder the burden of reconstruction.", ["Sergey Lavrov"], ["RUS"]],
    ["The Russian presidential envoy for Afghanistan, Zamir Kabulov, told reporters on the sidelines of the meeting that Moscow expects more steps.", ["Zamir Kabulov"], ["RUS"]],
    ["A list of participants including the US, China, Pakistan and the European Union was shared by the organisers.", [], ["RUS", "USA", "CHN", "PAK"]],
    // Said not to be there.
    ["The Taliban were invited to the meeting but declined to participate, citing unmet conditions.", [], ["RUS"]],
    ["A planned side meeting with the Taliban delegation was canceled following their refusal.", [], ["RUS"]],
    ["Representatives from China and Iran attended, while the Taliban refused to attend.", [], ["RUS", "CHN", "IRN"]],
    // An idiom is no absence.
    ["Russian Foreign Minister Sergei Lavrov opened the session, and Lavrov did not mince words.", ["Sergey Lavrov"], ["RUS"]],
    // History of the series is not this meeting's attendance.
    ["The consultations were launched in 2017 on the basis of a mechanism of the special envoys of Russia, Afghanistan, India, Iran, China and Pakistan.", [], ["RUS"]],
    // Spoke elsewhere, asked to attend, only mentioned, or another meeting: not attendees.
    ["Speaking at a different event the same day, Alexander Bortnikov, director of the FSB, justified the move.", [], ["RUS"]],
    [
      "It was reported last month, Abdul Ghani Baradar, the Taliban’s deputy prime minister, sent a letter to Yuri Ushakov requesting to be invited to the meeting.",
      [],
      ["RUS"],
    ],
    ["Notably, Trump’s relationship with Russian President Vladimir Putin has soured in recent months over Putin’s intransigence.", [], ["RUS"]],
    ["Kabulov also discussed the possibility of the Taliban being invited to the next BRICS meeting scheduled later this month in Russia.", [], ["RUS"]],
    ["Lavrov's comments come days after Uzbekistan, which neighbors Afghanistan, hosted U.S. officials for talks on strengthening military ties.", [], ["RUS"]],
    ["The absence of any members of the Afghan political opposition, civil society, women’s groups and the media at the meeting only empowered the Taliban.", [], ["RUS"]],
  ])("%s", (sentence, expectedPeople, expectedCountries) => {
    const [meeting] = meetingsOf(`${OPENING}\n${sentence}`);
    expect(people(meeting)).toEqual(expectedPeople);
    expect(countries(meeting).sort()).toEqual([...expectedCountries].sort());
  });

  it("a written greeting is written participation", () => {
    const text = [
      "Russia hosted Taliban leaders for talks on regional security Friday as it seeks to forge ties with Afghanistan's new rulers.",
      '"For our part, we will continue to develop multifaceted contacts with Afghanistan," Russian Foreign Minister Sergei Lavrov said in a written greeting to participants of the talks, held in the city of Kazan.',
    ].join("\n");
    const [meeting] = meetingsOf(text, "2023-09-29");
    expect(meeting).toMatchObject({ date: "2023-09-29", city: "Kazan", country: "RUS" });
    expect(meeting?.attendees.find((a) => a.type === "person")).toMatchObject({ name: "Sergey Lavrov", role: "Foreign Minister", country: "RUS", participation: "written" });
    expect(countries(meeting)).toEqual(["RUS", "AFG"]);
  });
});
