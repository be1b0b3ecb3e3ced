import { createHash } from "node:crypto";

/** Lowercase ASCII slug: "Maria Zakharova" → "maria-zakharova". */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** Short content hash for IDs: 12 hex digits of sha256 (48 bits, collision-safe far beyond 100,000 rows). */
export function shortHash(text: string): string {
  return sha256(text).slice(0, 12);
}

export function personId(canonicalName: string): string {
  return `person:${slugify(canonicalName)}`;
}

/**
 * A meeting's key is what stays when sources refine it: series and round where both are known
 * (`meeting:moscow-format:7`), otherwise the date first known and the host city (`meeting:2024-10:moscow`).
 * A release keeps a published ID when a later build refines the date (see @parley/release continuity).
 */
export function meetingId(series: string | null, round: number | null, date: string, city: string | null): string {
  if (series !== null && round !== null) return `meeting:${slugify(series)}:${round}`;
  return `meeting:${date}:${slugify(city ?? "unknown")}`;
}

/** An attendee is its meeting and who attended: `<meeting_id>/person:maria-zakharova`, `<meeting_id>/country:qat`. */
export function attendeeId(meetingIdValue: string, kind: string, key: string): string {
  const bare = key.startsWith(`${kind}:`) ? key.slice(kind.length + 1) : key;
  return `${meetingIdValue}/${kind}:${slugify(bare)}`;
}

/** Quote identity is its speaker and its text folded for comparison. */
export function quoteId(speakerKey: string, foldedText: string): string {
  return `quote:${shortHash(`${speakerKey}\u0000${foldedText}`)}`;
}
