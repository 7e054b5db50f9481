// Every option a command offers changes that command's plan where that option belongs: an option
// offered and ignored, or read into the wrong place, fails here. The walk goes over the options as
// commander is told of them (the table), so a new option without a plan that reads it, or
// without an example below, fails too.

import { describe, expect, it } from "vitest";
import { loadCommands } from "../../src/cli.js";
import type { CommandInput } from "../../src/commands/command-definition.js";
import { type CommandName, optionsOf, type OptionKey, type GivenOptions } from "../../src/commands/option-table.js";
import type { PlanEnvironment } from "../../src/commands/option-values.js";

/** A value for each option that differs from what the command does without it. */
interface Example {
  value: string | boolean | string[];
  /** Options the example needs beside it (--csv-raw needs a sheet format). */
  with?: GivenOptions;
  /** PATH arguments for the example, where the usual ones do not go with it (--db). */
  paths?: string[];
}

const EXAMPLES: Readonly<Record<OptionKey, Example>> = {
  include: { value: "*.dump" },
  jobs: { value: "7" },
  tz: { value: "Asia/Riyadh" },
  quiet: { value: true },
  strict: { value: true },
  since: { value: "2021-01-01" },
  until: { value: "2021-12-31" },
  agency: { value: ["تنا"] },
  id: { value: ["490728"] },
  limit: { value: "3" },
  format: { value: "json" },
  json: { value: true },
  // Export's format is NDJSON without it: named, it must win over -o's extension.
  ndjson: { value: true, with: { output: "out.csv" } },
  csv: { value: true },
  tsv: { value: true },
  esBulk: { value: true },
  parquet: { value: true, with: { output: "out.bin" } },
  fields: { value: "id,headline", with: { json: true } },
  csvRaw: { value: true, with: { csv: true } },
  bom: { value: true, with: { csv: true } },
  output: { value: "out.ndjson" },
  db: { value: "other.db", paths: [] },
  index: { value: "news", with: { esBulk: true } },
  dedup: { value: true },
  threshold: { value: "0.9", with: { dedup: true } },
  exact: { value: true },
  sort: { value: "date" },
  count: { value: true },
  port: { value: "9090" },
  host: { value: "0.0.0.0" },
  open: { value: true },
  lang: { value: "ar" },
  query: { value: ["داعش"] },
  by: { value: "week" },
  split: { value: "agency" },
  width: { value: "3" },
  top: { value: "7" },
  stopWords: { value: "none" },
  minCount: { value: "2" },
  window: { value: "2" },
  measure: { value: "mi" },
  minTogether: { value: "1" },
};

/** Where a command reads an option otherwise than the others do. */
const EXAMPLES_OF: Readonly<Partial<Record<CommandName, Partial<Record<OptionKey, Example>>>>> = {
  // index writes the index that --db names, from the dumps it still reads.
  index: { db: { value: "other.db" } },
  serve: { db: { value: "other.db" } },
  kwic: { sort: { value: "left" } },
  // The query stays; only the paths go.
  trend: { db: { value: "other.db", paths: ["الجيش"] } },
};

/** The command line each command's plan is made from, without the option under test. */
const BASES: Readonly<Record<CommandName, CommandInput>> = {
  parse: { args: [], paths: ["dumps"], options: {} },
  search: { args: ["الجيش"], paths: ["dumps"], options: {} },
  export: { args: [], paths: ["dumps"], options: {} },
  show: { args: ["490728"], paths: ["dumps"], options: {} },
  check: { args: [], paths: ["dumps"], options: {} },
  index: { args: [], paths: ["dumps"], options: { db: "news.db" } },
  stats: { args: [], paths: ["dumps"], options: {} },
  dedup: { args: [], paths: ["dumps"], options: {} },
  "es-template": { args: [], paths: [], options: {} },
  completion: { args: ["bash"], paths: [], options: {} },
  serve: { args: [], paths: [], options: { db: "news.db" } },
  trend: { args: [], paths: ["الجيش", "dumps"], options: {} },
  kwic: { args: ["الجيش"], paths: ["dumps"], options: {} },
  words: { args: [], paths: ["الجيش", "dumps"], options: {} },
  collocates: { args: ["الجيش"], paths: ["dumps"], options: {} },
};

// A terminal everywhere, so that the plan's terminal decisions can be seen to change.
const TERMINALS: PlanEnvironment = { isStdinTerminal: false, isStdoutTerminal: true, isStderrTerminal: true };

/** A plan as comparable data: functions (compiled patterns, predicates) are named by kind only. */
function comparable(plan: unknown): string {
  return JSON.stringify(plan, (_key, value: unknown) => (typeof value === "function" ? "[function]" : value));
}

/** The fields of a plan where each option's value may land (an output option lands in the format or how it is written). */
const FORMAT_FIELDS = ["format", "isJson", "hasBars", "isShowingProgress"];
const PLACES: Readonly<Record<OptionKey, readonly string[]>> = {
  include: ["include"],
  jobs: ["jobs"],
  tz: ["timeZone"],
  quiet: ["isQuiet", "isShowingProgress"],
  strict: ["isStrict"],
  since: ["since"],
  until: ["until"],
  agency: ["agencies"],
  id: ["ids"],
  limit: ["limit"],
  format: FORMAT_FIELDS,
  json: FORMAT_FIELDS,
  ndjson: FORMAT_FIELDS,
  csv: FORMAT_FIELDS,
  tsv: FORMAT_FIELDS,
  esBulk: FORMAT_FIELDS,
  parquet: FORMAT_FIELDS,
  fields: ["fields"],
  csvRaw: ["isNeutralizingFormulas"],
  bom: ["hasBom"],
  output: ["output", "isShowingProgress"],
  db: ["db"],
  index: ["elasticIndexName", "elasticIndex"],
  dedup: ["dedupThreshold"],
  threshold: ["threshold", "dedupThreshold"],
  exact: ["isStemming", "isExact"],
  sort: ["order"],
  count: ["isCounting"],
  port: ["port"],
  host: ["host"],
  open: ["isOpening"],
  lang: ["language"],
  // With -e, the arguments are all paths.
  query: ["queries", "query", "paths"],
  by: ["unit"],
  split: ["isSplitByAgency"],
  width: ["width"],
  top: ["top"],
  stopWords: ["stopWords"],
  minCount: ["minCount"],
  window: ["window"],
  measure: ["measure"],
  minTogether: ["minTogether"],
};

/** The paths (field names from the top) of the values that differ between two plans. */
function differingFields(a: unknown, b: unknown, at: string[] = []): string[][] {
  if (comparable(a) === comparable(b)) return [];
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object" || Array.isArray(a) || Array.isArray(b)) return [at];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].flatMap((key) => differingFields((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], [...at, key]));
}

const commands = await loadCommands();

describe.each(commands.map((command) => [command.name, command] as const))("%s", (name, command) => {
  const base = BASES[name];

  it("makes a plan from its arguments alone, holding them", () => {
    const plan = comparable(command.plan(base, TERMINALS));
    for (const value of [...base.paths, ...Object.values(base.options)]) expect(plan).toContain(JSON.stringify(value));
    // The query is parsed, the number and the shell read: each is in the plan as it was given.
    for (const argument of base.args) expect(plan).toContain(argument);
  });

  const offered = optionsOf(name);
  if (offered.length === 0) return;
  it.each(offered.map((spec) => [spec.flags, spec] as const))("reads %s", (_flags, spec) => {
    const example = EXAMPLES_OF[name]?.[spec.key] ?? EXAMPLES[spec.key];
    expect(example, `no example for ${spec.flags}: add one to EXAMPLES`).toBeDefined();
    const paths = example.paths ?? base.paths;
    const without = { ...base, paths, options: { ...base.options, ...example.with } };
    // The value as typed, read by the option's own reader, as commander would hand it over.
    const read = spec.read as ((text: string) => unknown) | undefined;
    const value = read === undefined || typeof example.value === "boolean" ? example.value : Array.isArray(example.value) ? example.value.map(read) : read(example.value);
    const withIt = { ...without, options: { ...without.options, [spec.key]: value } };
    const changed = differingFields(command.plan(withIt, TERMINALS), command.plan(without, TERMINALS));
    expect(changed, `${spec.flags} changes nothing`).not.toEqual([]);
    const places = PLACES[spec.key];
    const misplaced = changed.filter((fields) => !fields.some((field) => places.includes(field)));
    expect(misplaced.map((fields) => fields.join(".")), `${spec.flags} changes the plan elsewhere than ${places.join(", ")}`).toEqual([]);
  });
});

/** A value each reader must refuse, and the words its message names it by. */
const REFUSED: Readonly<Partial<Record<OptionKey, { text: string; named: string }>>> = {
  include: { text: " ", named: "--include" },
  jobs: { text: "two", named: "--jobs" },
  tz: { text: "Mars/Olympus", named: "--tz" },
  id: { text: "49O728", named: "--id" },
  limit: { text: "-3", named: "--limit" },
  output: { text: "", named: "-o" },
  index: { text: "News*", named: "--index" },
  threshold: { text: "1.5", named: "--threshold" },
  port: { text: "70000", named: "--port" },
  host: { text: "example.org", named: "--host" },
  lang: { text: "fr", named: "--lang" },
  width: { text: "wide", named: "--width" },
  top: { text: "0", named: "--top" },
  stopWords: { text: "/no/such/file", named: "--stop-words" },
  minCount: { text: "0", named: "--min-count" },
  window: { text: "-1", named: "--window" },
  minTogether: { text: "x", named: "--min-together" },
};

describe("values read where their options are declared", () => {
  const readers = [...new Map(commands.flatMap((command) => optionsOf(command.name)).filter((spec) => spec.read !== undefined).map((spec) => [spec.key, spec])).values()];

  it("every option with a reader has a refused example, and only those", () => {
    expect(readers.map((spec) => spec.key).sort()).toEqual(Object.keys(REFUSED).sort());
  });

  it.each(readers.map((spec) => [spec.flags, spec] as const))("%s refuses a value it cannot use, naming the option", (_flags, spec) => {
    const { text, named } = REFUSED[spec.key]!;
    const read = spec.read as (text: string) => unknown;
    expect(() => read(text)).toThrow(named);
  });

  it("a typed value arrives as its type, in either digit set", () => {
    const read = (key: OptionKey, text: string) => (readers.find((spec) => spec.key === key)!.read as (text: string) => unknown)(text);
    expect(read("limit", "٢٠")).toBe(20);
    expect(read("port", "٨٠٨١")).toBe(8081);
    expect(read("id", "٤٩٠٧٢٨")).toBe("490728");
    expect(read("threshold", "0.9")).toBe(0.9);
  });
});
