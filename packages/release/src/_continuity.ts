import {
  foldName,
  quoteKey,
  quotesMatch,
  type Dataset,
  type MeetingRecord,
  type PersonRecord,
  type QuoteRecord,
} from "@parley/model";
import { datesAgree, renameIds } from "@parley/normalize";

export interface Renamed {
  from: string;
  to: string;
}

/**
 * Pairs rows that are new in this build with rows of the previous release that have gone, when exactly one
 * previous row is the same thing: each new row takes the old ID. Ambiguous pairs are left for curation.
 */
function pairOrphans<T>(
  fresh: readonly T[],
  gone: readonly T[],
  idOf: (row: T) => string,
  same: (a: T, b: T) => boolean,
): Renamed[] {
  const used = new Set<string>();
  const pairs: Renamed[] = [];
  for (const row of [...fresh].sort((a, b) => (idOf(a) < idOf(b) ? -1 : 1))) {
    const candidates = gone.filter((old) => !used.has(idOf(old)) && same(row, old));
    const only = candidates.length === 1 ? candidates[0] : undefined;
    if (only === undefined) continue;
    used.add(idOf(only));
    pairs.push({ from: idOf(row), to: idOf(only) });
  }
  return pairs;
}

function orphans<T>(
  current: readonly T[],
  previous: readonly T[],
  idOf: (row: T) => string,
): { fresh: T[]; gone: T[] } {
  const before = new Set(previous.map(idOf));
  const now = new Set(current.map(idOf));
  return { fresh: current.filter((r) => !before.has(idOf(r))), gone: previous.filter((r) => !now.has(idOf(r))) };
}

const sameOrUnknown = <T>(a: T | null, b: T | null): boolean => a === null || b === null || a === b;

/** One wording is the other with parts left out at its ellipses ("the talks… will continue"): every fragment, in order. */
export function isShortenedWording(short: string, full: string): boolean {
  const whole = ` ${quoteKey(full)} `;
  const fragments = short
    .split(/\u2026|\.\.\./)
    .map(quoteKey)
    .filter((f) => f.length > 0);
  let from = 0;
  for (const fragment of fragments) {
    const at = whole.indexOf(` ${fragment} `, from);
    if (at < 0) return false;
    from = at + fragment.length + 1;
  }
  return fragments.length > 0;
}

const namesOf = (p: PersonRecord): Set<string> => new Set([p.name, ...p.aliases].map(foldName));

/**
 * Keeps the IDs of a previous release for rows whose identifying facts were refined by a new source: a meeting
 * whose date became more precise, a quote of which a fuller wording was found, a person whose canonical name
 * changed but who is still known by an old spelling. Every reference follows the kept ID.
 */
export function keepPreviousIds(previous: Dataset, current: Dataset): { dataset: Dataset; renamed: Renamed[] } {
  const people = orphans(current.people, previous.people, (p) => p.person_id);
  const peoplePairs = pairOrphans(
    people.fresh,
    people.gone,
    (p) => p.person_id,
    (a, b) => {
      const old = namesOf(b);
      return [...namesOf(a)].some((n) => old.has(n));
    },
  );
  const meetings = orphans(current.meetings, previous.meetings, (m) => m.meeting_id);
  const meetingPairs = pairOrphans<MeetingRecord>(
    meetings.fresh,
    meetings.gone,
    (m) => m.meeting_id,
    (a, b) =>
      // A refined meeting keeps every source it had: a new source adds to a row, it never takes one away.
      datesAgree(a.date, b.date) &&
      sameOrUnknown(a.city, b.city) &&
      sameOrUnknown(a.series, b.series) &&
      sameOrUnknown(a.round, b.round) &&
      b.source_ids.every((s) => a.source_ids.includes(s)),
  );
  const personRename = new Map(peoplePairs.map((p) => [p.from, p.to]));
  const speakerOf = (q: QuoteRecord): string =>
    q.speaker_id === null
      ? `${q.speaker_type}:${foldName(q.speaker_name)}`
      : (personRename.get(q.speaker_id) ?? q.speaker_id);
  const quotes = orphans(current.quotes, previous.quotes, (q) => q.quote_id);
  const quotePairs = pairOrphans<QuoteRecord>(
    quotes.fresh,
    quotes.gone,
    (q) => q.quote_id,
    (a, b) =>
      speakerOf(a) === speakerOf(b) &&
      (quotesMatch(a.text, b.text) || isShortenedWording(a.text, b.text) || isShortenedWording(b.text, a.text)),
  );
  const renamed = [...peoplePairs, ...meetingPairs, ...quotePairs];
  return { dataset: renameIds(current, new Map(renamed.map((r) => [r.from, r.to]))), renamed };
}
