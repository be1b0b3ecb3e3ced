import { type Dataset, inputError, InputError, type Problem, type RedirectRecord } from "@parley/model";
import type { Retirement } from "@parley/normalize";

const RETIRABLE = ["meetings", "attendees", "quotes", "people"] as const;
const keyOf = { meetings: "meeting_id", attendees: "attendee_id", quotes: "quote_id", people: "person_id" } as const;

function idsOf(dataset: Dataset): Set<string> {
  return new Set(
    RETIRABLE.flatMap((t) =>
      (dataset[t] as unknown as Array<Record<string, string>>).map((r) => r[keyOf[t]] as string),
    ),
  );
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The redirects a release adds: every ID the previous release published that this one does not keep, with where
 * its row went (or that it was removed) and why. An attendee follows its meeting or person. An ID the curation says
 * nothing of refuses the release: links must never break silently.
 */
export function retire(
  previous: Dataset,
  current: Dataset,
  retirements: readonly Retirement[],
  version: string,
  curationFile: string,
): RedirectRecord[] {
  const now = idsOf(current);
  const gone = [...idsOf(previous)].filter((id) => !now.has(id)).sort(byText);
  const said = new Map(retirements.map((r) => [r.id, r]));
  const redirects: RedirectRecord[] = [];
  const problems: Problem[] = [];
  const follow = (id: string): RedirectRecord | null => {
    const r = said.get(id);
    if (r) return { old_id: id, new_id: r.to, reason: r.reason, version };
    const attendee = /^(meeting:[^/]+)\/(person|country|organization):(.+)$/.exec(id);
    if (!attendee) return null;
    const [, meeting = "", type = "", key = ""] = attendee;
    const meetingMove = said.get(meeting);
    const personMove = type === "person" ? said.get(`person:${key}`) : undefined;
    const move = meetingMove ?? personMove;
    if (!move) return null;
    if (move.to === null)
      return { old_id: id, new_id: null, reason: `removed with ${move.id}: ${move.reason}`, version };
    const newMeeting = meetingMove?.to ?? meeting;
    const newKey = personMove?.to ? personMove.to.slice("person:".length) : key;
    return {
      old_id: id,
      new_id: `${newMeeting}/${type}:${newKey}`,
      reason: `follows ${move.id}: ${move.reason}`,
      version,
    };
  };
  for (const id of gone) {
    const redirect = follow(id);
    if (redirect === null) {
      problems.push({
        file: curationFile,
        line: null,
        message: `${id} was published and this build no longer has it`,
        fix: `add '- action: retire' with 'id: ${id}', 'to:' the ID its row has now (or no 'to' when it is removed) and a reason`,
        severity: "error",
      });
    } else if (redirect.new_id !== null && !now.has(redirect.new_id)) {
      const where = said.get(id);
      problems.push({
        file: where?.file ?? curationFile,
        line: where?.line ?? null,
        message: `${id} is redirected to ${redirect.new_id}, which this build does not have`,
        fix: "point 'to' at an ID of this build, or leave it out when the row was removed",
        severity: "error",
      });
    } else redirects.push(redirect);
  }
  if (problems.length > 0) throw new InputError(problems);
  return redirects;
}

/** Follows redirects from an ID to where its row is now: the live ID, null when removed; throws on a loop. */
export function resolveRedirect(id: string, redirects: readonly RedirectRecord[]): string | null {
  const next = new Map(redirects.map((r) => [r.old_id, r.new_id]));
  let at: string | null = id;
  const seen = new Set<string>();
  while (at !== null && next.has(at)) {
    if (seen.has(at))
      throw inputError("redirects.csv", null, `redirects loop at ${at}`, "fix the retire entries of curation.yaml");
    seen.add(at);
    at = next.get(at) ?? null;
  }
  return at;
}
