import { runCommand, runMain, showUsage } from "citty";
import { parley } from "./_commands.ts";
import { reportFailure } from "./_failure.ts";

/** Runs `parley` with these arguments; returns the exit code (main.ts sets it, the in-process tests read it). */
export async function runCli(rawArgs: string[]): Promise<number> {
  if (rawArgs.length === 0 || rawArgs.includes("--help") || rawArgs.includes("-h")) {
    await runMain(parley, { rawArgs: rawArgs.length === 0 ? ["--help"] : rawArgs });
    return 0;
  }
  try {
    await runCommand(parley, { rawArgs });
    return 0;
  } catch (err) {
    // citty's own errors are usage mistakes: unknown command, missing argument.
    if (err instanceof Error && err.name === "CLIError") {
      await showUsage(parley);
      console.error(`parley: ${err.message}`);
      return 1;
    }
    return reportFailure(err);
  }
}
