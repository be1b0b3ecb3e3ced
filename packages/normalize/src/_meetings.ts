import type { MeetingMention } from "@parley/model";
import { datesAgree, sameOrUnknown } from "./_merge.ts";

export interface LocatedMeeting {
  source_id: string;
  item: MeetingMention;
}

function agree(a: MeetingMention, b: MeetingMention): boolean {
  return (
    datesAgree(a.date, b.date) &&
    sameOrUnknown(a.city, b.city) &&
    sameOrUnknown(a.series, b.series) &&
    sameOrUnknown(a.round, b.round) &&
    sameOrUnknown(a.country, b.country)
  );
}

// A year-only date may belong to any month of that year; other dates sit in their own month.
function monthKeys(date: string): string[] {
  if (date.length >= 7) return [date.slice(0, 7)];
  return Array.from({ length: 12 }, (_, m) => `${date}-${String(m + 1).padStart(2, "0")}`);
}

const attendeeKeys = (m: MeetingMention): Set<string> =>
  new Set(m.attendees.map((a) => `${a.type}:${a.country ?? ""}:${a.type === "country" ? "" : a.name}`));

/**
 * The one cluster a mention belongs to: the only one it fits, or among several the one sharing clearly most of its
 * attendees (a side meeting of envoys and the main meeting on the same day in one city); a tie is no answer.
 */
function bestByAttendees(fits: number[], clusters: LocatedMeeting[][], mention: LocatedMeeting): number | null {
  if (fits.length === 1) return fits[0] ?? null;
  if (fits.length === 0) return null;
  const own = attendeeKeys(mention.item);
  const scored = fits
    .map((c) => {
      const theirs = new Set((clusters[c] ?? []).flatMap((m) => [...attendeeKeys(m.item)]));
      const shared = [...own].filter((k) => theirs.has(k)).length;
      return { c, score: shared / Math.max(1, new Set([...own, ...theirs]).size) };
    })
    .sort((a, b) => b.score - a.score);
  const [first, second] = scored;
  return first && second && first.score > 0 && first.score >= 2 * second.score ? first.c : null;
}

/**
 * Groups meeting mentions into meetings. A mention joins a meeting only when it agrees with every mention
 * already in it and comes from another source (one article's two meetings are two meetings); a mention that
 * could join two meetings joins none. Most precise dates go first, so vaguer mentions join dated meetings.
 */
export function clusterMeetings(mentions: readonly LocatedMeeting[]): LocatedMeeting[][] {
  const ordered = [...mentions].sort(
    (a, b) =>
      b.item.date.length - a.item.date.length ||
      (a.item.date < b.item.date ? -1 : a.item.date > b.item.date ? 1 : 0) ||
      (a.source_id < b.source_id ? -1 : a.source_id > b.source_id ? 1 : 0) ||
      (a.item.key < b.item.key ? -1 : a.item.key > b.item.key ? 1 : 0),
  );
  const clusters: LocatedMeeting[][] = [];
  // Blocks: a cluster is filed under each month its mentions may fall in, both as a whole and by each city its
  // mentions name ("?" when one names none). A mention in a city can only join a cluster of that city or one with
  // a mention placed nowhere (every member must agree on the city): it looks in those two blocks, not the month's
  // every meeting, so a large corpus with thousands of meetings a month stays near linear.
  const byMonth = new Map<string, Set<number>>();
  const byMonthCity = new Map<string, Set<number>>();
  const file = (map: Map<string, Set<number>>, key: string, index: number): void => {
    let block = map.get(key);
    if (!block) map.set(key, (block = new Set()));
    block.add(index);
  };
  for (const mention of ordered) {
    const candidates = new Set<number>();
    const months = monthKeys(mention.item.date);
    const city = mention.item.city;
    for (const month of months) {
      const blocks =
        city === null ? [byMonth.get(month)] : [byMonthCity.get(`${month}|${city}`), byMonthCity.get(`${month}|?`)];
      for (const block of blocks) for (const c of block ?? []) candidates.add(c);
    }
    const fits = [...candidates].filter((c) => {
      const members = clusters[c] ?? [];
      return members.every((m) => m.source_id !== mention.source_id && agree(m.item, mention.item));
    });
    let index: number;
    const best = bestByAttendees(fits, clusters, mention);
    if (best !== null) {
      index = best;
      clusters[index]?.push(mention);
    } else {
      index = clusters.push([mention]) - 1;
    }
    for (const month of months) {
      file(byMonth, month, index);
      file(byMonthCity, `${month}|${city ?? "?"}`, index);
    }
  }
  return clusters;
}
