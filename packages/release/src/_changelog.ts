import { TABLE_NAMES } from "@parley/model";
import type { DatasetDiff } from "@parley/diff";
import type { Proposal } from "./_bump.ts";

const code = (id: string): string => `\`${id}\``;

/** The diff as Markdown, per table: rows added, removed and changed (by ID, with the changed fields). */
export function renderDiff(diff: DatasetDiff): string {
  const sections: string[] = [];
  for (const table of TABLE_NAMES) {
    const { added, removed, changed } = diff[table];
    if (added.length + removed.length + changed.length === 0) continue;
    const parts = [`### ${table}`];
    if (added.length > 0) parts.push(`Added (${added.length}):\n${added.map((id) => `- ${code(id)}`).join("\n")}`);
    if (removed.length > 0) parts.push(`Removed (${removed.length}):\n${removed.map((id) => `- ${code(id)}`).join("\n")}`);
    if (changed.length > 0) {
      parts.push(`Changed (${changed.length}):\n${changed.map((c) => `- ${code(c.id)}: ${c.fields.join(", ")}`).join("\n")}`);
    }
    sections.push(parts.join("\n\n"));
  }
  return sections.length > 0 ? sections.join("\n\n") : "No record changed.";
}

/** One version's changelog entry; the date is the release's declared creation date. */
export function changelogEntry(proposal: Proposal, date: string, diff: DatasetDiff, schemaNotes: readonly string[] = []): string {
  const kind = proposal.first ? "First" : `${proposal.bump[0]?.toUpperCase()}${proposal.bump.slice(1)}`;
  const lines = [`## ${proposal.version} — ${date}`, "", `${kind} release.`, ""];
  for (const reason of proposal.reasons) lines.push(`- ${reason}`);
  for (const note of schemaNotes) lines.push(`- ${note}`);
  return `${lines.join("\n")}\n\n${renderDiff(diff)}\n`;
}

/** Puts a new entry at the top of a collection's changelog (newest first), creating the file's header if needed. */
export function addChangelogEntry(existing: string | null, entry: string, collection: { name: string; title: string }): string {
  const header = `# Changelog: ${collection.title}\n\nRecord-level changes of every published version of \`${collection.name}\`, newest first. IDs are stable across versions.\n`;
  const body = existing ?? header;
  const at = body.search(/^## /m);
  if (at < 0) return `${body.trimEnd()}\n\n${entry}`;
  return `${body.slice(0, at)}${entry}\n${body.slice(at)}`;
}
