// Mutation testing (npm run mutate): small changes are made to the parser, dates, folding, the
// terminal sanitiser and the CSV/TSV writer, and the unit tests must notice each one.
// @ts-check
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.unit.config.ts" },
  mutate: [
    "src/core/dump-parser.ts",
    "src/core/article-layout.ts",
    "src/core/dump-line.ts",
    "src/core/dates.ts",
    // Folding: the text, the per-character table, tokens, the offset map, the fragment scanner
    // and its prefilter (one file, fold.ts, until they were split).
    "src/core/fold.ts",
    "src/core/fold-table.ts",
    "src/core/tokens.ts",
    "src/core/fold-offsets.ts",
    "src/core/fragment-scanner.ts",
    "src/core/spelling-prefilter.ts",
    "src/output/terminal-text.ts",
    "src/output/record-writers.ts",
  ],
  coverageAnalysis: "perTest",
  concurrency: 2,
  reporters: ["clear-text", "progress", "json"],
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  // Module-level tables (month names, letter forms) are "static" mutants: the vitest runner
  // cannot switch them between mutants, so they would survive whatever the tests; they are
  // left out of the score (the tests that use the tables still run on every build).
  ignoreStatic: true,
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
};
