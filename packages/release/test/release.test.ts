import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import initSqlJs from "sql.js";
import { describe, expect, it } from "vitest";
import { TABLE_NAMES } from "@parley/model";
import {
  INDEX_FILE,
  isShortenedWording,
  keepPreviousIds,
  publishRelease,
  readRelease,
  renderSqlite,
  sqliteFileName,
  verifyVersionFolder,
  type IndexCollection,
} from "../src/index.ts";
import { firstBuild, LONG_QUOTE, META, NO_ASSERTIONS, refinedBuild, SHORT_QUOTE, tempRoot } from "./_fixture.ts";

const CREATED = "2026-11-23T13:00:00Z";
const options = (root: string, created = CREATED) => ({
  datasetsRoot: root,
  collection: META,
  assertions: NO_ASSERTIONS,
  created,
});

const snapshot = (dir: string): Record<string, string> =>
  Object.fromEntries(
    readdirSync(dir, { recursive: true, encoding: "utf8" })
      .filter((f) => statSync(join(dir, f)).isFile())
      .sort()
      .map((f) => [f, readFileSync(join(dir, f)).toString("base64")]),
  );

describe("publishRelease", () => {
  it("publishes 1.0.0 with tables, data package, SQLite, changelog and checksums that sha256sum accepts", async () => {
    const root = tempRoot();
    const result = await publishRelease(firstBuild(), options(root));
    expect(result.published).toBe("1.0.0");
    const dir = join(root, "moscow-format", "1.0.0");
    const files = readdirSync(dir).sort();
    expect(files).toEqual(
      [
        ...[...TABLE_NAMES, "redirects"].flatMap((t) => [`${t}.csv`, `${t}.json`]),
        "CHANGELOG.md",
        "README.md",
        "SHA256SUMS",
        "datapackage.json",
        sqliteFileName("moscow-format"),
      ].sort(),
    );
    expect(verifyVersionFolder(dir)).toEqual([]);
    const check = spawnSync("sha256sum", ["-c", "SHA256SUMS"], { cwd: dir, encoding: "utf8" });
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(check.stdout.trim().split("\n")).toHaveLength(files.length - 1);
    expect(readFileSync(join(root, "moscow-format", "CHANGELOG.md"), "utf8")).toBe(
      readFileSync(join(dir, "CHANGELOG.md"), "utf8"),
    );
  });

  it("is byte-deterministic apart from the declared creation time", async () => {
    const [a, b] = [tempRoot(), tempRoot()];
    await publishRelease(firstBuild(), options(a, "2026-11-23T13:00:00Z"));
    await publishRelease(firstBuild(), options(b, "2026-11-23T13:00:00Z"));
    expect(snapshot(b)).toEqual(snapshot(a));
    const c = tempRoot();
    await publishRelease(firstBuild(), options(c, "2027-01-02T03:04:05Z"));
    const differing = Object.keys(snapshot(a)).filter((f) => snapshot(a)[f] !== snapshot(c)[f]);
    // The timestamp lives in datapackage.json (and the changelog's and README's date); SHA256SUMS and the index follow from them.
    expect(differing.sort()).toEqual(
      [
        "index.json",
        "moscow-format/1.0.0/CHANGELOG.md",
        "moscow-format/1.0.0/README.md",
        "moscow-format/1.0.0/SHA256SUMS",
        "moscow-format/1.0.0/datapackage.json",
        "moscow-format/CHANGELOG.md",
      ].sort(),
    );
  });

  it("publishes nothing when the build matches the latest release, and says which", async () => {
    const root = tempRoot();
    await publishRelease(firstBuild(), options(root));
    const before = snapshot(root);
    const again = await publishRelease(firstBuild(), options(root, "2030-01-01T00:00:00Z"));
    expect(again.published).toBeNull();
    expect(again.plan.proposal).toBeNull();
    expect(again.plan.previous?.version).toBe("1.0.0");
    expect(snapshot(root)).toEqual(before);
  });

  it("refuses to overwrite a published version", async () => {
    const root = tempRoot();
    await publishRelease(firstBuild(), options(root));
    const before = snapshot(root);
    await expect(publishRelease(refinedBuild(), { ...options(root), version: "1.0.0" })).rejects.toThrow(
      /not newer than the latest release 1\.0\.0/,
    );
    // A folder that exists is frozen even when it is not the latest (a version cut by hand, for example).
    cpSync(join(root, "moscow-format", "1.0.0"), join(root, "moscow-format", "0.9.0"), { recursive: true });
    await expect(publishRelease(refinedBuild(), { ...options(root), version: "1.1.0" })).resolves.toMatchObject({
      published: "1.1.0",
    });
    await expect(
      publishRelease({ ...refinedBuild(), quotes: [] }, { ...options(root), version: "1.1.0" }),
    ).rejects.toThrow(/not newer/);
    expect(snapshot(join(root, "moscow-format", "1.0.0"))).toEqual(
      Object.fromEntries(
        Object.entries(before)
          .filter(([f]) => f.startsWith("moscow-format/1.0.0/"))
          .map(([f, v]) => [f.slice("moscow-format/1.0.0/".length), v]),
      ),
    );
  });

  it("refuses to build on a published version whose files were altered", async () => {
    const root = tempRoot();
    await publishRelease(firstBuild(), options(root));
    appendFileSync(join(root, "moscow-format", "1.0.0", "quotes.csv"), "quote:extra,Added by hand\n");
    await expect(publishRelease(refinedBuild(), options(root))).rejects.toThrow(
      /quotes\.csv: does not match SHA256SUMS/,
    );
    expect(existsSync(join(root, "moscow-format", "1.1.0"))).toBe(false);
  });

  it("keeps the IDs of 1.0.0 when a new source refines a meeting's date and a quote's wording", async () => {
    const root = tempRoot();
    await publishRelease(firstBuild(), options(root));
    const result = await publishRelease(refinedBuild(), options(root));
    const v1 = readRelease(join(root, "moscow-format", "1.0.0"), "1.0.0").dataset;
    const v2 = readRelease(join(root, "moscow-format", "1.1.0"), "1.1.0").dataset;
    expect(result.published).toBe("1.1.0");
    for (const table of ["meetings", "quotes", "people", "attendees"] as const) {
      const key = { meetings: "meeting_id", quotes: "quote_id", people: "person_id", attendees: "attendee_id" }[table];
      const ids = (d: typeof v1) => (d[table] as unknown as Array<Record<string, string>>).map((r) => r[key]);
      expect(ids(v2), table).toEqual(expect.arrayContaining(ids(v1)));
    }
    expect(v2.meetings[0]?.date).toBe("2025-10-07");
    expect(v2.quotes[0]?.text).toBe(refinedBuild().quotes[0]?.text);
    // References follow the kept IDs: every evidence row and attendee points at a published row.
    expect(new Set(v2.evidence.map((e) => e.record_id))).toEqual(new Set(v2.quotes.map((q) => q.quote_id)));
    expect(v2.attendees.every((a) => v2.meetings.some((m) => m.meeting_id === a.meeting_id))).toBe(true);
    expect(result.plan.diff.sources.added).toEqual(["001_calitoday"]);
    expect(result.plan.diff.quotes).toMatchObject({ added: [], removed: [] });
    expect(result.plan.diff.quotes.changed[0]?.fields).toEqual(["source_ids", "text"]);
    const changelog = readFileSync(join(root, "moscow-format", "CHANGELOG.md"), "utf8");
    expect(changelog.indexOf("## 1.1.0")).toBeLessThan(changelog.indexOf("## 1.0.0"));
    expect(changelog).toContain("- `001_calitoday`");
  });

  it("writes an index that lists every version with sizes and checksums, and the latest", async () => {
    const root = tempRoot();
    await publishRelease(firstBuild(), options(root));
    await publishRelease(refinedBuild(), options(root));
    const index = JSON.parse(readFileSync(join(root, INDEX_FILE), "utf8")) as { collections: IndexCollection[] };
    const collection = index.collections.find((c) => c.name === "moscow-format");
    expect(collection?.latest).toBe("1.1.0");
    expect(collection?.versions.map((v) => v.version)).toEqual(["1.1.0", "1.0.0"]);
    for (const version of collection?.versions ?? []) {
      for (const file of version.files) {
        const bytes = readFileSync(join(root, file.path));
        expect(file.bytes).toBe(bytes.byteLength);
        expect(readFileSync(join(root, version.path, "SHA256SUMS"), "utf8")).toContain(`${file.sha256}  ${file.name}`);
      }
    }
  });
});

describe("publishRelease into a folder it did not write", () => {
  it("refuses a folder of other things, by itself and before writing anything", async () => {
    const root = tempRoot();
    writeFileSync(join(root, "thesis.docx"), "chapter one");
    await expect(publishRelease(firstBuild(), options(root))).rejects.toThrow(
      `--datasets: ${root} holds files that are not Parley datasets (thesis.docx) — `,
    );
    expect(readdirSync(root)).toEqual(["thesis.docx"]);
  });
});

describe("frozen versions", () => {
  it.each([
    [
      "a changed byte",
      (dir: string) =>
        writeFileSync(
          join(dir, "people.json"),
          readFileSync(join(dir, "people.json"), "utf8").replace("Lavrov", "Lavrow"),
        ),
      /people\.json: does not match/,
    ],
    [
      "a deleted file",
      (dir: string) => spawnSync("rm", [join(dir, "quotes.csv")]),
      /quotes\.csv: listed in SHA256SUMS but missing/,
    ],
    [
      "an added file",
      (dir: string) => writeFileSync(join(dir, "notes.txt"), "fixed by hand\n"),
      /notes\.txt: not listed/,
    ],
  ])("fail verification on %s", async (_label, alter, message) => {
    const root = tempRoot();
    await publishRelease(firstBuild(), options(root));
    const dir = join(root, "moscow-format", "1.0.0");
    alter(dir);
    expect(verifyVersionFolder(dir).join("\n")).toMatch(message);
  });
});

describe("keepPreviousIds", () => {
  it("leaves a build alone when nothing was refined", () => {
    const { dataset, renamed } = keepPreviousIds(firstBuild(), firstBuild());
    expect(renamed).toEqual([]);
    expect(dataset).toEqual(firstBuild());
  });

  it("does not pair a different quote of the same speaker", () => {
    const other = refinedBuild();
    const q = other.quotes[0];
    if (!q) throw new Error("fixture has a quote");
    other.quotes = [
      { ...q, quote_id: "quote:aaaaaaaaaaaa", text: "We are against any foreign military presence in the region." },
    ];
    other.evidence = [];
    const { renamed } = keepPreviousIds(firstBuild(), other);
    expect(renamed.map((r) => r.to)).toEqual([firstBuild().meetings[0]?.meeting_id]);
  });
});

describe("renderSqlite", () => {
  it("holds every row of every table, lists as JSON, and gives the same bytes twice", async () => {
    const dataset = refinedBuild();
    const bytes = await renderSqlite(dataset, META, "1.1.0");
    expect(Buffer.from(await renderSqlite(dataset, META, "1.1.0")).equals(Buffer.from(bytes))).toBe(true);
    const SQL = await initSqlJs();
    const db = new SQL.Database(bytes);
    for (const table of TABLE_NAMES) {
      expect(db.exec(`SELECT count(*) FROM "${table}"`)[0]?.values[0]?.[0], table).toBe(dataset[table].length);
    }
    const sources = db.exec(`SELECT value FROM quotes, json_each(quotes.source_ids)`)[0]?.values.map((v) => v[0]);
    expect(sources).toEqual(dataset.quotes[0]?.source_ids);
    expect(db.exec(`SELECT value FROM metadata WHERE key = 'version'`)[0]?.values[0]?.[0]).toBe("1.1.0");
    db.close();
  });
});

describe("isShortenedWording", () => {
  it.each([
    [SHORT_QUOTE, LONG_QUOTE, true],
    ["categorically unacceptable under any pretext", LONG_QUOTE, true],
    ["The deployment of military infrastructure … on the territory of Pakistan", LONG_QUOTE, false],
    ["is categorically unacceptable … The deployment of military infrastructure", LONG_QUOTE, false],
    ["We gave it for nothing.", "We are trying to get it back, by the way.", false],
  ])("%s within the fuller wording: %s", (short, full, expected) => {
    expect(isShortenedWording(short, full)).toBe(expected);
  });
});
