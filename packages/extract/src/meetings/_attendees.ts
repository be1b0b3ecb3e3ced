import type { AttendeeMention, MeetingMention } from "@parley/model";
import type { CountryLexicon } from "../text/index.ts";
import type { ArticleReading } from "./_meetings.ts";
import { EVENT_NOUN, type NarrativeSentence } from "./_narrative.ts";
import type { PersonFound } from "./_people.ts";
import { findPlaces, hostOf } from "./_place.ts";
import { TITLE_WORD_PATTERN } from "../text/index.ts";

type Participation = AttendeeMention["participation"];

// Words for those who take part, before a list of countries: "representatives from India, China and Iran".
const PARTICIPANTS =
  /\b(?:[Rr]epresentatives|[Oo]fficials|[Dd]elegations?|[Dd]elegates|[Ee]nvoys|[Mm]inisters|[Ss]takeholders|[Pp]articipants|[Dd]iplomats|[Nn]egotiators)\s+(?:(?:from|of)\s+(?:countries\s+(?:such as|including)\s+)?|including\s+|such as\s+)|\b(?:attended by|joined by|with the participation of)\s+|\b[Pp]articipants (?:in|of) the [^()]{0,60}\(\s*/g;
// A list of countries followed by taking part: "Qatar, Oman and Egypt took part in the talks".
// An apposition may come between ("Pakistan, a non-permanent member, was represented"), and the list may end
// "and other regional states".
const TOOK_PART =
  /^(?:\s*,[^,.;]{0,80},)?(?:\s+and other (?:[a-z-]+\s+){0,2}(?:states|countries|nations))?\s*(?:(?:is|are|was|were)\s+)?(?:also\s+|all\s+)?(?:took part|taking part|participated|participating|attended|attending|represented|sent (?:a |an |its |their )?(?:[a-z-]+\s+)?(?:delegations?|representatives?|envoys?|observers?|ambassadors?|ministers?|officials?))\b/;
// A country's official attending, unnamed: "Iran's deputy foreign minister attended the meeting".
const OFFICIAL_ATTENDED =
  /^\s+(?:[a-z-]+\s+){0,4}(?:minister|envoy|representative|ambassador|delegation|officials?|diplomats?|delegates?)\s+(?:also\s+)?(?:attended|took part|participated|(?:was|were) present)\b/;
// A sentence about who was there.
const PRESENCE = /\b(?:participants|delegations|delegates|attendance|attended|attending|participation|participated|participating|present|assembled|gathered|involved|joined|took part)\b/i;
const GUEST = /\b(?:hosted|welcomed|received)\s+/g;
const GROUP = /^\s*(?:delegations?|leaders|officials|representatives|envoys|ministers|team|diplomats|negotiators)\b/;
const DELEGATION = /^\s*delegations?\b/;
const NEIGHBOURS = /^['’]s\s+(?:neighbou?rs|neighbou?ring|neighbou?r|adjacent)\b/;
const GOVERNMENT = /^(?:['’]s)?\s+(?:government|administration|authorities|leadership)\b/;

// A person placed at the gathering by what follows the name.
const ATTEND_AFTER =
  /^(?:,\s+(?:also\s+)?(?:attended|took part|participated|joined)\b|,\s+who\s+(?:also\s+)?(?:attended|chaired|co-chaired|led|headed|opened|hosted|represented)\b|(?:,[^,]{0,100},)?\s*(?:also\s+|has\s+|had\s+)?(?:attended|took part|participated|was present|joined the (?:talks|meeting|session|consultations)|represented [A-Z][\w-]*(?: [A-Z][\w-]*)? (?:at|in) the (?:talks|meeting|session|consultations|conference|summit|gathering|forum|dialogue)\b|attending(?=\s*[.;]|\s*$)|opened the|chaired|co-chaired|addressed the|headed the|led the|used the (?:meeting|talks|session|conference|summit|gathering|forum|platform)|(?:was|were) (?:invited|received|welcomed)\b[^.]*\bto (?:participate|attend|take part)))/;
// A person placed at the gathering by the sentence: the subject speaks there or to those there.
const SPOKE_THERE =
  /\b(?:(?:said|spoke|speaking|told reporters|remarked|declared) (?:during|at) the (?:conference|meeting|talks|session|summit|consultations|gathering|forum)|(?:telling|told|addressing|addressed|briefing|briefed) the (?:(?:[\w-]+ )?council|chamber|assembled|participants|delegates|attendees|gathering|meeting|conference|summit|session|forum)|in (?:his|her|their) (?:opening )?(?:remarks|speech|address|statement) (?:to|at) the|in (?:his|her|their) opening (?:remarks|speech|address)|(?:told|telling|addressed|addressing|urged|urging) (?:the )?(?:[a-z-]+ )?(?:envoys|delegates|delegations|ministers|participants|representatives) (?:gathered|assembled|attending|meeting)\b)\b/i;
const WRITTEN = /\b(?:written (?:greeting|message|address|statement)|(?:greeting|message|letter) (?:read out )?to (?:the )?participants)\b/i;
const REMOTE = /\b(?:by|via) video(?:\s?link|\s?conference)?|\bremotely\b|\bvirtually\b/i;
// A delegation's members: "a large delegation that included Deputy Prime Minister X".
const LED_BY =
  /\b(?:(?:led|headed|chaired|co-chaired|opened|attended|joined|represented|accompanied)\s+by|(?:delegation|team)\s+(?:that\s+|which\s+)?(?:included|including))\s+(?:\S+\s+){0,4}$/;
// A longer title in apposition: "chaired by the UN under-secretary-general for political affairs, Jane Roe".
// A capitalized title, perhaps compound and owned: "chaired by Oman's Deputy Prime Minister and Foreign Minister Jane Roe".
const LED_BY_CAPITALIZED = /\b(?:led|headed|chaired|co-chaired|represented|attended)\s+by\s+(?:the\s+)?(?:[\p{Lu}][\p{L}]*['’]s\s+)?(?:(?:[\p{Lu}][\p{L}-]*|and|of|for)\s+){1,10}$/u;
// Two people joined by "and" share what places them: "joined by A and the Taliban's foreign minister, B".
// So do titled names in a comma list: "A, Iran's Deputy Foreign Minister B and C addressed the session".
const COORDINATED =
  /^(?:['’]s)?,?\s*(?:(?:and|as well as)\s+(?:the\s+)?(?:[^\s,.;:]+\s+){0,5}[^\s,.;:]+,?\s+|,\s+(?:[\p{Lu}][\p{L}'’-]*\s+|(?:acting|of|for|and|the)\s+){0,24})$/u;
const LED_BY_TITLED = /\b(?:led|headed|chaired|co-chaired|represented|attended)\s+by\s+(?:the|its|their|his|her)\s+[^,.;:]{0,80},\s+$/;
// Everyone named in the sentence met there.
const SIDELINES = /\bon the (?:sidelines|margins) of the (?:meeting|talks|consultations|summit|conference|session|gathering|forum|dialogue|ceremony)\b/i;

// An envoy or minister of a country taking part, speaking about the gathering, speaks for their delegation there.
const DELEGATE_ROLE = /\b(?:envoy|ambassador|representative|minister|delegate|negotiator)\b/i;
const SPEAKS =
  /^(?:,[^,]{0,100},)?\s*(?:also\s+)?(?:said|summarized|summarised|emphasized|emphasised|stressed|noted|told|added|praised|described|reiterated|stated|declared|welcomed|underlined)\b/;

// Not there: "the delegation declined to attend", "in the absence of Iran"; a called-off meeting.
// "X, who was not in Almaty, ...": a relative clause may say it.
const ABSENT_AFTER =
  /^(?:['’]s)?,?\s+(?:[\w-]+\s+){0,4}?(?:(?:declined|refused|did not|didn['’]t|failed|chose not|decided not)\s+(?:to\s+)?(?:attend|participate|take part|join|come|show up|send)|boycotted|snubbed|skipped|stayed away|(?:was|were) (?:absent|not present|not invited|not represented|excluded)|(?:was|were) not (?:in|at)\b|(?:wasn['’]t|weren['’]t) (?:present|invited|there))\b/;
// "no representative of the Taliban administration took part".
const ABSENT_BEFORE =
  /\b(?:absence of|without|excluding|except(?: for)?|apart from|exclusion of|no (?:representatives?|delegations?|delegates?|officials?|envoys?) (?:of|from))\s+(?:the\s+|any\s+)?$/i;
const AGREED_EXCEPT = /\b(?:agreed|signed|endorsed|adopted|backed|supported|approved)\b[^.;]{0,60}\b(?:except(?: for)?|apart from)\s+(?:the\s+)?$/i;
const CALLED_OFF = /\b(?:cancell?ed|called off|postponed)\b/i;

/** Countries and people a sentence says were not there. */
function absentees(s: NarrativeSentence, people: readonly PersonFound[], countries: CountryLexicon): Set<string> {
  const out = new Set<string>();
  const text = s.narrative;
  // "agreed by all participants except X" is about who signed, not who came.
  const absent = (start: number, end: number): boolean =>
    ABSENT_AFTER.test(text.slice(end, end + 80)) || (ABSENT_BEFORE.test(text.slice(0, start)) && !AGREED_EXCEPT.test(text.slice(0, start)));
  for (const m of countries.find(text)) if (absent(m.start, m.end)) out.add(`country:${m.code}`);
  for (const p of people) if (p.start >= s.start && p.end <= s.end && absent(p.start - s.start, p.end - s.start)) out.add(`person:${p.name}`);
  return out;
}

class AttendeeList {
  private readonly rows = new Map<string, AttendeeMention>();
  add(row: AttendeeMention): void {
    const key = `${row.type}:${row.type === "country" ? row.country : row.name}`;
    if (!this.rows.has(key)) this.rows.set(key, row);
  }
  remove(key: string): void {
    this.rows.delete(key);
  }
  has(type: AttendeeMention["type"], key: string): boolean {
    return this.rows.has(`${type}:${key}`);
  }
  all(): AttendeeMention[] {
    return [...this.rows.values()];
  }
}

/** Countries in a comma/"and" list starting at `from`, and where the list ends. */
function readCountryList(text: string, from: number, countries: CountryLexicon): { codes: string[]; end: number } {
  const codes: string[] = [];
  let at = from;
  let end = from;
  for (;;) {
    // Separators, and an abbreviation in brackets after a name: "United Arab Emirates (UAE), and".
    const lead = /^(?:\s*\([^()]{1,12}\))?(?:\s*,)?\s*(?:and\s+|as well as\s+)?(?:the\s+)?/.exec(text.slice(at));
    const next = countries.at(text, at + (lead?.[0].length ?? 0));
    if (!next) break;
    // "envoys from Afghanistan's neighbouring countries": the country they neighbour is not one of them.
    if (NEIGHBOURS.test(text.slice(next.end))) break;
    codes.push(next.code);
    at = end = next.end;
    // "Iran's new government" is one country, not a list.
    if (/^['’]s\b/.test(text.slice(at))) break;
  }
  return { codes, end };
}

/** Countries in a list: "India, China, Iran, Pakistan, and five ..." stops before "five". */
export function countryList(text: string, from: number, countries: CountryLexicon): string[] {
  return readCountryList(text, from, countries).codes;
}

function countriesAttending(s: NarrativeSentence, countries: CountryLexicon): string[] {
  const text = s.narrative;
  const codes: string[] = [];
  if (s.event || PRESENCE.test(text)) {
    for (const m of text.matchAll(PARTICIPANTS)) codes.push(...countryList(text, (m.index ?? 0) + m[0].length, countries));
  }
  const mentions = countries.find(text);
  for (const [i, mention] of mentions.entries()) {
    const previous = mentions[i - 1];
    // Start of a list only: not preceded by another country and a separator.
    if (previous && /^(?:\s*,)?\s*(?:and\s+)?(?:the\s+)?$/.test(text.slice(previous.end, mention.start))) continue;
    const list = readCountryList(text, mention.start, countries);
    // "the Taliban government was represented": the government stands for its country.
    const rest = text.slice(list.end).replace(GOVERNMENT, "");
    if (list.codes.length > 0 && TOOK_PART.test(rest)) codes.push(...list.codes);
  }
  for (const mention of mentions) {
    const after = text.slice(mention.end).replace(/^['’]s\b/, "");
    if (OFFICIAL_ATTENDED.test(after)) codes.push(mention.code);
    // "the Qatari delegation", "a Chinese delegation".
    if (DELEGATION.test(after.replace(/^\s*(?:[a-z-]+\s+){0,2}(?=delegation)/, ""))) codes.push(mention.code);
  }
  for (const m of text.matchAll(GUEST)) {
    // "hosted a high-level Iranian delegation", "hosted Chinese officials".
    const window = text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 60);
    const lead = /^(?:a |an |the )?(?:[a-z-]+\s+){0,2}/.exec(window)?.[0].length ?? 0;
    const guest = countries.at(window, lead);
    if (guest && GROUP.test(window.slice(guest.end).replace(/^['’]s/, ""))) codes.push(guest.code);
  }
  return codes;
}

function participationIn(s: NarrativeSentence): Participation {
  if (WRITTEN.test(s.narrative)) return "written";
  if (REMOTE.test(s.narrative)) return "remote";
  return "in_person";
}

const MET_WITH_BEFORE = /\b(?:met|met with|held talks with|held a meeting with)\s+(?:[\p{Lu}][\p{L}-]*\s+){0,4}$/u;
const MET_WITH_AFTER = /^(?:,[^,]{0,100},)?\s+(?:met|met with|held talks with|held a meeting with)\s+[\p{Lu}]/u;
const REPRESENTED_COUNTRY = /^\s+represented\s+(?:the\s+)?([A-Z][\w-]*(?:\s[A-Z][\w-]*)?)\s+(?:at|in)\b/;
const ledBy = (before: string): boolean => LED_BY.test(before) || LED_BY_TITLED.test(before) || LED_BY_CAPITALIZED.test(before);

/** People of the sentence placed there, directly or by "and" with someone placed. */
function placedInSentence(s: NarrativeSentence, inSentence: PersonFound[], countries: CountryLexicon): Set<PersonFound> {
  const placed = new Set(inSentence.filter((p) => placedThere(p, s, inSentence, countries)));
  for (let changed = true; changed; ) {
    changed = false;
    for (const [i, q] of inSentence.entries()) {
      const p = inSentence[i - 1];
      if (!p || placed.has(p) === placed.has(q) || !COORDINATED.test(s.narrative.slice(p.end - s.start, q.start - s.start))) continue;
      placed.add(placed.has(p) ? q : p);
      changed = true;
    }
  }
  return placed;
}

/** Is the person at `p` placed at the meeting by this sentence? */
function placedThere(p: PersonFound, s: NarrativeSentence, inSentence: PersonFound[], countries: CountryLexicon): boolean {
  const text = s.narrative;
  const local = { start: p.start - s.start, end: p.end - s.start };
  if (ATTEND_AFTER.test(text.slice(local.end).replace(/^['’]s/, ""))) return true;
  if (ledBy(text.slice(0, local.start))) return true;
  // A bilateral meeting: "A met with B", "A held talks with Foreign Minister B".
  if (MET_WITH_BEFORE.test(text.slice(0, local.start)) || MET_WITH_AFTER.test(text.slice(local.end))) return true;
  if (SIDELINES.test(text)) return true;
  const subject = inSentence[0] === p;
  if (subject && (SPOKE_THERE.test(text) || WRITTEN.test(text))) return true;
  // Named beside a list of participants: "Foreign Minister A, Foreign Minister B, and officials from China, India".
  // A fresh search: exec on the shared global pattern would leave lastIndex behind for the next sentence's matchAll.
  const list = new RegExp(PARTICIPANTS.source).exec(text);
  if (list && (s.event || PRESENCE.test(text)) && list.index > local.end) {
    const between = text.slice(local.end, list.index);
    const rest = inSentence.filter((q) => q.start > p.start && q.start - s.start < list.index);
    let residue = between;
    for (const q of rest) residue = residue.replace(q.written, " ");
    residue = residue
      .split(/\s+/)
      .filter((w) => w.length > 0 && !TITLE_WORD_PATTERN.test(w) && !countries.codeOf(w.replace(/[,']/g, "")))
      .join(" ");
    if (/^[\s,]*(?:and)?[\s,]*$/.test(residue)) return true;
  }
  return false;
}

/** Who the text places at the meeting: the host, countries listed as taking part, people attending or speaking there. */
export function findAttendees(
  reading: ArticleReading,
  meeting: MeetingMention,
  anchor: NarrativeSentence,
  only: readonly NarrativeSentence[] | null = null,
): AttendeeMention[] {
  const { countries, ctx } = reading;
  const list = new AttendeeList();
  const span = (s: NarrativeSentence) => ({ start: s.start, end: s.end });
  const country = (code: string, s: NarrativeSentence, participation: Participation = "in_person"): void =>
    list.add({ type: "country", name: countries.nameOf(code), role: null, country: code, participation, evidence: span(s) });
  if (meeting.country) country(meeting.country, anchor);
  // Sentences of this meeting's story: not a future one, not another occasion, not another host or city.
  const scope = (only ?? reading.sentences).filter((s) => {
    if (s.future || s.elsewhere || s.background) return false;
    const host = hostOf(s, countries);
    if (host && meeting.country && host !== meeting.country) return false;
    const place = findPlaces(reading.placeText.slice(s.start, s.end), ctx.registry)[0]?.place;
    return !place || meeting.city === null || place.city === meeting.city;
  });
  const known = (p: PersonFound) => reading.people.find((q) => q.name === p.name && q.role !== null);
  const notThere = new Set(scope.flatMap((s) => [...absentees(s, reading.people, countries)]));
  for (const s of scope) {
    if (CALLED_OFF.test(s.narrative)) continue;
    for (const code of countriesAttending(s, countries)) country(code, s);
    // Names inside a quotation are what someone said, not who was there.
    const inSentence = reading.people.filter((p) => p.start >= s.start && p.end <= s.end && s.narrative.slice(p.start - s.start, p.end - s.start).trim() !== "");
    const placed = placedInSentence(s, inSentence, countries);
    for (const p of inSentence) {
      if (!placed.has(p)) continue;
      const role = p.role ?? known(p)?.role ?? null;
      const before = s.narrative.slice(0, p.start - s.start);
      const delegation = ledBy(before) ? countriesAttending(s, countries)[0] : undefined;
      // "Jane Roe represented Oman at the talks".
      const represented = REPRESENTED_COUNTRY.exec(s.narrative.slice(p.end - s.start))?.[1];
      const code = p.country ?? known(p)?.country ?? delegation ?? (represented ? countries.codeOf(represented) : null) ?? null;
      const participation = participationIn(s);
      list.add({ type: "person", name: p.name, role, country: code, participation, evidence: span(s) });
      // The delegation took part as its head did: by video, in writing.
      if (code) country(code, s, participation);
    }
  }
  for (const s of scope) {
    const subject = reading.people.find((p) => p.start >= s.start && p.end <= s.end && s.narrative.slice(p.start - s.start, p.end - s.start).trim() !== "");
    if (!subject || list.has("person", subject.name)) continue;
    const role = subject.role ?? known(subject)?.role ?? null;
    const code = subject.country ?? known(subject)?.country ?? null;
    if (!role || !DELEGATE_ROLE.test(role) || !code || !list.has("country", code)) continue;
    if (!SPEAKS.test(s.narrative.slice(subject.end - s.start))) continue;
    // The paragraph, quotations included, is about the gathering.
    const paragraph = reading.sentences.filter((t) => t.paragraph === s.paragraph).map((t) => t.text).join(" ");
    if (!EVENT_NOUN.test(paragraph) && !/\bparticipants\b/.test(paragraph)) continue;
    list.add({ type: "person", name: subject.name, role, country: code, participation: participationIn(s), evidence: span(s) });
  }
  // Said not to be there anywhere in the story: dropped, except the host.
  for (const key of notThere) if (key !== `country:${meeting.country}`) list.remove(key);
  return list.all();
}
