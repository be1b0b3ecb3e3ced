// Shows how the meeting rules read one source file: every frame, then the meetings and their attendees.
// Usage: pnpm --filter @parley/extract frames FILE.md [REGISTRY_DIR]
import { resolve } from "node:path";
import { ingestSource, readSourceFile } from "@parley/ingest";
import { loadRegistry } from "@parley/registry";
import { readDocument } from "../src/doc/_document.ts";
import { findFrames } from "../src/meetings/_frames.ts";
import { findMeetings } from "../src/meetings/_meetings.ts";

const file = process.argv[2];
if (!file) {
  console.error("usage: frames FILE.md [REGISTRY_DIR]");
  process.exit(2);
}
const registry = loadRegistry(
  resolve(process.argv[3] ?? new URL("../../../pipelines/registry", import.meta.url).pathname),
);
const article = ingestSource(file, readSourceFile(file), registry);
const doc = readDocument(article, registry);
console.log(`published ${doc.published}; dateline ${doc.dateline?.place.name ?? "none"}`);
console.log(
  `people: ${doc.people.map((p) => `${p.name}${p.country ? `/${p.country}` : ""}${p.role ? ` (${p.role})` : ""}${p.former ? " former" : ""}`).join("; ")}`,
);
console.log(`places: ${doc.places.map((p) => `${p.name}/${p.city.country}`).join("; ")}`);
for (const f of findFrames(doc)) {
  const trigger = doc.text.slice(doc.tokens[f.first]!.start, doc.tokens[f.last]!.end);
  console.log(
    `\nframe [${f.kind}${f.definite ? ", definite" : ""}] "${trigger}" date=${f.date ?? "-"} (${f.dateBasis ?? "-"}) city=${f.cityName ?? "-"} (${f.cityBasis ?? "-"}) placeCountry=${f.placeCountry ?? "-"}`,
  );
  console.log(
    `  people: ${f.people.map((p) => p.name).join(", ")}; countries: ${f.countries.join(", ")}${f.context ? `; sidelines of: ${f.context.name}` : ""}`,
  );
  console.log(`  > ${f.sentence.text.slice(0, 220)}`);
}
console.log("\nMEETINGS");
for (const m of findMeetings(doc)) {
  console.log(
    `- ${m.date} ${m.cityName} ${m.context ? "[context] " : ""}${m.name ?? ""} conf=${m.confidence.toFixed(2)} round=${m.round ?? "-"}`,
  );
  console.log(`  people: ${[...m.people.keys()].join(", ")}; countries: ${[...m.countries.keys()].join(", ")}`);
}
