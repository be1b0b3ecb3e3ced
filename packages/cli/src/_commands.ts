import { defineCommand } from "citty";

// Each command is loaded when it runs, not at start: `parley stage extract` does not load the site builder's
// browser libraries, nor `parley site` the tagger. Every process Turbo and the tests spawn starts sooner.
export const parley = defineCommand({
  meta: { name: "parley", description: "Parley: open datasets of diplomatic meetings, attendees and quotes" },
  subCommands: {
    build: () => import("./commands/build.ts").then((m) => m.build),
    stage: () => import("./commands/stage.ts").then((m) => m.stage),
    schemas: () => import("./commands/schemas.ts").then((m) => m.schemas),
    add: () => import("./commands/add.ts").then((m) => m.add),
    check: () => import("./commands/check.ts").then((m) => m.check),
    eval: () => import("./commands/eval.ts").then((m) => m.evaluate),
    release: () => import("./commands/release.ts").then((m) => m.release),
    diff: () => import("./commands/diff.ts").then((m) => m.diff),
    site: () => import("./commands/site.ts").then((m) => m.site),
  },
});
