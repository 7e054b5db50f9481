import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // End-to-end tests spawn the built binary; give a loaded machine some room.
    testTimeout: 30_000,
    // Tests that run newsctl in process from the sources start its threads from the sources too.
    execArgv: ["--import", new URL("./test/helpers/source-hooks.mjs", import.meta.url).href],
  },
});
