import type { RegistryPublisher } from "@parley/registry";

export interface BoilerplateCut {
  rule: string;
  start: number;
  end: number;
}

// Lines that are page furniture on any site: reading time, share buttons, reminder buttons, bare "Sources" headings.
const FURNITURE_LINES: ReadonlyArray<[string, RegExp]> = [
  ["reading time", /^\s*\d+\s*(min|mins|minute|minutes)\s+read\s*$/i],
  [
    "page button",
    /^\s*(advertisement|share|share this( article)?|print|remind me later\.?|read more|related( articles)?|sources)\s*$/i,
  ],
  ["comment invitation", /^\s*(join|sign in|log in|subscribe)\b.{0,60}\b(to comment|comments?|newsletter)\b/i],
];

function lineRanges(text: string): Array<{ start: number; end: number; line: string }> {
  const ranges: Array<{ start: number; end: number; line: string }> = [];
  let start = 0;
  for (const line of text.split("\n")) {
    ranges.push({ start, end: start + line.length, line });
    start += line.length + 1;
  }
  return ranges;
}

/** Finds publisher boilerplate by the publisher's curated markers and by general furniture rules. */
export function findBoilerplate(text: string, publisher: RegistryPublisher | undefined): BoilerplateCut[] {
  const cuts: BoilerplateCut[] = [];
  const lines = lineRanges(text);
  const fromMarkers = publisher?.boilerplate_from ?? [];
  const dropLines = new Set((publisher?.boilerplate_lines ?? []).map((l) => l.trim()));
  for (const { start, end, line } of lines) {
    const trimmed = line.trim();
    if (fromMarkers.some((marker) => trimmed.startsWith(marker))) {
      cuts.push({
        rule: `${publisher?.name ?? "publisher"}: text after '${trimmed.slice(0, 40)}'`,
        start,
        end: text.length,
      });
      break;
    }
    if (dropLines.has(trimmed)) {
      cuts.push({ rule: `${publisher?.name ?? "publisher"}: line '${trimmed.slice(0, 40)}'`, start, end });
      continue;
    }
    const furniture = FURNITURE_LINES.find(([, pattern]) => pattern.test(line));
    if (furniture) cuts.push({ rule: furniture[0], start, end });
  }
  return cuts;
}

/** Blanks the cut ranges with spaces (newlines kept), so offsets into the text stay offsets into the file body. */
export function blankOut(text: string, cuts: readonly BoilerplateCut[]): string {
  let result = text;
  for (const { start, end } of cuts) {
    result = result.slice(0, start) + result.slice(start, end).replace(/[^\n]/g, " ") + result.slice(end);
  }
  return result;
}
