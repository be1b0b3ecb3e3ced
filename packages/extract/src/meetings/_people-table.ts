import type { PersonMention } from "@parley/model";
import type { ArticleReading } from "./_meetings.ts";

/** One row per person named in the article: the first role and country reported, and where first named. */
export function peopleOf(reading: ArticleReading): PersonMention[] {
  const byName = new Map<string, PersonMention>();
  for (const p of reading.people) {
    const row = byName.get(p.name);
    if (!row) byName.set(p.name, { name: p.name, role: p.role, country: p.country, evidence: { start: p.sentence.start, end: p.sentence.end } });
    else {
      row.role ??= p.role;
      row.country ??= p.country;
    }
  }
  return [...byName.values()];
}
