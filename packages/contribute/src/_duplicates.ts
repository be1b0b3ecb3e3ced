import { jaccard, sha256, words } from "@parley/model";
import { parse } from "yaml";

/** What identifies an article already in a collection: its web address and its text. */
export interface SourceIdentity {
  file: string;
  /** Line of the `url:` field, for messages. */
  urlLine: number | null;
  url: string | null;
  /** Line on which the article text starts. */
  bodyLine: number;
  fingerprint: string;
}

// Tracking parameters: the same article shared from a newsletter or a social network.
const TRACKING = /^(utm_\w+|fbclid|gclid|ocid|cmpid|ref|src|smid|at_\w+)$/i;

/** The same article under small URL variations: scheme, `www.`, case of host, tracking query, fragment, final slash. */
export function normalizeUrl(value: string): string {
  try {
    const url = new URL(value.trim());
    const params = [...url.searchParams]
      .filter(([key]) => !TRACKING.test(key))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const query = params.length === 0 ? "" : `?${new URLSearchParams(params).toString()}`;
    const host = url.hostname.toLowerCase().replace(/^(www|amp|m)\./, "");
    return `${host}${url.pathname.replace(/\/+$/, "").replace(/\/amp$/, "")}${query}`;
  } catch {
    return value.trim().toLowerCase();
  }
}

/** The text compared for duplicates: Unicode-normalized, whitespace and case folded, so re-saving does not hide a twin. */
export function textFingerprint(text: string): string {
  return sha256(text.normalize("NFKC").replace(/\s+/g, " ").trim().toLowerCase());
}

/** Front matter lines and body of a source file, without judging them; `close` is the index of the closing fence or -1. */
export function looseSplit(content: string): { frontLines: string[]; body: string; close: number } {
  const lines = content.replace(/\r\n?/g, "\n").split("\n");
  const fenced = /^---[ \t]*$/.test(lines[0] ?? "");
  const close = fenced ? lines.findIndex((l, i) => i > 0 && /^---[ \t]*$/.test(l)) : -1;
  return {
    frontLines: close > 0 ? lines.slice(1, close) : [],
    body: close > 0 ? lines.slice(close + 1).join("\n") : lines.join("\n"),
    close,
  };
}

/**
 * Reads what identifies a source file without judging it: a file with broken front matter still has a URL and
 * a text to compare (check reports what is broken).
 */
export function identifySource(file: string, content: string): SourceIdentity {
  const { frontLines, body, close } = looseSplit(content);
  const urlIndex = frontLines.findIndex((l) => /^url\s*:/.test(l));
  let url: string | null = null;
  if (urlIndex >= 0) {
    try {
      const value: unknown = parse(frontLines[urlIndex] ?? "");
      const raw = (value as { url?: unknown } | null)?.url;
      url = typeof raw === "string" && /^https?:\/\//i.test(raw) ? raw : null;
    } catch {
      url = null;
    }
  }
  return {
    file,
    urlLine: urlIndex >= 0 ? urlIndex + 2 : null,
    url,
    bodyLine: close > 0 ? close + 2 : 1,
    fingerprint: textFingerprint(body),
  };
}

export interface Duplicate {
  /** The file already holding the article. */
  file: string;
  by: "url" | "text";
}

/** The first existing source with the same URL or the same text as the candidate. */
export function findDuplicate(
  candidate: { url: string | null; text: string },
  existing: readonly SourceIdentity[],
): Duplicate | null {
  const url = candidate.url === null ? null : normalizeUrl(candidate.url);
  const fingerprint = textFingerprint(candidate.text);
  for (const source of existing) {
    if (url !== null && source.url !== null && normalizeUrl(source.url) === url)
      return { file: source.file, by: "url" };
    if (source.fingerprint === fingerprint) return { file: source.file, by: "text" };
  }
  return null;
}

/** Runs of five words: two copies of one wire story share most of them even when an outlet edits a few lines. */
export function shingles(text: string): string[] {
  const list = words(text);
  const out: string[] = [];
  for (let i = 0; i + 5 <= list.length; i++) out.push(list.slice(i, i + 5).join(" "));
  return out;
}

/** Share of five-word runs two texts have in common (0..1). */
export function textSimilarity(a: string, b: string): number {
  return jaccard(shingles(a), shingles(b));
}
