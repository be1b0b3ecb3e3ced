import { readFileSync } from "node:fs";
import { ingestSource } from "@parley/ingest";
import { extractMeetings, extractPeople } from "../src/meetings/index.ts";
import { REGISTRY } from "./meetings-fixtures.ts";
for (const f of process.argv.slice(2)) {
  const article = ingestSource(f, readFileSync(f), REGISTRY);
  const ctx = { article, registry: REGISTRY };
  console.log("==", f);
  for (const m of extractMeetings(ctx)) console.log(m.key, m.date, m.city, m.country, m.series, m.round, "\n  ", m.attendees.map((a) => a.type === "country" ? a.country : `${a.name}(${a.role ?? "-"},${a.country ?? "-"},${a.participation})`).join(" | "));
  console.log("  people:", extractPeople(ctx).map((p) => `${p.name}[${p.role ?? "-"},${p.country ?? "-"}]`).join("; "));
}
