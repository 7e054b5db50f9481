import { defineConfig } from "vitest/config";

// The tests that import the sources directly (no built binary): what mutation testing runs.
export default defineConfig({
  test: {
    include: ["test/unit/**/*.test.ts"],
  },
});
