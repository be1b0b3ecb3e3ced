// Formatting that does not depend on the machine's locale, so the same data gives the same bytes anywhere.

export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ["kB", "MB", "GB"];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

const PARTICIPATION: Record<string, string> = {
  in_person: "in person",
  remote: "remotely",
  written: "by written message",
  unknown: "participation not known",
};

export function participationLabel(value: string): string {
  return PARTICIPATION[value] ?? value;
}

/** "2026-11-23T14:03:29Z" → "2026-11-23". */
export function dayOf(timestamp: string | null): string | null {
  return timestamp === null ? null : timestamp.slice(0, 10);
}
