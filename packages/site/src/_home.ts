import type { Catalog } from "./_catalog.ts";
import { formatCount, dayOf } from "./_format.ts";
import { type Html, html } from "./_html.ts";
import { CURRENT } from "./_input.ts";
import type { Page } from "./_layout.ts";
import { homePath, relativeHref, searchPath, versionPath } from "./_paths.ts";
import { renderTimeline } from "./_timeline.ts";
import { meetingsIndexPath, peopleIndexPath } from "./_lists.ts";

const RECENT = 10;

export function searchForm(from: string): Html {
  return html`<form class="search" role="search" action="${relativeHref(from, searchPath())}" method="get">
<label for="home-q">Search quotes and speakers</label>
<input id="home-q" name="q" type="search" autocomplete="off" placeholder="e.g. dialogue, Lavrov">
<button type="submit">Search</button>
</form>`;
}

function collectionSection(catalog: Catalog, from: string): Html {
  const c = catalog.collection;
  const d = catalog.dataset;
  const latest = c.versions.find((v) => v.version !== CURRENT);
  const current = c.versions.find((v) => v.version === CURRENT);
  const to = (p: string): string => relativeHref(from, p);
  const shownLabel = c.shown === CURRENT ? "the working build" : `version ${c.shown}`;
  const recent = catalog.meetings.slice(-RECENT).reverse();
  return html`<section class="collection" aria-labelledby="c-${c.name}">
<h2 id="c-${c.name}">${c.title}</h2>
<p class="lede">${c.description}</p>
<dl class="facts">
${latest ? html`<div><dt>Latest version</dt><dd><a href="${to(versionPath(c.name, latest.version))}">${latest.version}</a>${latest.created ? html` <span class="muted">(${dayOf(latest.created)})</span>` : ""}</dd></div>` : ""}
${current ? html`<div><dt>Working build</dt><dd><a href="${to(versionPath(c.name, CURRENT))}">current</a> <span class="muted">(not released)</span></dd></div>` : ""}
<div><dt>Meetings</dt><dd><a href="${to(meetingsIndexPath(c.name))}">${formatCount(d.meetings.length)}</a></dd></div>
<div><dt>Attendees</dt><dd>${formatCount(d.attendees.length)}</dd></div>
<div><dt>Quotes</dt><dd>${formatCount(d.quotes.length)}</dd></div>
<div><dt>People</dt><dd><a href="${to(peopleIndexPath(c.name))}">${formatCount(d.people.length)}</a></dd></div>
<div><dt>Sources</dt><dd>${formatCount(d.sources.length)}</dd></div>
</dl>
<h3>Timeline of meetings</h3>
<p class="muted">Each mark is a meeting (from ${shownLabel}); follow one to its page.</p>
<div class="timeline-wrap">${renderTimeline(
    catalog.meetings.map((m) => ({ meeting: m, href: to(catalog.meetingHref.get(m.meeting_id) ?? "") })),
    `Timeline of the meetings of ${c.title}`,
  )}</div>
<h3>Latest meetings</h3>
<ul class="meetings">${recent.map(
    (m) =>
      html`<li><a href="${to(catalog.meetingHref.get(m.meeting_id) ?? "")}">${m.name}</a> <span class="muted">${m.date}${m.city ? html`, ${m.city}` : ""}</span></li>`,
  )}</ul>
${catalog.meetings.length > RECENT ? html`<p><a href="${to(meetingsIndexPath(c.name))}">All ${formatCount(catalog.meetings.length)} meetings</a></p>` : ""}
</section>`;
}

export function homePage(catalogs: readonly Catalog[]): Page {
  const from = homePath();
  return {
    path: from,
    title: "Datasets",
    main: html`<h1>Datasets of diplomatic meetings</h1>
<p class="lede">Open, versioned datasets of meetings, who attended and what was said, read from news articles. Every row names its sources and the sentence it came from. Download a version as CSV, JSON or SQLite, or browse it here.</p>
${searchForm(from)}
${catalogs.map((c) => collectionSection(c, from))}`,
  };
}
