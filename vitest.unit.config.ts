import { defineConfig } from "vitest/config";

// The tests that import the sources directly (no built binary): what mutation testing runs.
// The shared corpus parsed in process is among them, where ../shared is there.
export default defineConfig({
  test: {
    include: ["test/unit/**/*.test.ts", "test/corpus/parse-in-process.test.ts"],
  },
});
