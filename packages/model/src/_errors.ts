/** One problem in a user's input, printed as `path:line: message — fix`. */
export interface Problem {
  file: string;
  line: number | null;
  message: string;
  fix: string;
  severity: "error" | "warning";
}

export function formatProblem(problem: Problem): string {
  const where = problem.line === null ? problem.file : `${problem.file}:${problem.line}`;
  return `${where}: ${problem.message} — ${problem.fix}`;
}

/** A mistake in input files: reported to the user without a stack trace. */
export class InputError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(problems.map(formatProblem).join("\n"));
    this.name = "InputError";
    this.problems = problems;
  }
}

export function inputError(file: string, line: number | null, message: string, fix: string): InputError {
  return new InputError([{ file, line, message, fix, severity: "error" }]);
}
