import { join, resolve } from "node:path";
import { defineCommand } from "citty";
import { labeller, planRelease, renderDiff, type ReleasePlan } from "@parley/release";
import { collectionDir, findRepoRoot } from "../_paths.ts";
import { buildForRelease, datasetArgs, describePlan, displayPath } from "./release.ts";

export interface RunDiffOptions {
  collectionDir: string;
  datasetsRoot: string;
  log?: (line: string) => void;
}

/** `parley diff`: the record-level diff a release would publish, without publishing anything. */
export async function runDiff(options: RunDiffOptions): Promise<ReleasePlan> {
  const log = options.log ?? ((line: string) => console.log(line));
  const target = await buildForRelease(options.collectionDir);
  for (const warning of target.warnings) log(`warning: ${warning}`);
  const plan = planRelease(
    options.datasetsRoot,
    target.meta.name,
    target.dataset,
    target.retirements,
    target.curationFile,
  );
  // An ID dropped without a redirect would refuse the release: say so here too.
  plan.retired();
  for (const line of describePlan(plan, displayPath)) log(line);
  log("");
  log(
    plan.proposal === null
      ? `No change since ${plan.previous?.version ?? "the latest release"}.`
      : renderDiff(plan.diff, labeller(plan.previous?.dataset ?? null, plan.dataset)),
  );
  log("");
  log("Nothing was published (run 'pnpm parley release' to publish).");
  return plan;
}

export const diff = defineCommand({
  meta: {
    name: "diff",
    description: "Show the record-level diff between the current build and the latest release (publishes nothing)",
  },
  args: datasetArgs,
  async run({ args }) {
    const root = findRepoRoot();
    await runDiff({
      collectionDir: collectionDir(root, args.collection),
      datasetsRoot: resolve(args.datasets ?? join(root, "datasets")),
    });
  },
});
