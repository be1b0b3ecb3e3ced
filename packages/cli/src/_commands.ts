import { defineCommand } from "citty";
import { release } from "./commands/release.ts";
import { diff } from "./commands/diff.ts";
import { build } from "./commands/build.ts";
import { stage } from "./commands/stage.ts";
import { schemas } from "./commands/schemas.ts";
import { evaluate } from "./commands/eval.ts";
import { add } from "./commands/add.ts";
import { check } from "./commands/check.ts";
import { site } from "./commands/site.ts";

export const parley = defineCommand({
  meta: { name: "parley", description: "Parley: open datasets of diplomatic meetings, attendees and quotes" },
  subCommands: { build, stage, schemas, add, check, eval: evaluate, release, diff, site },
});
