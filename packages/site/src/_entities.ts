import type { AttendeeRecord, MeetingRecord, PersonRecord } from "@parley/model";
import { type Catalog, byDate, evidenceOf } from "./_catalog.ts";
import { countryLabel } from "./_countries.ts";
import { participationLabel, plural } from "./_format.ts";
import { type Html, html } from "./_html.ts";
import type { Page } from "./_layout.ts";
import { relativeHref, versionPath } from "./_paths.ts";
import { countryText, quoteFigure, sourcesOf } from "./_parts.ts";

const NO_COUNTRY = "";

/** Attendees by country, countries by name; within one, countries first, then people and organizations by name. */
export function groupByCountry(
  attendees: readonly AttendeeRecord[],
): Array<{ country: string | null; attendees: AttendeeRecord[] }> {
  const groups = new Map<string, AttendeeRecord[]>();
  for (const a of attendees) {
    const key = a.country ?? NO_COUNTRY;
    const group = groups.get(key);
    if (group) group.push(a);
    else groups.set(key, [a]);
  }
  const order = { country: 0, person: 1, organization: 2 } as const;
  const name = (code: string): string => (code === NO_COUNTRY ? "\uffff" : countryLabel(code).name);
  return [...groups]
    .sort(([a], [b]) => (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0))
    .map(([country, rows]) => ({
      country: country === NO_COUNTRY ? null : country,
      attendees: rows.sort(
        (x, y) => order[x.attendee_type] - order[y.attendee_type] || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0),
      ),
    }));
}

function attendeeItem(catalog: Catalog, from: string, a: AttendeeRecord): Html {
  const personHref = a.person_id ? catalog.personHref.get(a.person_id) : undefined;
  const person = a.person_id ? catalog.personById.get(a.person_id) : undefined;
  const name = personHref ? html`<a href="${relativeHref(from, personHref)}">${a.name}</a>` : html`${a.name}`;
  const kind =
    a.attendee_type === "country" ? "delegation" : a.attendee_type === "organization" ? "organization" : null;
  return html`<li class="attendee"><span class="who">${name}</span>${a.role ? html`, ${a.role}` : ""}${kind ? html` <span class="tag">${kind}</span>` : ""} <span class="participation">(${participationLabel(a.participation)})</span>
${sourcesOf(catalog, from, {
  type: "attendee",
  id: a.attendee_id,
  sourceIds: a.source_ids,
  terms: [a.name, a.role, a.country ? countryLabel(a.country).name : null, ...(person?.aliases ?? [])],
})}</li>`;
}

export function meetingPage(catalog: Catalog, meeting: MeetingRecord): Page {
  const c = catalog.collection;
  const from = catalog.meetingHref.get(meeting.meeting_id) ?? "";
  const attendees = catalog.attendeesByMeeting.get(meeting.meeting_id) ?? [];
  const quotes = catalog.quotesByMeeting.get(meeting.meeting_id) ?? [];
  const groups = groupByCountry(attendees);
  return {
    path: from,
    title: meeting.name,
    main: html`<p class="crumbs"><a href="${relativeHref(from, versionPath(c.name, c.shown))}">${c.title}</a></p>
<h1>${meeting.name}</h1>
<dl class="facts">
<div><dt>Date</dt><dd>${meeting.date}</dd></div>
<div><dt>Place</dt><dd>${meeting.city ?? html`<span class="muted">not known</span>`}${meeting.country ? html`, ${countryText(meeting.country)}` : ""}</dd></div>
<div><dt>Series</dt><dd>${meeting.series ?? html`<span class="muted">none known</span>`}</dd></div>
<div><dt>Round</dt><dd>${meeting.round ?? html`<span class="muted">not known</span>`}</dd></div>
${
  // Releases before 2.1.0 have no confidence column.
  typeof meeting.confidence === "number"
    ? html`<div><dt>Confidence</dt><dd>${meeting.confidence.toFixed(2)} <span class="muted">(0 to 1: how surely the sources' text gives this meeting, its date and its place)</span></dd></div>`
    : ""
}
</dl>
${sourcesOf(catalog, from, { type: "meeting", id: meeting.meeting_id, sourceIds: meeting.source_ids, terms: [meeting.city, meeting.series, meeting.name] })}
<section aria-labelledby="attendees"><h2 id="attendees">Attendees</h2>
${attendees.length === 0 ? html`<p>No attendee is known.</p>` : html`<p class="muted">${plural(attendees.length, "attendee")} from ${plural(groups.length, "country", "countries")}.</p>`}
${groups.map(
  (g) =>
    html`<section class="country-group"><h3>${g.country ? countryText(g.country) : "Country not known"}</h3><ul>${g.attendees.map((a) => attendeeItem(catalog, from, a))}</ul></section>`,
)}
</section>
<section aria-labelledby="quotes"><h2 id="quotes">Quotes</h2>
${quotes.length === 0 ? html`<p>No quote is known to have been said at this meeting.</p>` : quotes.map((q) => quoteFigure(catalog, from, q, { speaker: true, meeting: false }))}
</section>`,
  };
}

export function personPage(catalog: Catalog, person: PersonRecord): Page {
  const c = catalog.collection;
  const from = catalog.personHref.get(person.person_id) ?? "";
  const attended = (catalog.attendeesByPerson.get(person.person_id) ?? [])
    .map((a) => ({ a, m: catalog.meetingById.get(a.meeting_id) }))
    .filter((x): x is { a: AttendeeRecord; m: MeetingRecord } => x.m !== undefined)
    .sort((x, y) => byDate(x.m, y.m));
  const quotes = catalog.quotesBySpeaker.get(person.person_id) ?? [];
  const roles = [
    ...new Set(
      [person.role, ...attended.map((x) => x.a.role), ...quotes.map((q) => q.speaker_role)].filter(
        (r): r is string => r !== null,
      ),
    ),
  ].sort();
  const sourceIds = [
    ...new Set([
      ...attended.flatMap((x) => x.a.source_ids),
      ...quotes.flatMap((q) => q.source_ids),
      ...evidenceOf(catalog, "person", person.person_id).flatMap((e) => (e.source_id === null ? [] : [e.source_id])),
    ]),
  ];
  return {
    path: from,
    title: person.name,
    main: html`<p class="crumbs"><a href="${relativeHref(from, versionPath(c.name, c.shown))}">${c.title}</a></p>
<h1>${person.name}</h1>
<dl class="facts">
<div><dt>Country</dt><dd>${countryText(person.country)}</dd></div>
<div><dt>Roles</dt><dd>${roles.length ? roles.join("; ") : html`<span class="muted">not known</span>`}</dd></div>
${person.aliases.length ? html`<div><dt>Also written</dt><dd>${person.aliases.join("; ")}</dd></div>` : ""}
</dl>
<section aria-labelledby="meetings"><h2 id="meetings">Meetings attended</h2>
${
  attended.length === 0
    ? html`<p>No meeting attended is known.</p>`
    : html`<ul class="meetings">${attended.map(
        ({ a, m }) =>
          html`<li><a href="${relativeHref(from, catalog.meetingHref.get(m.meeting_id) ?? "")}">${m.name}</a> <span class="muted">${m.date}${m.city ? html`, ${m.city}` : ""}</span>${a.role ? html`, as ${a.role}` : ""} (${participationLabel(a.participation)})</li>`,
      )}</ul>`
}
</section>
<section aria-labelledby="quotes"><h2 id="quotes">Quotes</h2>
${quotes.length === 0 ? html`<p>No quote is known.</p>` : quotes.map((q) => quoteFigure(catalog, from, q, { speaker: false, meeting: true }))}
</section>
<section aria-labelledby="sources"><h2 id="sources">Sources</h2>
${sourcesOf(catalog, from, { type: "person", id: person.person_id, sourceIds: sourceIds.sort(), terms: [person.name, ...person.aliases] })}
</section>`,
  };
}
