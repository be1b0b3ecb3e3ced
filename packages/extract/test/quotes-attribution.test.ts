import { describe, expect, it } from "vitest";
import { extractQuotes } from "../src/quotes/index.ts";
import { registry, textArticle } from "./_gold.ts";

const article = (text: string) => textArticle(text);
const quotesOf = (text: string) => extractQuotes({ article: article(text), registry });

// Real wire phrasing about diplomacy: [text, the quote to find, speaker name, speaker type].
const ATTRIBUTIONS: Array<[string, string, string, "person" | "role" | "group"]> = [
  // A quotation standing alone continues the last speaker, though the attribution names someone else beside them.
  [
    "“We are ready to move forward,” Foreign Minister Jane Roe told reporters before meeting Secretary of State John Doe. “All issues are hard until we resolve them.”",
    "All issues are hard until we resolve them.",
    "Jane Roe",
    "person",
  ],
  [
    "“We will not accept any foreign bases in the region,” the minister told reporters.",
    "We will not accept any foreign bases in the region,",
    "minister",
    "role",
  ],
  [
    "Chinese Foreign Minister Wang Yi met his counterpart on Monday. “The two sides reached broad consensus on the issue,” the minister told reporters.",
    "The two sides reached broad consensus on the issue,",
    "Wang Yi",
    "person",
  ],
  [
    "According to Foreign Ministry spokeswoman Maria Zakharova, “the West has lost all credibility in the region.”",
    "the West has lost all credibility in the region.",
    "Maria Zakharova",
    "person",
  ],
  [
    "“Dialogue is the only way forward for all of us,” said Wang Yi, China's foreign minister.",
    "Dialogue is the only way forward for all of us,",
    "Wang Yi",
    "person",
  ],
  [
    "Iranian Foreign Minister Abbas Araghchi arrived in Kabul on Sunday. “We are ready to work with all parties,” he said.",
    "We are ready to work with all parties,",
    "Abbas Araghchi",
    "person",
  ],
  [
    "“The talks were constructive and frank,” Kremlin spokesman Dmitry Peskov said.",
    "The talks were constructive and frank,",
    "Dmitry Peskov",
    "person",
  ],
  [
    "Kremlin spokesman Dmitry Peskov spoke after the talks. Peskov said the meeting had been “useful and very substantive in every respect.”",
    "useful and very substantive in every respect.",
    "Dmitry Peskov",
    "person",
  ],
  [
    "“Nobody should doubt our resolve on this matter,” Lavrov said on Friday.",
    "Nobody should doubt our resolve on this matter,",
    "Sergey Lavrov",
    "person",
  ],
  [
    "Indian External Affairs Minister S. Jaishankar said India would “continue to stand with the Afghan people.”",
    "continue to stand with the Afghan people.",
    "S. Jaishankar",
    "person",
  ],
  [
    "Pakistan's Foreign Minister Ishaq Dar told parliament that Islamabad “will not allow its soil to be used against anyone.”",
    "will not allow its soil to be used against anyone.",
    "Ishaq Dar",
    "person",
  ],
  [
    "The Taliban's chief spokesman, Zabihullah Mujahid, wrote on X that the government “remains committed to good relations with all neighbours.”",
    "remains committed to good relations with all neighbours.",
    "Zabihullah Mujahid",
    "person",
  ],
  [
    "“This is a historic day for our nation,” Mujahid told a news conference in Kabul.",
    "This is a historic day for our nation,",
    "Zabihullah Mujahid",
    "person",
  ],
  [
    "U.S. Secretary of State Marco Rubio warned that Washington “will respond decisively to any threat against American personnel.”",
    "will respond decisively to any threat against American personnel.",
    "Marco Rubio",
    "person",
  ],
  [
    "“We call on all sides to exercise restraint,” a State Department spokesperson said in a statement.",
    "We call on all sides to exercise restraint,",
    "State Department spokesperson",
    "role",
  ],
  [
    "A senior Western diplomat, speaking on condition of anonymity, said the proposal was “dead on arrival in its current form.”",
    "dead on arrival in its current form.",
    "senior Western diplomat",
    "role",
  ],
  [
    "The foreign ministers said in a joint statement that they “support an inclusive and representative government in Afghanistan.”",
    "support an inclusive and representative government in Afghanistan.",
    "foreign ministers",
    "group",
  ],
  [
    "Russian President Vladimir Putin told the summit: “Our countries share a common interest in stability.”",
    "Our countries share a common interest in stability.",
    "Vladimir Putin",
    "person",
  ],
  [
    "“I think we made real progress today, and we will meet again soon,” Araghchi told state television after the talks.",
    "I think we made real progress today, and we will meet again soon,",
    "Abbas Araghchi",
    "person",
  ],
  [
    "Zakharova added that Moscow was “deeply concerned about the militarisation of the region.”",
    "deeply concerned about the militarisation of the region.",
    "Maria Zakharova",
    "person",
  ],
  [
    "Kazakh Foreign Minister Murat Nurtleu said the region needed “practical steps rather than empty declarations.”\n“The time for talking is over. Now we must build the railways and the power lines,” he said.",
    "The time for talking is over. Now we must build the railways and the power lines,",
    "Murat Nurtleu",
    "person",
  ],
  [
    "“We are open to dialogue with everyone,” Muttaqi said.\n“But we will not accept interference in our internal affairs.”",
    "But we will not accept interference in our internal affairs.",
    "Amir Khan Muttaqi",
    "person",
  ],
  [
    "“The sanctions have failed completely,” Lavrov said. “They have only hurt ordinary Afghans.”",
    "They have only hurt ordinary Afghans.",
    "Sergey Lavrov",
    "person",
  ],
  [
    "“These are difficult times for the whole region,” says Ishaq Dar.",
    "These are difficult times for the whole region,",
    "Ishaq Dar",
    "person",
  ],
  [
    "Speaking to reporters in Tashkent, Uzbek Foreign Minister Bakhtiyor Saidov said: “Afghanistan is our neighbour and we cannot choose our neighbours.”",
    "Afghanistan is our neighbour and we cannot choose our neighbours.",
    "Bakhtiyor Saidov",
    "person",
  ],
  [
    "The ministry said in a statement it “categorically rejects these baseless accusations.”",
    "categorically rejects these baseless accusations.",
    "ministry",
    "group",
  ],
  [
    "“There can be no military solution to this conflict,” UN Secretary-General António Guterres said.",
    "There can be no military solution to this conflict,",
    "António Guterres",
    "person",
  ],
  // The same name with its accent written as a combining mark (NFD), as some feeds deliver it.
  [
    "“There can be no military solution to this conflict,” UN Secretary-General Anto\u0301nio Guterres said.",
    "There can be no military solution to this conflict,",
    "Anto\u0301nio Guterres",
    "person",
  ],
  [
    "Chinese Foreign Ministry spokesperson Mao Ning told a regular briefing that Beijing “has always respected Afghanistan’s sovereignty and independence.”",
    "has always respected Afghanistan’s sovereignty and independence.",
    "Mao Ning",
    "person",
  ],
  [
    "“We hope that the Taliban will keep their promises,” Iran's special envoy for Afghanistan, Hassan Kazemi Qomi, said.",
    "We hope that the Taliban will keep their promises,",
    "Hassan Kazemi Qomi",
    "person",
  ],
  [
    "“Russia has never abandoned its friends,” Lavrov was quoted as saying by the TASS news agency.",
    "Russia has never abandoned its friends,",
    "Sergey Lavrov",
    "person",
  ],
  [
    "In a post on X, Pakistani Prime Minister Shehbaz Sharif said his country “will never compromise on its security.”",
    "will never compromise on its security.",
    "Shehbaz Sharif",
    "person",
  ],
  [
    "The delegations reaffirmed their “strong commitment to a peaceful and prosperous Afghanistan.”",
    "strong commitment to a peaceful and prosperous Afghanistan.",
    "delegations",
    "group",
  ],
  [
    "“Afghanistan must never again become a safe haven for terrorists,” the participants said in their final declaration.",
    "Afghanistan must never again become a safe haven for terrorists,",
    "participants",
    "group",
  ],
  [
    "Trump, speaking to reporters aboard Air Force One, said the United States wanted the base back “because it is one hour from where China makes its nuclear weapons.”",
    "because it is one hour from where China makes its nuclear weapons.",
    "Donald Trump",
    "person",
  ],
  [
    "“We gave it to them for nothing. Now we want it back,” Trump said.",
    "We gave it to them for nothing. Now we want it back,",
    "Donald Trump",
    "person",
  ],
  [
    '"The Moscow format remains the most effective platform," Kabulov told RIA Novosti.',
    "The Moscow format remains the most effective platform,",
    "Zamir Kabulov",
    "person",
  ],
  [
    "European Union foreign policy chief Kaja Kallas criticized the move. She said the decision was “a clear violation of international law and the UN Charter.”",
    "a clear violation of international law and the UN Charter.",
    "Kaja Kallas",
    "person",
  ],
  [
    "According to the Foreign Ministry, “the visit will focus on trade, transit and security cooperation.”",
    "the visit will focus on trade, transit and security cooperation.",
    "Foreign Ministry",
    "group",
  ],
  [
    "“We did not come here to make concessions,” said the head of the Afghan delegation, Amir Khan Muttaqi.",
    "We did not come here to make concessions,",
    "Amir Khan Muttaqi",
    "person",
  ],
  [
    "Chinese envoy Yue Xiaoyong said the meeting was useful. He added, “History has shown us the consequences of foreign interference.”",
    "History has shown us the consequences of foreign interference.",
    "Yue Xiaoyong",
    "person",
  ],
  [
    "“The door remains open,” Muttaqi said, adding that Kabul “wants positive relations with every country in the world.”",
    "wants positive relations with every country in the world.",
    "Amir Khan Muttaqi",
    "person",
  ],
  [
    "Officials in Kabul said the agreement would “open a new chapter in bilateral relations.”",
    "open a new chapter in bilateral relations.",
    "Officials in Kabul",
    "group",
  ],
  [
    "“It is a mistake to isolate Afghanistan,” Kabulov, Russia’s presidential envoy for Afghanistan, told reporters.",
    "It is a mistake to isolate Afghanistan,",
    "Zamir Kabulov",
    "person",
  ],
  [
    "Lavrov, who called the sanctions “illegal,” said the West must “return what it has taken from the Afghan people.”",
    "return what it has taken from the Afghan people.",
    "Sergey Lavrov",
    "person",
  ],
  [
    "“We have made our position clear many times,” Zakharova said. “The presence of foreign troops near our borders is unacceptable.\n“Everyone in the region agrees on this point.”",
    "Everyone in the region agrees on this point.",
    "Maria Zakharova",
    "person",
  ],
  [
    "“This is not the time for half measures,” Saudi Foreign Minister Prince Faisal bin Farhan said.",
    "This is not the time for half measures,",
    "Faisal bin Farhan",
    "person",
  ],
  [
    "The Indian delegation, led by ambassador Anil Sharma, called for “an inclusive government that represents all Afghans.”",
    "an inclusive government that represents all Afghans.",
    "Anil Sharma",
    "person",
  ],
  [
    "As the spokesperson for China's Foreign Ministry put it, the priorities were “stability, development and the fight against terrorism.”",
    "stability, development and the fight against terrorism.",
    "spokesperson for China's Foreign Ministry",
    "role",
  ],
  [
    "“We consider this interference unacceptable and will respond accordingly,” Moscow said.",
    "We consider this interference unacceptable and will respond accordingly,",
    "Moscow",
    "group",
  ],
  [
    "Lavrov: “We will never abandon the Afghan people in their hour of need.”",
    "We will never abandon the Afghan people in their hour of need.",
    "Sergey Lavrov",
    "person",
  ],
  [
    "“The visit was the result of a request from Kabul,” Prince Turki told a news conference with the EU's foreign policy chief Josep Borrell. “If there is no response, it will be difficult to help,” he was quoted as saying.",
    "If there is no response, it will be difficult to help,",
    "Turki",
    "person",
  ],
  [
    "Afghan foreign minister Rangin Dadfar Spanta met his counterpart Shah Mahmood Qureshi on Tuesday. He said the talks were “a first step on a long road to peace.”",
    "a first step on a long road to peace.",
    "Rangin Dadfar Spanta",
    "person",
  ],
  [
    "Mutasim, who now lives in Turkey, said: “The talks are being held at a lower level for now.”",
    "The talks are being held at a lower level for now.",
    "Mutasim",
    "person",
  ],
  [
    "Saudi foreign minister Saud al-Faisal said the kingdom “will spare no effort to bring the two sides together.”",
    "will spare no effort to bring the two sides together.",
    "Saud al-Faisal",
    "person",
  ],
  [
    "The meeting was described by Lavrov as “an important step toward a settlement in Afghanistan.”",
    "an important step toward a settlement in Afghanistan.",
    "Sergey Lavrov",
    "person",
  ],
  [
    "The Taliban statement quoted Muttaqi as saying that Kabul “seeks balanced relations with all countries of the region.”",
    "seeks balanced relations with all countries of the region.",
    "Amir Khan Muttaqi",
    "person",
  ],
  [
    "Chinese Foreign Ministry spokesperson Lin Jian urged restraint. “China and Pakistan are all-weather strategic partners,” Lin told a regular briefing.",
    "China and Pakistan are all-weather strategic partners,",
    "Lin Jian",
    "person",
  ],
  [
    "The Chinese side said it hoped Afghanistan would “take firm and effective measures to combat all terrorist forces.”",
    "take firm and effective measures to combat all terrorist forces.",
    "Chinese side",
    "group",
  ],
  [
    "“Russia wants to show it is not isolated,” said Andrei Kortunov, an expert at the Russian International Affairs Council.\n“It's a clear signal to Washington,” he added.",
    "It's a clear signal to Washington,",
    "Andrei Kortunov",
    "person",
  ],
  [
    "“We have no plans to go back,” a senior administration official told reporters in Washington, speaking on condition of anonymity.",
    "We have no plans to go back,",
    "senior administration official",
    "role",
  ],
  [
    "Lavrov met Chinese Foreign Minister Wang Yi, who said the talks were “useful and constructive in every respect.”",
    "useful and constructive in every respect.",
    "Wang Yi",
    "person",
  ],
  [
    "“The situation remains fragile and requires our constant attention,” Wang Yi was cited as saying by Xinhua.",
    "The situation remains fragile and requires our constant attention,",
    "Wang Yi",
    "person",
  ],
  [
    "Kabulov told reporters that Russia and the Taliban had agreed to “work together on the Trans-Afghan railway project.”",
    "work together on the Trans-Afghan railway project.",
    "Zamir Kabulov",
    "person",
  ],
  [
    "“We reject any interference in our internal affairs,” the Taliban said in a statement.",
    "We reject any interference in our internal affairs,",
    "Taliban",
    "group",
  ],
  [
    "Asked whether Moscow would supply weapons to Kabul, Lavrov said: “We are not discussing this question at the moment.”",
    "We are not discussing this question at the moment.",
    "Sergey Lavrov",
    "person",
  ],
  [
    "Kazakh President Kassym-Jomart Tokayev said in a statement: “Our country supports every effort to bring peace to Afghanistan.”",
    "Our country supports every effort to bring peace to Afghanistan.",
    "Kassym-Jomart Tokayev",
    "person",
  ],
  [
    "Zakharova wrote in a post on Telegram that Washington was “once again trying to impose its will on the region.”",
    "once again trying to impose its will on the region.",
    "Maria Zakharova",
    "person",
  ],
  [
    "Lavrov spoke for an hour. He denounced what he called “an unprecedented wave of pressure on our country and our partners.”",
    "an unprecedented wave of pressure on our country and our partners.",
    "Sergey Lavrov",
    "person",
  ],
  [
    "Mr. O'Brien told lawmakers that the plan would “make the region safer for everyone who lives there.”",
    "make the region safer for everyone who lives there.",
    "O'Brien",
    "person",
  ],
  [
    "A spokesman for the Taliban government, Zabihullah Mujahid, said the visit would “open a new page in relations with the region.”",
    "open a new page in relations with the region.",
    "Zabihullah Mujahid",
    "person",
  ],
  [
    "“The United States has no intention of returning troops to the region,” the White House said.",
    "The United States has no intention of returning troops to the region,",
    "White House",
    "group",
  ],
  [
    "“We are deeply disappointed by this decision,” added Araghchi.",
    "We are deeply disappointed by this decision,",
    "Abbas Araghchi",
    "person",
  ],
  [
    "Kabulov, who heads the ministry's Asia department, said the talks had been useful. “We came together to coordinate our steps with the Afghan authorities,” the senior Russian diplomat said.",
    "We came together to coordinate our steps with the Afghan authorities,",
    "Zamir Kabulov",
    "person",
  ],
  [
    "President Donald Trump spoke first. “We are ready to talk to anyone who wants peace in the region,” the minister said.",
    "We are ready to talk to anyone who wants peace in the region,",
    "minister",
    "role",
  ],
  [
    "Asked about Prime Minister Shehbaz Sharif's warning on militants, Muttaqi told reporters that Afghan soil would not be used against anyone. He said: “We have controlled the militants better than anyone else has.”",
    "We have controlled the militants better than anyone else has.",
    "Amir Khan Muttaqi",
    "person",
  ],
  [
    "Former Taliban finance minister Mutasim Agha Jan gave an interview on Saturday. The newspaper quoted him: “Both sides will proceed gradually toward an agreement.”",
    "Both sides will proceed gradually toward an agreement.",
    "Mutasim Agha Jan",
    "person",
  ],
  [
    "Xinhua quoted Wang Yi as saying that China “will never interfere in Afghanistan's internal affairs.”",
    "will never interfere in Afghanistan's internal affairs.",
    "Wang Yi",
    "person",
  ],
  [
    "Kremlin spokesman Dmitry Peskov spoke on Monday. “Contacts with Kabul will continue at every level,” Interfax quoted him as saying.",
    "Contacts with Kabul will continue at every level,",
    "Dmitry Peskov",
    "person",
  ],
  [
    "💬KEY QUOTE: “Our doors are open to all who come in peace.” – Amir Khan Muttaqi",
    "Our doors are open to all who come in peace.",
    "Amir Khan Muttaqi",
    "person",
  ],
  // A statement speaks (the gold counts its words as quotes): "the statement said/read", "according to a statement".
  [
    "The joint statement said the sides “agreed to continue consultations in this format next year.”",
    "agreed to continue consultations in this format next year.",
    "joint statement",
    "group",
  ],
  [
    "“The two sides agreed to meet again before the end of the year,” the statement said.",
    "The two sides agreed to meet again before the end of the year,",
    "statement",
    "group",
  ],
  [
    "“The meeting of senior officials will be held in the capital next month,” the statement read, a news agency reported.",
    "The meeting of senior officials will be held in the capital next month,",
    "statement",
    "group",
  ],
  // "X “…” and “…,” according to Y": both quotations are Y's.
  [
    "The envoys “held long and useful talks on trade” and “agreed to keep in touch,” according to the Foreign Ministry.",
    "held long and useful talks on trade",
    "Foreign Ministry",
    "group",
  ],
  [
    "The envoys “held long and useful talks on trade” and “agreed to keep in touch,” according to the Foreign Ministry.",
    "agreed to keep in touch,",
    "Foreign Ministry",
    "group",
  ],
  // "the Chilean FM said" is the foreign minister named before; "state department spokeswoman X" is X.
  [
    "Chilean Foreign Minister Jane Roe met her counterpart on Friday. “Our trade is growing and our companies have plans,” the Chilean FM said.",
    "Our trade is growing and our companies have plans,",
    "Jane Roe",
    "person",
  ],
  [
    "“We must put off the visit because of pressing matters,” US state department spokeswoman Jane Roe said.",
    "We must put off the visit because of pressing matters,",
    "Jane Roe",
    "person",
  ],
  // Quotation marks typed as two apostrophes, as some wires and archives print them.
  [
    "Senators debated the bill on Tuesday.\n''I would not object to a vote,'' Jane Roe said. ''But we need more time to read it.''",
    "I would not object to a vote,",
    "Jane Roe",
    "person",
  ],
  [
    "Senators debated the bill on Tuesday.\n''I would not object to a vote,'' Jane Roe said. ''But we need more time to read it.''",
    "But we need more time to read it.",
    "Jane Roe",
    "person",
  ],
  // A list of commentators, or an interview transcript: a name opening the paragraph, a colon, the quotation.
  [
    'Analysts weighed in on the summit.\nJane Roe, The Daily Paper: "The talks were a real step forward for the region."\nJohn Doe, Policy Institute: "Nothing of substance was agreed."',
    "The talks were a real step forward for the region.",
    "Jane Roe",
    "person",
  ],
  [
    'Analysts weighed in on the summit.\nJane Roe, The Daily Paper: "The talks were a real step forward for the region."\nJohn Doe, Policy Institute: "Nothing of substance was agreed."',
    "Nothing of substance was agreed.",
    "John Doe",
    "person",
  ],
  [
    "Jane Roe: “We have waited for this day for many years.”",
    "We have waited for this day for many years.",
    "Jane Roe",
    "person",
  ],
  // Single marks, in an article that uses them as quotation marks (British style); apostrophes stay inside.
  [
    "Foreign Minister Jane Roe met her counterpart in Lima.\n‘We won’t give up on the ministers’ plan for the region,’ Roe said.",
    "We won’t give up on the ministers’ plan for the region,",
    "Jane Roe",
    "person",
  ],
  [
    "Foreign Minister Jane Roe met her counterpart in Lima.\n'We won't give up on the region's future,' Roe said.",
    "We won't give up on the region's future,",
    "Jane Roe",
    "person",
  ],
  // "she" is not the spokesman the sentence before is about, but the spokeswoman quoted before him.
  [
    "“We have reached an agreement on the main points,” said Jane Roe, a spokeswoman for the ministry. The opposition's spokesman, John Doe, criticised the deal. “It is a good start for both sides,” she said.",
    "It is a good start for both sides,",
    "Jane Roe",
    "person",
  ],
  [
    "“We have reached an agreement on the main points,” said Jane Roe, a spokeswoman for the ministry. The opposition's spokesman, John Doe, criticised the deal. “It is a bad deal for both sides,” he said.",
    "It is a bad deal for both sides,",
    "John Doe",
    "person",
  ],
  // Guillemets, as translated wires print them.
  [
    "Foreign Minister Jane Roe met her counterpart in Lima.\n«We will not give up on the region», Roe said.",
    "We will not give up on the region",
    "Jane Roe",
    "person",
  ],
];

describe("quote attribution on wire-style sentences", () => {
  it.each(ATTRIBUTIONS)("%s", (text, quote, speaker, type) => {
    const found = quotesOf(text).find((q) => q.text === quote);
    expect(found, `quotes: ${JSON.stringify(quotesOf(text).map((q) => q.text))}`).toBeDefined();
    expect(found?.speaker.name).toBe(speaker);
    expect(found?.speaker.type).toBe(type);
    expect(text.slice(found?.span.start, found?.span.end)).toBe(quote);
  });
});

// Quoted text that is not a quote: fragments, scare quotes, names, and quotations nobody is said to have said.
const NOT_QUOTES: string[] = [
  "Lavrov called the move “a mistake.”",
  "The group was designated a “terrorist organization” in 2003.",
  "The talks, known as the “Moscow Consultations on Afghanistan Format,” began in 2017.",
  "The report described the situation as “extremely worrying for the entire population.”",
  "Uzbekistan allowed U.S. forces to use its Soviet-era “K-2” air base during the early 2000s.",
  'Russia hosted the seventh round of the "Moscow Format" consultations on Afghanistan.',
  "“The Taliban have taken the first steps toward inclusivity,” TASS reported.",
  "Reuters reported that the talks were “tense and at times openly hostile toward Washington.”",
  "“We will continue to press the Taliban on the rights of women,” Xinhua reported.",
  "The resolution, titled “The Situation in Afghanistan and Its Implications for International Peace and Security,” was adopted by consensus.",
  "“We will respond to any provocation with force,” the Guardian reported.",
  "The operation, dubbed “Operation Enduring Freedom Phase Two,” began in October 2001.",
  "Critics see the initiative as a “new great game in Central Asia” played by rival powers.",
];

describe("quoted text that is not a quote", () => {
  it.each(NOT_QUOTES)("%s", (text) => {
    expect(quotesOf(text)).toEqual([]);
  });
});

// Full names in the text are found by rules alone, without the registry.
const NAMED_IN_TEXT = ATTRIBUTIONS.filter(([text, , speaker, type]) => type === "person" && text.includes(speaker));

describe("quote attribution without a registry of people", () => {
  it.each(NAMED_IN_TEXT)("%s", (text, quote, speaker) => {
    const found = extractQuotes({ article: article(text), registry: { ...registry, people: [] } }).find(
      (q) => q.text === quote,
    );
    expect(found?.speaker.name).toBe(speaker);
  });
});

describe("a quotation is not given to the wrong speaker", () => {
  it.each([
    [
      "“The sanctions have failed completely,” Lavrov said. Trump disagreed. “They have only hurt ordinary Afghans.”",
      "They have only hurt ordinary Afghans.",
    ],
    [
      "Muttaqi said the talks went well, but critics called the meeting “a gift to a regime that jails women.”",
      "a gift to a regime that jails women.",
    ],
    [
      "“We are open to dialogue with everyone,” Muttaqi said.\nThe talks ended on Tuesday.\nObservers expect a statement soon.\n“Nothing has been decided about the next round.”",
      "Nothing has been decided about the next round.",
    ],
    [
      "“We will keep the embassy open in all circumstances,” Lavrov said.\n“Our position has not changed since the spring.” Wang Yi made the remark at a news conference in Beijing.",
      "Our position has not changed since the spring.",
    ],
    [
      "Lavrov and Wang Yi said in a joint statement that they “oppose any foreign military presence in the region.”",
      "oppose any foreign military presence in the region.",
    ],
    [
      "The message to Lavrov from the Chinese side was simple: “Stability in Afghanistan matters more than anything else.”",
      "Stability in Afghanistan matters more than anything else.",
    ],
    // A colon after a name that does not open its paragraph, or after a place, introduces no speaker.
    [
      "The talks in Geneva were led by Jane Roe: “a new start for the region,” as the communique put it.",
      "a new start for the region,",
    ],
    [
      "Foreign Ministry Statement: “The talks will resume next week in the capital.”",
      "The talks will resume next week in the capital.",
    ],
    // Where an article has double marks, single ones are quotations within quotations or apostrophes, never quotes.
    [
      "“We discussed the ‘road map’ in detail,” Lavrov said. Officials called it ‘a plan for the whole region and beyond’.",
      "a plan for the whole region and beyond",
    ],
  ])("%s", (text, quote) => {
    expect(quotesOf(text).find((q) => q.text === quote)).toBeUndefined();
  });
});

describe("speaker details", () => {
  it.each([
    ["“The talks were constructive and frank,” Kremlin spokesman Dmitry Peskov said.", "RUS", "spokesman"],
    [
      "Speaking in Tashkent, Uzbek Foreign Minister Bakhtiyor Saidov said: “Afghanistan is our neighbour and always will be.”",
      "UZB",
      "Foreign Minister",
    ],
    ["“Nobody should doubt our resolve on this matter,” Lavrov said on Friday.", "RUS", "Foreign Minister"],
    [
      "“The decision is final and cannot be reversed,” Hassan Kazemi Qomi, Iran's special envoy for Afghanistan, said.",
      "IRN",
      "special envoy for Afghanistan",
    ],
    [
      "“We need to be realistic about what can be achieved,” says Dr. Rahmatullah Nabil, a former Afghan intelligence chief.",
      "AFG",
      "former Afghan intelligence chief",
    ],
    [
      "Second Deputy Prime Minister Mullah Abdul Salam Hanafi said: “Our forces are ready to protect every citizen of this country.”",
      null,
      "Second Deputy Prime Minister",
    ],
  ] as const)("%s → %s, %s", (text, country, role) => {
    const [quote] = quotesOf(text);
    expect(quote?.speaker.country).toBe(country);
    expect(quote?.speaker.role).toBe(role);
  });

  it("evidence is the sentence with the quote and its attribution", () => {
    const text =
      "The talks ended on Tuesday. “We are satisfied with the results of this round,” Lavrov said. Talks resume in May.";
    const [quote] = quotesOf(text);
    expect(text.slice(quote?.evidence.start, quote?.evidence.end)).toBe(
      "“We are satisfied with the results of this round,” Lavrov said.",
    );
  });

  it("reads hard-wrapped text, paragraphs between blank lines", () => {
    const text = [
      "Russian Foreign Minister Sergei Lavrov said on Friday that Moscow would",
      '"continue to develop multifaceted contacts with Afghanistan, whatever the',
      'West decides," speaking in a written greeting to the participants.',
      "",
      '"We consider the return of foreign military infrastructure to the region',
      'unacceptable," Lavrov said in the greeting, which was read out by an aide.',
      "",
    ].join("\n");
    const quotes = quotesOf(text);
    expect(quotes.map((q) => [q.text, q.speaker.name])).toEqual([
      ["continue to develop multifaceted contacts with Afghanistan, whatever the West decides,", "Sergei Lavrov"],
      ["We consider the return of foreign military infrastructure to the region unacceptable,", "Sergei Lavrov"],
    ]);
    for (const q of quotes) expect(text.slice(q.span.start, q.span.end).replace(/\n/g, " ")).toBe(q.text);
  });

  it("does not read quotes out of blanked boilerplate", () => {
    const text = `“We will keep talking to everyone,” Lavrov said.\n${" ".repeat(40)}\n`;
    expect(quotesOf(text).map((q) => q.text)).toEqual(["We will keep talking to everyone,"]);
  });
});
