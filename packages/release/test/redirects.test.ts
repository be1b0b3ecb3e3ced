import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Dataset, PersonRecord, RedirectRecord } from "@parley/model";
import { applyCuration, parseCuration, retirementsOf } from "@parley/normalize";
import { findPublishedVersions, latestRelease, publishRelease, readRelease, resolveRedirect } from "../src/index.ts";
import { firstBuild, META, NO_ASSERTIONS, tempRoot } from "./_fixture.ts";

const CREATED = "2026-12-02T00:00:00Z";
const person = (id: string, name: string): PersonRecord => ({
  person_id: id,
  name,
  curated_fields: [],
  aliases: [],
  country: "RUS",
  role: null,
});

/** 1.0.0 holds two spellings of one person, each attending: the extractor could not tell them apart. */
function twoSpellings(): Dataset {
  const base = firstBuild();
  const attendee = base.attendees[0];
  if (!attendee) throw new Error("the fixture has an attendee");
  const kabulow = {
    ...attendee,
    attendee_id: `${attendee.meeting_id}/person:zamir-kabulow`,
    person_id: "person:zamir-kabulow",
    name: "Zamir Kabulow",
  };
  const kabulov = {
    ...attendee,
    attendee_id: `${attendee.meeting_id}/person:zamir-kabulov`,
    person_id: "person:zamir-kabulov",
    name: "Zamir Kabulov",
  };
  return {
    ...base,
    attendees: [...base.attendees, kabulov, kabulow].sort((a, b) => (a.attendee_id < b.attendee_id ? -1 : 1)),
    people: [
      ...base.people,
      person("person:zamir-kabulov", "Zamir Kabulov"),
      person("person:zamir-kabulow", "Zamir Kabulow"),
    ],
  };
}

const MERGE =
  "- action: merge\n  id: person:zamir-kabulow\n  into: person:zamir-kabulov\n  reason: a transliteration the registry does not fold\n";

describe("redirects: links that never break", () => {
  it("a merge of two people in the curation shows as a redirect in the next release, the attendee following", async () => {
    const root = tempRoot();
    await publishRelease(twoSpellings(), {
      datasetsRoot: root,
      collection: META,
      assertions: NO_ASSERTIONS,
      created: CREATED,
    });
    const curation = parseCuration(MERGE, "curation.yaml");
    const merged = applyCuration(twoSpellings(), curation).dataset;
    const result = await publishRelease(merged, {
      datasetsRoot: root,
      collection: META,
      assertions: NO_ASSERTIONS,
      created: CREATED,
      retirements: retirementsOf(curation),
    });
    expect(result.published).not.toBeNull();
    const dir = result.dir as string;
    const redirects = JSON.parse(readFileSync(join(dir, "redirects.json"), "utf8")) as RedirectRecord[];
    const meeting = firstBuild().meetings[0]?.meeting_id;
    expect(redirects).toEqual([
      {
        old_id: `${meeting}/person:zamir-kabulow`,
        new_id: `${meeting}/person:zamir-kabulov`,
        reason: "follows person:zamir-kabulow: merged: a transliteration the registry does not fold",
        version: result.published,
      },
      {
        old_id: "person:zamir-kabulow",
        new_id: "person:zamir-kabulov",
        reason: "merged: a transliteration the registry does not fold",
        version: result.published,
      },
    ]);
    expect(readFileSync(join(dir, "redirects.csv"), "utf8").split("\n")[0]).toBe("old_id,new_id,reason,version");
    expect(readFileSync(join(dir, "CHANGELOG.md"), "utf8")).toContain(
      "- `person:zamir-kabulow` (Zamir Kabulow) → `person:zamir-kabulov`: merged",
    );
    // The next release keeps the catalog: redirects are never dropped.
    const again = await publishRelease(
      { ...merged, people: merged.people.map((p) => ({ ...p, role: "Special Representative" })) },
      { datasetsRoot: root, collection: META, assertions: NO_ASSERTIONS, created: CREATED },
    );
    expect(readRelease(again.dir as string, again.published as string).redirects).toEqual(redirects);
  });

  it("refuses to drop a published ID that the curation says nothing of, and writes nothing", async () => {
    const root = tempRoot();
    await publishRelease(twoSpellings(), {
      datasetsRoot: root,
      collection: META,
      assertions: NO_ASSERTIONS,
      created: CREATED,
    });
    const dropped = {
      ...twoSpellings(),
      attendees: twoSpellings().attendees.filter((a) => a.person_id !== "person:zamir-kabulow"),
      people: twoSpellings().people.filter((p) => p.person_id !== "person:zamir-kabulow"),
    };
    await expect(
      publishRelease(dropped, { datasetsRoot: root, collection: META, assertions: NO_ASSERTIONS, created: CREATED }),
    ).rejects.toThrow(
      /curation\.yaml: person:zamir-kabulow was published and this build no longer has it — add '- action: retire'/,
    );
    expect(readdirSync(join(root, "moscow-format")).filter((f) => /^\d/.test(f))).toEqual(["1.0.0"]);
  });
});

describe("the catalog of old IDs, checked against every published version", () => {
  it("every ID any version of datasets/ published is in the latest version or redirected from it", () => {
    const root = join(import.meta.dirname, "../../../datasets");
    const versions = findPublishedVersions(root);
    expect(versions.length).toBeGreaterThan(0);
    for (const collection of new Set(versions.map((v) => v.collection))) {
      const latest = latestRelease(root, collection);
      if (!latest) throw new Error(`${collection} has a version`);
      const live = new Set([
        ...latest.dataset.meetings.map((m) => m.meeting_id),
        ...latest.dataset.attendees.map((a) => a.attendee_id),
        ...latest.dataset.quotes.map((q) => q.quote_id),
        ...latest.dataset.people.map((p) => p.person_id),
      ]);
      for (const v of versions.filter((x) => x.collection === collection)) {
        const d = readRelease(v.dir, v.version).dataset;
        const ids = [
          ...d.meetings.map((m) => m.meeting_id),
          ...d.attendees.map((a) => a.attendee_id),
          ...d.quotes.map((q) => q.quote_id),
          ...d.people.map((p) => p.person_id),
        ];
        const broken = ids.filter((id) => {
          const now = resolveRedirect(id, latest.redirects);
          const removed = latest.redirects.some((r) => r.old_id === id && r.new_id === null);
          return !(removed || (now !== null && live.has(now)));
        });
        expect(broken, `${collection} ${v.version}`).toEqual([]);
      }
    }
  });
});
