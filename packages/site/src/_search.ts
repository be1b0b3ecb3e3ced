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

/**
 * What the browser gets. Speakers, meetings and collections are tables that quotes point into by
 * position, so a name or a link repeated on thousands of quotes is written once. Links are from the
 * site root (where the search page is).
 */
export interface SearchData {
  /** [quote text, speaker, meeting or -1, collection] */
  docs: Array<[string, number, number, number]>;
  /** [name, page or null] */
  speakers: Array<[string, string | null]>;
  /** ["name (date)", page] */
  meetings: Array<[string, string]>;
  collections: string[];
  /** The serialized MiniSearch index over the docs (ID = position in docs). */
  index: unknown;
}

function interner<T>(table: T[], keyOf: (value: T) => string): (value: T) => number {
  const positions = new Map<string, number>();
  return (value) => {
    const key = keyOf(value);
    let at = positions.get(key);
    if (at === undefined) {
      at = table.length;
      table.push(value);
      positions.set(key, at);
    }
    return at;
  };
}

export function searchData(catalogs: readonly Catalog[]): SearchData {
  const data: SearchData = { docs: [], speakers: [], meetings: [], collections: [], index: null };
  const speakerAt = interner(data.speakers, ([name, href]) => `${name}\u0000${href ?? ""}`);
  const meetingAt = interner(data.meetings, ([, href]) => href);
  const engine = new MiniSearch<{ id: number; text: string; speaker: string }>(SEARCH_OPTIONS);
  for (const catalog of catalogs) {
    const collection = data.collections.push(catalog.collection.title) - 1;
    for (const q of catalog.dataset.quotes) {
      const meeting = q.meeting_id ? catalog.meetingById.get(q.meeting_id) : undefined;
      const meetingHref = meeting ? catalog.meetingHref.get(meeting.meeting_id) : undefined;
      const id = data.docs.length;
      data.docs.push([
        q.text,
        speakerAt([q.speaker_name, q.speaker_id ? (catalog.personHref.get(q.speaker_id) ?? null) : null]),
        meeting && meetingHref ? meetingAt([`${meeting.name} (${meeting.date})`, meetingHref]) : -1,
        collection,
      ]);
      engine.add({ id, text: q.text, speaker: q.speaker_name });
    }
  }
  data.index = engine.toJSON();
  return data;
}

/**
 * The quote index as a script: `<script src>` works from file:// (where fetch() of JSON does not) and on any
 * static host, and needs no inline script. The data is a JSON string handed to JSON.parse, which V8 reads
 * many times faster than the same data written as an object literal (measured: 12 s to about 1 s for
 * 60,000 quotes); the serialized MiniSearch index loads faster than indexing the quotes in the browser.
 */
export function renderSearchIndex(catalogs: readonly Catalog[]): string {
  const json = JSON.stringify(searchData(catalogs));
  return `/* Parley quote search index (MiniSearch over ${SEARCH_OPTIONS.fields.join(", ")}); generated, do not edit. */\nwindow.parleySearch = JSON.parse(${JSON.stringify(json)});\n`;
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
