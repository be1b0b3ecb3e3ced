import { InputError, formatProblem } from "@parley/model";
import { ValidationFailed } from "@parley/export";

/** Prints a failure for people: input mistakes without a stack trace; returns the exit code. */
export function reportFailure(err: unknown): number {
  if (err instanceof InputError) {
    for (const problem of err.problems) console.error(formatProblem(problem));
    console.error(`\n${err.problems.length} problem(s) to fix; nothing was written.`);
    return 1;
  }
  if (err instanceof ValidationFailed) {
    console.error(err.message);
    return 1;
  }
  console.error("parley: internal error (a bug: please report it with the command you ran)");
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  return 2;
}
