import type { EvidenceRecord, QuoteRecord } from "@parley/model";
import { type Catalog, evidenceOf } from "./_catalog.ts";
import { countryLabel } from "./_countries.ts";
import { highlight } from "./_highlight.ts";
import { type Html, html, safeUrl } from "./_html.ts";
import { relativeHref } from "./_paths.ts";

export function sourcesPagePath(collection: string): string {
  return `${collection}/sources.html`;
}

/** "🇷🇺 Russia (RUS)": the code stays beside the flag for readers whose system draws no flag emoji. */
export function countryText(code: string | null): Html {
  if (code === null) return html`<span class="muted">country not known</span>`;
  const c = countryLabel(code);
  return html`<span class="country">${c.flag ? html`<span class="flag" aria-hidden="true">${c.flag}</span> ` : ""}${c.name} <abbr class="code">${c.code}</abbr></span>`;
}

function evidenceSentence(e: EvidenceRecord, terms: readonly string[]): Html {
  const parts = highlight(e.sentence, terms).map((s) => (s.marked ? html`<mark>${s.text}</mark>` : html`${s.text}`));
  return html`<blockquote class="evidence">${parts}</blockquote>`;
}

/**
 * The sources of one row: each source with a link to its entry (and to the article when its URL is a web
 * address), and the sentences of that source that support the row, with the supporting words marked.
 */
export function sourcesOf(
  catalog: Catalog,
  from: string,
  row: {
    type: EvidenceRecord["record_type"];
    id: string;
    sourceIds: readonly string[];
    terms: ReadonlyArray<string | null>;
  },
): Html {
  const evidence = evidenceOf(catalog, row.type, row.id);
  const ids = [
    ...new Set([...row.sourceIds, ...evidence.flatMap((e) => (e.source_id === null ? [] : [e.source_id]))]),
  ].sort();
  const terms = row.terms.filter((t): t is string => t !== null);
  const entries = ids.map((id) => {
    const source = catalog.sources.get(id);
    const entry = relativeHref(from, `${sourcesPagePath(catalog.collection.name)}#${id}`);
    const url = safeUrl(source?.url);
    const sentences = evidence.filter((e) => e.source_id === id);
    return html`<li class="source"><a href="${entry}">${source?.title ?? id}</a>${
      source ? html` <span class="muted">${source.publisher}, ${source.published}</span>` : ""
    }${url ? html` · <a href="${url}" rel="noopener noreferrer external">article</a>` : ""}${sentences.map((e) => evidenceSentence(e, terms))}</li>`;
  });
  return html`<details class="sources"><summary>${ids.length === 1 ? "1 source" : `${ids.length} sources`}</summary><ul>${entries}</ul></details>`;
}

/** A quote as a figure: the words, who said them (linked), where (linked), and its sources. */
export function quoteFigure(
  catalog: Catalog,
  from: string,
  quote: QuoteRecord,
  show: { speaker: boolean; meeting: boolean },
): Html {
  const speakerHref = quote.speaker_id ? catalog.personHref.get(quote.speaker_id) : undefined;
  const meeting = quote.meeting_id ? catalog.meetingById.get(quote.meeting_id) : undefined;
  const meetingHref = quote.meeting_id ? catalog.meetingHref.get(quote.meeting_id) : undefined;
  const speaker = speakerHref
    ? html`<a href="${relativeHref(from, speakerHref)}">${quote.speaker_name}</a>`
    : html`${quote.speaker_name}`;
  const role = quote.speaker_role && quote.speaker_role !== quote.speaker_name ? html`, ${quote.speaker_role}` : "";
  const at =
    meeting && meetingHref
      ? html` at <a href="${relativeHref(from, meetingHref)}">${meeting.name}</a> (${meeting.date})`
      : "";
  return html`<figure class="quote" id="${quote.quote_id}">
<blockquote><p>${quote.text}</p></blockquote>
<figcaption>${show.speaker ? html`— ${speaker}${role}` : ""}${show.meeting ? at : ""}</figcaption>
${sourcesOf(catalog, from, { type: "quote", id: quote.quote_id, sourceIds: quote.source_ids, terms: [quote.text, quote.speaker_name] })}
</figure>`;
}
