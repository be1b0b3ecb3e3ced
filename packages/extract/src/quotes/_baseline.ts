import type { QuoteMention } from "@parley/model";
import type { ArticleContext } from "../_context.ts";

// Baseline: quoted spans of four words or more, attributed to a registry person named in the same paragraph.
const QUOTE = /[“"]([^“”"]+)[”"]/g;

export function extractQuotes(ctx: ArticleContext): QuoteMention[] {
  const quotes: QuoteMention[] = [];
  const { text } = ctx.article;
  for (const match of text.matchAll(QUOTE)) {
    const inner = match[1] ?? "";
    if (inner.trim().split(/\s+/).length < 4) continue;
    const start = (match.index ?? 0) + 1;
    const paraStart = text.lastIndexOf("\n", start) + 1;
    const paraEndRaw = text.indexOf("\n", start);
    const paraEnd = paraEndRaw < 0 ? text.length : paraEndRaw;
    const paragraph = text.slice(paraStart, paraEnd);
    const person = ctx.registry.people.find((p) => [p.name, ...p.aliases].some((n) => paragraph.includes(n.split(" ").at(-1) ?? n)));
    if (!person) continue;
    quotes.push({
      text: inner.trim(),
      span: { start, end: start + inner.length },
      evidence: { start: paraStart, end: paraEnd },
      speaker: { type: "person", name: person.name, role: person.role, country: person.country },
      meeting_key: null,
    });
  }
  return quotes;
}
