import type { Registry } from "@parley/registry";
import { escapeRegExp, type Sentence } from "../text/index.ts";

// Quoted speech of four words or more is what someone said, not the article's narrative of events.
const QUOTED = /[“"]([^“”"\n]+)[”"]/g;

/** The text with long quotations blanked (same length), so narrative rules do not read inside them. */
export function maskQuotes(text: string): string {
  return text.replace(QUOTED, (whole, inner: string) =>
    inner.trim().split(/\s+/).length >= 4 ? whole[0] + " ".repeat(whole.length - 2) + whole.at(-1) : whole,
  );
}

/** Blanks names that contain a city but are not places: series ("Astana Format") and publishers ("The Tehran Times"). */
export function maskNonPlaces(text: string, registry: Registry): string {
  // "Doha meeting on Syria" does say where it met; "Astana Format" is a name, wherever it meets.
  const names = [
    ...registry.series.flatMap((s) => [s.name, ...s.aliases]).filter((n) => !/^\S+\s+(?:meeting|talks|conference|summit)\b/i.test(n)),
    ...registry.publishers.flatMap((p) => [p.name, ...p.aliases]),
  ].sort((a, b) => b.length - a.length);
  if (names.length === 0) return text;
  const pattern = new RegExp(`(?<![\\p{L}])(?:${names.map(escapeRegExp).join("|")})(?![\\p{L}])`, "gu");
  return text.replace(pattern, (m) => " ".repeat(m.length));
}

/** Words naming a gathering. */
export const EVENT_NOUN =
  /\b(?:meetings?|talks|consultations|summit|conference|session|gathering|forum|negotiations|round|format|dialogue|ceremony)\b/i;
const HOSTING = /\b(?:host(?:ed|s)|convened|took place|was held|were held|gathered|met (?:in|with|at|on))\b/;

// A gathering not (yet) held: the next one, one scheduled, one hoped for.
const FUTURE =
  /\b(?:(?:next|upcoming|forthcoming|future|planned|proposed)\s+(?:[\w-]+\s+){0,2}(?:meetings?|talks|consultations|summit|conference|session|round|gathering|forum)|scheduled|(?:will|would|is to|are to)\s+(?:\w+\s+){0,2}(?:take place|be held|be hosted|host|convene|meet|gather|attend|take part|participate|send)|to be held|later this (?:week|month|year)|unlikely that|(?:is|are) expected to (?:meet|gather|convene|take place))\b/i;
// The sentence is about another occasion or time than the meeting reported.
const ELSEWHERE =
  /\b(?:(?:a |an |the )?(?:different|separate|another) (?:event|meeting|occasion|conference|forum)|in an? (?:recent |separate |earlier )?interview|(?:days?|weeks?|months?|years?) (?:after|before|earlier|later)|last (?:week|month|year)|(?:was|were) reported|(?:requesting|requested|asking|asked|seeking|sought) to be invited|earlier this year|ago)\b/i;

const RECENT_GATHERING = /\b(?:gathered|met|convened) (?:in|at) (?:the )?[\p{Lu}][\p{L}-]*(?: [\p{Lu}][\p{L}-]*)* last week\b/u;

// "working groups set up last year": when a thing was made, not another occasion the sentence tells of.
const MADE_LAST = /\b(?:set up|established|created|launched|formed|adopted|signed|announced) last (?:week|month|year)\b/g;

export interface NarrativeSentence extends Sentence {
  /** Narrative text: quotations blanked. */
  narrative: string;
  event: boolean;
  future: boolean;
  elsewhere: boolean;
  /** Dated only long before publication: history, not the news. */
  background: boolean;
}

/** Marks each sentence: does it tell of a gathering, of a future one, or of another occasion? */
export function readNarrative(sentences: readonly Sentence[], masked: string): NarrativeSentence[] {
  return sentences.map((s) => {
    const narrative = masked.slice(s.start, s.end);
    return {
      ...s,
      narrative,
      event: EVENT_NOUN.test(narrative) || HOSTING.test(narrative),
      future: FUTURE.test(narrative),
      // "gathered in Tianjin last week" is the news itself, told a week on: not another occasion.
      elsewhere: ELSEWHERE.test(narrative.replace(RECENT_GATHERING, "").replace(MADE_LAST, "")),
      background: false,
    };
  });
}
