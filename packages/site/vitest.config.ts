import { defineConfig } from "vitest/config";

// Browser tests start Chromium and build sites: allow for a loaded 2-core CI machine.
export default defineConfig({ test: { testTimeout: 60_000, hookTimeout: 120_000 } });
