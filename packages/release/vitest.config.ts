import { defineConfig } from "vitest/config";

// Tests publish real releases (WebAssembly SQLite, large JSON Schema profiles): allow for a loaded 2-core CI machine.
export default defineConfig({ test: { testTimeout: 60_000 } });
