import type { Catalog } from "./_catalog.ts";
import { plural } from "./_format.ts";
import { html, safeUrl } from "./_html.ts";
import type { Page } from "./_layout.ts";
import { relativeHref } from "./_paths.ts";
import { countryText, sourcesPagePath } from "./_parts.ts";

export const meetingsIndexPath = (collection: string): string => `${collection}/meetings/index.html`;
export const peopleIndexPath = (collection: string): string => `${collection}/people/index.html`;

export function meetingsIndexPage(catalog: Catalog): Page {
  const c = catalog.collection;
  const from = meetingsIndexPath(c.name);
  return {
    path: from,
    title: `Meetings · ${c.title}`,
    main: html`<h1>Meetings</h1>
<p class="lede">${c.title}: ${plural(catalog.meetings.length, "meeting")}, oldest first.</p>
<table><thead><tr><th scope="col">Date</th><th scope="col">Meeting</th><th scope="col">Place</th><th scope="col">Attendees</th></tr></thead><tbody>
${catalog.meetings.map(
  (m) =>
    html`<tr><td>${m.date}</td><td><a href="${relativeHref(from, catalog.meetingHref.get(m.meeting_id) ?? "")}">${m.name}</a></td><td>${m.city ?? ""}</td><td>${catalog.attendeesByMeeting.get(m.meeting_id)?.length ?? 0}</td></tr>`,
)}
</tbody></table>`,
  };
}

export function peopleIndexPage(catalog: Catalog): Page {
  const c = catalog.collection;
  const from = peopleIndexPath(c.name);
  const people = [...catalog.dataset.people].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    path: from,
    title: `People · ${c.title}`,
    main: html`<h1>People</h1>
<p class="lede">${c.title}: ${plural(people.length, "person", "people")}.</p>
<table><thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Country</th><th scope="col">Meetings</th><th scope="col">Quotes</th></tr></thead><tbody>
${people.map(
  (p) =>
    html`<tr><td><a href="${relativeHref(from, catalog.personHref.get(p.person_id) ?? "")}">${p.name}</a></td><td>${p.role ?? ""}</td><td>${p.country ? countryText(p.country) : ""}</td><td>${catalog.attendeesByPerson.get(p.person_id)?.length ?? 0}</td><td>${catalog.quotesBySpeaker.get(p.person_id)?.length ?? 0}</td></tr>`,
)}
</tbody></table>`,
  };
}

export function sourcesPage(catalog: Catalog): Page {
  const c = catalog.collection;
  const from = sourcesPagePath(c.name);
  return {
    path: from,
    title: `Sources · ${c.title}`,
    main: html`<h1>Sources</h1>
<p class="lede">${c.title}: ${plural(catalog.dataset.sources.length, "article")} the rows were read from. The SHA-256 is of the article text.</p>
<ul class="source-list">
${catalog.dataset.sources.map((s) => {
  const url = safeUrl(s.url);
  return html`<li id="${s.source_id}"><strong>${s.title}</strong><br><span class="muted">${s.publisher}, ${s.published} · ${s.language} · <code>${s.source_id}</code></span>${
    url ? html`<br><a href="${url}" rel="noopener noreferrer external">${url}</a>` : ""
  }</li>`;
})}
</ul>`,
  };
}
