import MiniSearch from "minisearch";
import type { Catalog } from "./_catalog.ts";
import { html, type Html } from "./_html.ts";
import { formatCount } from "./_format.ts";
import type { Page } from "./_layout.ts";
import { searchPath } from "./_paths.ts";

export const SEARCH_INDEX_PATH = "assets/search-index.js";
export const SEARCH_ENGINE_PATH = "assets/minisearch.js";
export const SEARCH_SCRIPT_PATH = "assets/search.js";

/** The fields and options the browser must load the index with: the same as it was built with. */
export const SEARCH_OPTIONS = { idField: "id", fields: ["text", "speaker"], storeFields: [] as string[] };

/** One result as the browser shows it: [quote, speaker, speaker page, meeting, meeting page, collection]; links from the site root. */
export type SearchDoc = [string, string, string | null, string | null, string | null, string];

/**
 * The quote index as a script: `<script src>` works from file:// (where fetch() of JSON does not) and on any
 * static host, and needs no inline script. The serialized MiniSearch index loads faster than indexing
 * 100,000 quotes in the browser; documents sit beside it, in the order of their IDs.
 */
export function renderSearchIndex(catalogs: readonly Catalog[]): string {
  const docs: SearchDoc[] = [];
  const engine = new MiniSearch<{ id: number; text: string; speaker: string }>(SEARCH_OPTIONS);
  for (const catalog of catalogs) {
    for (const q of catalog.dataset.quotes) {
      const meeting = q.meeting_id ? catalog.meetingById.get(q.meeting_id) : undefined;
      const id = docs.length;
      docs.push([
        q.text,
        q.speaker_name,
        q.speaker_id ? (catalog.personHref.get(q.speaker_id) ?? null) : null,
        meeting ? `${meeting.name} (${meeting.date})` : null,
        meeting ? (catalog.meetingHref.get(meeting.meeting_id) ?? null) : null,
        catalog.collection.title,
      ]);
      engine.add({ id, text: q.text, speaker: q.speaker_name });
    }
  }
  // JSON is a JavaScript expression; U+2028/2029 are legal in string literals since ES2019.
  return `/* Parley quote search index (MiniSearch ${SEARCH_OPTIONS.fields.join(", ")}); generated, do not edit. */\nwindow.parleySearch = {"docs":${JSON.stringify(docs)},"index":${JSON.stringify(engine)}};\n`;
}

export function searchPage(quoteCount: number): Page {
  const from = searchPath();
  const form: Html = html`<form class="search" role="search" id="search-form" action="${from}" method="get">
<label for="q">Search quotes and speakers</label>
<input id="q" name="q" type="search" autocomplete="off" aria-describedby="search-status" aria-controls="results"
 data-engine="${SEARCH_ENGINE_PATH}" data-index="${SEARCH_INDEX_PATH}" placeholder="a word of a quote, or a speaker's name">
</form>`;
  return {
    path: from,
    title: "Search quotes",
    scripts: [SEARCH_SCRIPT_PATH],
    main: html`<h1>Search quotes</h1>
<p class="lede">Search the ${quoteCount === 1 ? "quote" : `${formatCount(quoteCount)} quotes`} of every collection by their words or by who said them. Results link to the meeting and the speaker.</p>
${form}
<p id="search-status" class="muted" aria-live="polite">Type to search; the index loads when you start.</p>
<ol id="results" class="results"></ol>
<noscript><p>Search needs JavaScript. Every quote is also on its meeting's and its speaker's page, and in the downloads.</p></noscript>`,
  };
}
