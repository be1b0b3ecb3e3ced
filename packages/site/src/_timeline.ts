import type { MeetingRecord } from "@parley/model";
import { escapeHtml, type Html, trusted } from "./_html.ts";

export interface TimelineMark {
  meeting: MeetingRecord;
  href: string;
}

const WIDTH = 800;
const LANE = 28;
const TOP = 12;
const LEFT = 150;
const RIGHT = 20;
const AXIS = 26;
const MAX_LANES = 8;
const DAY = 86_400_000;

/** A partial date as a point in time: the middle of the year or month when only that is known. */
export function dateValue(date: string): number {
  const [y = 1970, m, d] = date.split("-").map(Number);
  if (m === undefined) return Date.UTC(y, 6, 1);
  if (d === undefined) return Date.UTC(y, m - 1, 15);
  return Date.UTC(y, m - 1, d);
}

/** One lane per series, the busiest first; past MAX_LANES the rest share "Other series". */
function lanesOf(meetings: readonly MeetingRecord[]): { names: string[]; laneOf: (m: MeetingRecord) => number } {
  const counts = new Map<string, number>();
  for (const m of meetings) counts.set(m.series ?? "", (counts.get(m.series ?? "") ?? 0) + 1);
  const ranked = [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([name]) => name);
  const kept = ranked.length > MAX_LANES ? ranked.slice(0, MAX_LANES - 1) : ranked;
  const names = kept.map((n) => n || "No series");
  if (ranked.length > kept.length) names.push("Other series");
  const index = new Map(kept.map((n, i) => [n, i]));
  return { names, laneOf: (m) => index.get(m.series ?? "") ?? kept.length };
}

const fixed = (n: number): string => (Math.round(n * 10) / 10).toString();

/**
 * The meetings of a collection on a time axis, drawn at build time: no script, every mark a link to its
 * meeting page with the name and date as its accessible label and tooltip.
 */
export function renderTimeline(marks: readonly TimelineMark[], label: string): Html {
  if (marks.length === 0) return trusted("");
  const { names, laneOf } = lanesOf(marks.map((m) => m.meeting));
  const times = marks.map((m) => dateValue(m.meeting.date));
  const first = Math.min(...times);
  const last = Math.max(...times);
  // A single day still gets a visible span, so one meeting sits in the middle rather than on the edge.
  const from = first - Math.max(30 * DAY, (last - first) * 0.03);
  const to = last + Math.max(30 * DAY, (last - first) * 0.03);
  const x = (t: number): number => LEFT + ((t - from) / (to - from)) * (WIDTH - LEFT - RIGHT);
  const height = TOP + names.length * LANE + AXIS;
  const axisY = TOP + names.length * LANE;
  const parts: string[] = [];
  names.forEach((name, i) => {
    const y = TOP + i * LANE + LANE / 2;
    parts.push(
      `<text class="lane" x="${LEFT - 8}" y="${fixed(y + 4)}" text-anchor="end">${escapeHtml(truncate(name, 22))}</text>`,
    );
    parts.push(`<line class="grid" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${fixed(y)}" y2="${fixed(y)}"/>`);
  });
  parts.push(`<line class="axis" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${axisY}" y2="${axisY}"/>`);
  const firstYear = new Date(from).getUTCFullYear() + 1;
  const lastYear = new Date(to).getUTCFullYear();
  const step = Math.max(1, Math.ceil((lastYear - firstYear + 1) / 10));
  for (let year = firstYear; year <= lastYear; year += step) {
    const tx = fixed(x(Date.UTC(year, 0, 1)));
    parts.push(
      `<line class="tick" x1="${tx}" x2="${tx}" y1="${TOP}" y2="${axisY + 4}"/><text class="year" x="${tx}" y="${axisY + 18}" text-anchor="middle">${year}</text>`,
    );
  }
  marks.forEach((mark, i) => {
    const m = mark.meeting;
    const cx = fixed(x(times[i] ?? first));
    const cy = fixed(TOP + laneOf(m) * LANE + LANE / 2);
    const title = escapeHtml(`${m.name}, ${m.date}${m.city ? `, ${m.city}` : ""}`);
    parts.push(
      `<a href="${escapeHtml(mark.href)}" aria-label="${title}"><circle cx="${cx}" cy="${cy}" r="7"><title>${title}</title></circle></a>`,
    );
  });
  return trusted(
    `<svg class="timeline" viewBox="0 0 ${WIDTH} ${height}" role="group" aria-label="${escapeHtml(label)}" xmlns="http://www.w3.org/2000/svg">${parts.join("")}</svg>`,
  );
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
