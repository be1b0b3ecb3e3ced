import type {
  AttendeeRecord,
  Dataset,
  EvidenceRecord,
  MeetingRecord,
  PersonRecord,
  QuoteRecord,
  SourceRecord,
} from "@parley/model";
import type { SiteCollection } from "./_input.ts";
import { meetingPath, personPath, slugOf } from "./_paths.ts";

/** One collection's rows with the lookups every page needs, built once (pages must not scan tables per row). */
export interface Catalog {
  collection: SiteCollection;
  dataset: Dataset;
  meetings: MeetingRecord[];
  sources: Map<string, SourceRecord>;
  meetingById: Map<string, MeetingRecord>;
  personById: Map<string, PersonRecord>;
  attendeesByMeeting: Map<string, AttendeeRecord[]>;
  attendeesByPerson: Map<string, AttendeeRecord[]>;
  quotesByMeeting: Map<string, QuoteRecord[]>;
  quotesBySpeaker: Map<string, QuoteRecord[]>;
  evidence: Map<string, EvidenceRecord[]>;
  meetingHref: Map<string, string>;
  personHref: Map<string, string>;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    if (k === null) continue;
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

// Two IDs that differ only in characters a file name cannot hold would share a page: fail rather than
// let one row's page overwrite another's.
function pagesOf(ids: readonly string[], path: (slug: string) => string): Map<string, string> {
  const pages = new Map<string, string>();
  const owner = new Map<string, string>();
  for (const id of ids) {
    const page = path(slugOf(id) || "unnamed");
    const other = owner.get(page);
    if (other !== undefined && other !== id) throw new Error(`'${id}' and '${other}' would share the page ${page}`);
    owner.set(page, id);
    pages.set(id, page);
  }
  return pages;
}

/** Meetings in time order (then by ID), the order of the timeline and of every list of meetings. */
export function byDate(a: MeetingRecord, b: MeetingRecord): number {
  return a.date < b.date
    ? -1
    : a.date > b.date
      ? 1
      : a.meeting_id < b.meeting_id
        ? -1
        : a.meeting_id > b.meeting_id
          ? 1
          : 0;
}

export function catalogOf(collection: SiteCollection): Catalog {
  const dataset = collection.dataset;
  const meetings = [...dataset.meetings].sort(byDate);
  return {
    collection,
    dataset,
    meetings,
    sources: new Map(dataset.sources.map((s) => [s.source_id, s])),
    meetingById: new Map(meetings.map((m) => [m.meeting_id, m])),
    personById: new Map(dataset.people.map((p) => [p.person_id, p])),
    attendeesByMeeting: groupBy(dataset.attendees, (a) => a.meeting_id),
    attendeesByPerson: groupBy(dataset.attendees, (a) => a.person_id),
    quotesByMeeting: groupBy(dataset.quotes, (q) => q.meeting_id),
    quotesBySpeaker: groupBy(dataset.quotes, (q) => q.speaker_id),
    evidence: groupBy(dataset.evidence, (e) => `${e.record_type}\u0000${e.record_id}`),
    meetingHref: pagesOf(
      meetings.map((m) => m.meeting_id),
      (slug) => meetingPath(collection.name, slug),
    ),
    personHref: pagesOf(
      dataset.people.map((p) => p.person_id),
      (slug) => personPath(collection.name, slug),
    ),
  };
}

export function evidenceOf(catalog: Catalog, recordType: EvidenceRecord["record_type"], id: string): EvidenceRecord[] {
  return catalog.evidence.get(`${recordType}\u0000${id}`) ?? [];
}
