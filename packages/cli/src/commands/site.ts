import { join, relative, resolve } from "node:path";
import { defineCommand } from "citty";
import { buildSite } from "@parley/site";
import { findRepoRoot } from "../_paths.ts";

export const site = defineCommand({
  meta: {
    name: "site",
    description: "Build the static catalog site (browse, search, download) from datasets/ into site/",
  },
  args: {
    datasets: { type: "string", description: "the datasets folder (default: datasets/)" },
    out: { type: "string", description: "where to write the site (default: site/); replaced whole on every build" },
    current: {
      type: "boolean",
      description: "also show each collection's working build (datasets/<collection>/current/)",
      default: false,
    },
  },
  run({ args }) {
    const root = findRepoRoot();
    const result = buildSite({
      datasetsRoot: resolve(args.datasets ?? join(root, "datasets")),
      outDir: resolve(args.out ?? join(root, "site")),
      current: args.current,
    });
    const where = relative(process.cwd(), result.outDir) || ".";
    console.log(
      `Built ${result.pages} pages (${result.files} files) in ${(result.ms / 1000).toFixed(1)} s into ${where}/`,
    );
    console.log(`Open ${join(where, "index.html")} in a browser, or serve the folder from any static host.`);
  },
});
