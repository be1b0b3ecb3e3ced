import { runCli } from "./_run.ts";

process.exitCode = await runCli(process.argv.slice(2));
