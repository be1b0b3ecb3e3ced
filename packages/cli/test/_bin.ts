import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

/** The command as users run it: the TypeScript sources through tsx. */
export const PARLEY_TSX_BIN = join(REPO, "packages/cli/bin/parley.mjs");
/**
 * The command the spawning tests run: the CLI bundled once per test run by the e2e projects' global setup
 * (packages/cli/scripts/bundle.mjs), so a child process starts without compiling every source through tsx.
 * PARLEY_BIN=packages/cli/bin/parley.mjs runs them through tsx instead.
 */
export const PARLEY_BIN = process.env.PARLEY_BIN
  ? resolve(process.env.PARLEY_BIN)
  : join(REPO, "packages/cli/build/parley.mjs");
