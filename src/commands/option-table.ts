// Every command and every option it offers, in one table: each command's words and arguments,
// and each option's flags, help, the commands that take it and the kind of value it reads. Commander is told of options only from here, and each
// command's plan is the one reader of their values, so an option cannot be offered and ignored.
// commander is required rather than imported: it is CommonJS, and Node's ESM loader translates a
// CommonJS package on import (resolving its exports map, lexing its export names), which costs
// about 5 ms of every start; a command against the index takes little more than that start.

import { createRequire } from "node:module";
import { isIP } from "node:net";
import { availableParallelism } from "node:os";
import type * as Commander from "commander";
import { readArticleNumber, readWholeNumber } from "../app/request-readers.js";
import { ANALYSIS_DEFAULTS, readCount, readStopWords } from "../app/analysis-requests.js";
import { COLLOCATE_MEASURES, type CollocateMeasure } from "../core/collocations.js";
import type { ConcordanceOrder } from "../core/concordance.js";
import { DEFAULT_COPY_THRESHOLD } from "../core/copy-threshold.js";
import { toAsciiDigits } from "../core/digits.js";
import { GlobSyntaxError, includeMatcher } from "../core/glob.js";
import { type InterfaceLanguage, isInterfaceLanguage } from "../core/language-choice.js";
import { PERIOD_UNITS, type PeriodUnit } from "../core/periods.js";
import type { SearchOrder } from "../core/search-ranking.js";
import { resolveTimeZone, type TimeZone } from "../core/time-zone.js";
import { UsageError } from "../errors.js";
import type { InputInclude } from "../io/inputs.js";
import { SHELLS } from "../output/completion.js";
import { DEFAULT_ELASTIC_INDEX, elasticIndexNameProblem } from "../output/elasticsearch.js";
import type { OutputFormat } from "../output/write-records.js";

const commander = createRequire(import.meta.url)("commander") as typeof Commander;

export const Argument: typeof Commander.Argument = commander.Argument;
export const Command: typeof Commander.Command = commander.Command;
export type Command = Commander.Command;
export const CommanderError: typeof Commander.CommanderError = commander.CommanderError;
const Option: typeof Commander.Option = commander.Option;

export type CommandName = "parse" | "search" | "export" | "show" | "check" | "index" | "stats" | "dedup" | "es-template" | "completion" | "serve" | "trend" | "kwic" | "words" | "collocates";

interface ArgumentSpec {
  /** As commander writes it: <required>, [optional], [variadic...]. */
  syntax: string;
  help: string;
  choices?: readonly string[];
}

interface CommandSpec {
  name: CommandName;
  description: string;
  arguments: readonly ArgumentSpec[];
}

const PATHS: ArgumentSpec = { syntax: "[path...]", help: "files, directories, glob patterns, or - for standard input" };

export const COMMAND_TABLE: readonly CommandSpec[] = [
  { name: "parse", description: "parse dumps and print their records", arguments: [PATHS] },
  {
    name: "search",
    description: "find articles by Arabic words, the way Arabic is written; best first",
    arguments: [{ syntax: "<query>", help: 'words (all must match), OR, -word, "a phrase", prefix*, field:word' }, PATHS],
  },
  { name: "export", description: "write every field of every record as JSON, NDJSON, CSV, TSV, Parquet or Elasticsearch _bulk lines", arguments: [PATHS] },
  { name: "show", description: "show one article in full, for reading", arguments: [{ syntax: "<id>", help: "the article number (رقم)" }, PATHS] },
  { name: "check", description: "validate dumps: every problem as FILE:LINE: code: message", arguments: [PATHS] },
  { name: "index", description: "build or update the embedded index (SQLite) that search, export, show and stats --db read", arguments: [{ syntax: "[path...]", help: "files, directories or glob patterns" }] },
  { name: "stats", description: "count articles per agency and per day, find missing and reused article numbers, count warnings", arguments: [PATHS] },
  { name: "dedup", description: "find copies: articles with the same number, or nearly the same body; the earliest is kept", arguments: [PATHS] },
  {
    name: "trend",
    description: "how many articles match, and how many there are, per day, week, month or year: attention over time",
    arguments: [{ syntax: "[query-and-paths...]", help: "the query, then files, directories, glob patterns or - (with -e, all are paths)" }],
  },
  {
    name: "kwic",
    description: "every occurrence of the query's words with the words around it (keyword in context)",
    arguments: [{ syntax: "<query>", help: 'words (all must match), OR, -word, "a phrase", prefix*, field:word' }, PATHS],
  },
  {
    name: "words",
    description: "the words of the collection, or those distinctive of the articles a query matches, with their counts",
    arguments: [{ syntax: "[query-and-paths...]", help: "with --db: the query; reading dumps: the query and then paths when there are two or more (or -e QUERY)" }],
  },
  {
    name: "collocates",
    description: "the words found near a word, ranked by logDice, MI or how often they are near it",
    arguments: [{ syntax: "<word>", help: "the word (matched by light stem unless --exact)" }, PATHS],
  },
  { name: "serve", description: "serve the index as web pages to read and search, with a JSON twin of each (read-only; this machine only unless --host)", arguments: [] },
  { name: "es-template", description: "print an Elasticsearch/OpenSearch index template for newsctl's records (arabic analyzer)", arguments: [] },
  { name: "completion", description: "print a completion script for bash, zsh or fish", arguments: [{ syntax: "<shell>", help: "the shell", choices: SHELLS }] },
];

/**
 * Options as a command reads them: each value already read by its option's reader where the
 * option is declared (numbers as numbers, --include as its matcher, --tz as a zone, article
 * numbers in ASCII digits), so that a value that cannot be used is refused before any plan is
 * made. --since and --until stay text, read as a pair by the readers the server uses; --fields
 * too, read against the fields of the command's output.
 */
export interface GivenOptions {
  include?: InputInclude;
  jobs?: number;
  tz?: TimeZone;
  quiet?: boolean;
  strict?: boolean;
  since?: string;
  until?: string;
  agency?: string[];
  id?: string[];
  limit?: number;
  format?: OutputFormat;
  json?: boolean;
  ndjson?: boolean;
  csv?: boolean;
  tsv?: boolean;
  esBulk?: boolean;
  parquet?: boolean;
  /** Read by the plan, against the fields its command has. */
  fields?: string;
  csvRaw?: boolean;
  bom?: boolean;
  /** "-" is standard output. */
  output?: string;
  db?: string;
  index?: string;
  dedup?: boolean;
  threshold?: number;
  exact?: boolean;
  /** search's order, or kwic's. */
  sort?: SearchOrder | ConcordanceOrder;
  count?: boolean;
  port?: number;
  host?: string;
  open?: boolean;
  lang?: InterfaceLanguage;
  /** trend's series, or words' query, given with -e (as typed; each is parsed by the plan). */
  query?: string[];
  by?: PeriodUnit;
  split?: "agency";
  width?: number;
  top?: number;
  /** The stop words of words and collocates: none ([]) or a file's. */
  stopWords?: string[];
  minCount?: number;
  window?: number;
  measure?: CollocateMeasure;
  minTogether?: number;
}

export type OptionKey = keyof GivenOptions;

/** One value of an option as its reader gives it: an element, for an option given more than once. */
type ValueOf<Key extends OptionKey> = Key extends RepeatableKey ? NonNullable<GivenOptions[Key]>[number] : NonNullable<GivenOptions[Key]>;

/** The options that may be given more than once, their values collected in a list. */
type RepeatableKey = "agency" | "id" | "query";

/** An option of the table, with the reader of its value (when it is more than text or a choice). */
type OptionSpec = { [Key in OptionKey]: OptionSpecBase & { key: Key; read?: (text: string) => ValueOf<Key> } }[OptionKey];

interface OptionSpecBase {
  flags: string;
  help: string;
  commands: readonly CommandName[];
  /** The values commander accepts, when only some are allowed. */
  choices?: readonly string[];
  /** Given more than once, the values are collected in a list. */
  isRepeatable?: boolean;
  /** Must be given (commander says so before any plan is made). */
  isRequired?: boolean;
  /** The name commander gives the value (camel case of the long flag). */
  key: OptionKey;
}

/** Where `serve` listens unless told otherwise. */
export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = "127.0.0.1";

/** Which files a directory yields when --include is not given. */
export const DEFAULT_INCLUDE = "*.txt";
/** How alike two bodies must be, by default, to be copies. */
export const DEFAULT_THRESHOLD = DEFAULT_COPY_THRESHOLD;

/** The analyses of a collection: read like the other commands, printed as rows of figures or lines. */
const ANALYSES: readonly CommandName[] = ["trend", "kwic", "words", "collocates"];
const READING: readonly CommandName[] = ["parse", "search", "export", "show", "check", "index", "stats", "dedup", ...ANALYSES];
const FILTERING: readonly CommandName[] = ["parse", "search", "export", "stats", "dedup"];
const PRINTING: readonly CommandName[] = ["parse", "search", "export", ...ANALYSES];
const SHEETS: readonly CommandName[] = ["parse", "search", "export", ...ANALYSES];
const FROM_INDEX: readonly CommandName[] = ["search", "export", "show", "stats", ...ANALYSES];


const OPTION_TABLE: readonly OptionSpec[] = [
  { key: "include", flags: "--include <glob>", help: `which files a directory yields (a glob; without "/" it matches names at any depth; default: "${DEFAULT_INCLUDE}")`, commands: READING, read: readInclude },
  { key: "jobs", flags: "-j, --jobs <n>", help: `threads at work: N - 1 parse files side by side, one takes their records (default: the number of cores, ${availableParallelism()})`, commands: READING, read: (text) => readWholeNumber("--jobs", text) },
  { key: "tz", flags: "--tz <zone>", help: "time zone of the dumps' clocks (IANA name); adds the offset to published", commands: READING, read: readTimeZone },
  { key: "quiet", flags: "-q, --quiet", help: "do not print warnings about the dumps, nor a progress line", commands: READING },
  { key: "strict", flags: "--strict", help: "exit with 2 when any article has a warning", commands: ["parse", "search", "export", "show", "index", "stats", "dedup", ...ANALYSES] },
  { key: "since", flags: "--since <date>", help: "articles published on or after DATE (YYYY-MM-DD or ISO time)", commands: [...FILTERING, ...ANALYSES] },
  { key: "until", flags: "--until <date>", help: "articles published on or before DATE (YYYY-MM-DD or ISO time)", commands: [...FILTERING, ...ANALYSES] },
  { key: "agency", flags: "--agency <name>", help: "articles of this agency (repeatable)", commands: [...FILTERING, ...ANALYSES], isRepeatable: true },
  { key: "id", flags: "--id <number>", help: "the article with this number (repeatable)", commands: FILTERING, isRepeatable: true, read: (text) => readArticleNumber("--id", text) },
  { key: "limit", flags: "--limit <n>", help: "stop after N articles", commands: FILTERING, read: (text) => readWholeNumber("--limit", text) },
  { key: "limit", flags: "--limit <n>", help: "stop after N lines", commands: ["kwic"], read: (text) => readWholeNumber("--limit", text) },
  { key: "format", flags: "--format <format>", help: "output format", commands: ["parse", "search", "export", "show", ...ANALYSES] },
  { key: "json", flags: "--json", help: "shorthand for --format json", commands: [...PRINTING, "show", "stats", "dedup"] },
  { key: "ndjson", flags: "--ndjson", help: "shorthand for --format ndjson", commands: [...PRINTING, "show"] },
  { key: "csv", flags: "--csv", help: "shorthand for --format csv", commands: SHEETS },
  { key: "tsv", flags: "--tsv", help: "shorthand for --format tsv", commands: SHEETS },
  { key: "esBulk", flags: "--es-bulk", help: "shorthand for --format es-bulk", commands: ["export"] },
  { key: "parquet", flags: "--parquet", help: "shorthand for --format parquet", commands: ["export"] },
  { key: "fields", flags: "--fields <list>", help: "only these fields, in this order (comma-separated, e.g. id,published,headline)", commands: ["parse", "search", "export", "show"] },
  { key: "csvRaw", flags: "--csv-raw", help: "CSV/TSV: leave cells that start with = + - @ as they are (by default they get a leading ' so a spreadsheet shows them as text)", commands: SHEETS },
  { key: "bom", flags: "--bom", help: "CSV/TSV: start with a UTF-8 byte-order mark, so Excel reads Arabic as UTF-8", commands: SHEETS },
  { key: "output", flags: "-o, --output <file>", help: "write to FILE (complete or not at all) instead of stdout (- is stdout)", commands: ["export"], read: readOutputName },
  { key: "db", flags: "--db <file>", help: "read the index that newsctl index built, instead of dumps", commands: FROM_INDEX },
  { key: "db", flags: "--db <file>", help: "the index file (created when new)", commands: ["index"], isRequired: true },
  { key: "index", flags: "--index <name>", help: `the Elasticsearch/OpenSearch index (with export: of --es-bulk; default: ${DEFAULT_ELASTIC_INDEX})`, commands: ["export", "es-template"], read: readElasticIndexName },
  { key: "dedup", flags: "--dedup", help: "leave out copies (the same number, or nearly the same body; see newsctl dedup), keeping the earliest", commands: ["export"] },
  { key: "threshold", flags: "--threshold <share>", help: `how alike two bodies must be to be copies, 0 to 1 (word 3-grams, estimated by MinHash; default ${DEFAULT_THRESHOLD}; export: with --dedup)`, commands: ["export", "dedup"], read: readThreshold },
  { key: "exact", flags: "--exact", help: "match words as written (folded), without light stemming", commands: ["search", "trend", "kwic"] },
  { key: "exact", flags: "--exact", help: "match and group words as written (folded), without light stemming", commands: ["words", "collocates"] },
  { key: "query", flags: "-e, --query <query>", help: "a query (repeatable: one series each); then every argument is a path", commands: ["trend"], isRepeatable: true },
  { key: "query", flags: "-e, --query <query>", help: "the query whose matching articles' words are counted; then every argument is a path", commands: ["words"], isRepeatable: true },
  { key: "by", flags: "--by <unit>", help: "count per day, ISO week, month or year (default: the unit that gives 20 to 200 periods)", commands: ["trend"], choices: PERIOD_UNITS },
  { key: "split", flags: "--split <what>", help: "one series per agency", commands: ["trend"], choices: ["agency"] },
  { key: "width", flags: "--width <n>", help: `words of context on each side (default ${ANALYSIS_DEFAULTS.width})`, commands: ["kwic"], read: (text) => readCount("--width", text, 0) },
  { key: "sort", flags: "--sort <order>", help: "order of the lines: position (in the files), date (newest first), left or right context (folded)", commands: ["kwic"], choices: ["position", "date", "left", "right"] },
  { key: "top", flags: "--top <n>", help: `only the first N rows (default ${ANALYSIS_DEFAULTS.top})`, commands: ["words", "collocates"], read: (text) => readCount("--top", text, 1) },
  { key: "stopWords", flags: "--stop-words <list>", help: "none: count every word; FILE: leave out the words in FILE (one a line) instead of newsctl's list", commands: ["words", "collocates"], read: (text) => readStopWords("--stop-words", text) },
  { key: "minCount", flags: "--min-count <n>", help: `only words that occur at least N times (default ${ANALYSIS_DEFAULTS.minCount})`, commands: ["words"], read: (text) => readCount("--min-count", text, 1) },
  { key: "window", flags: "--window <n>", help: `words on either side of the word that count as near it (default ${ANALYSIS_DEFAULTS.window})`, commands: ["collocates"], read: (text) => readCount("--window", text, 1) },
  { key: "measure", flags: "--measure <measure>", help: "rank by logdice (default), mi or together", commands: ["collocates"], choices: COLLOCATE_MEASURES },
  { key: "minTogether", flags: "--min-together <n>", help: `only words near the word at least N times (default ${ANALYSIS_DEFAULTS.minTogether})`, commands: ["collocates"], read: (text) => readCount("--min-together", text, 1) },
  { key: "sort", flags: "--sort <order>", help: "order of results (default: relevance)", commands: ["search"], choices: ["relevance", "date"] },
  { key: "db", flags: "--db <file>", help: "the index to serve (newsctl index builds it)", commands: ["serve"], isRequired: true },
  { key: "port", flags: "--port <n>", help: `the port to listen on (default ${DEFAULT_PORT}; 0 for any free one)`, commands: ["serve"], read: readPort },
  { key: "host", flags: "--host <address>", help: `the address to listen on (default ${DEFAULT_HOST}: this machine only; 0.0.0.0 for every interface)`, commands: ["serve"], read: readHost },
  { key: "open", flags: "--open", help: "open the search page in the default browser", commands: ["serve"] },
  { key: "lang", flags: "--lang <language>", help: "the pages' language when neither the address (?lang=) nor the browser's Accept-Language names one: ar or en (default en)", commands: ["serve"], read: readLanguage },
  { key: "count", flags: "--count", help: "print only the number of matching articles", commands: ["search"] },
];

/** The options a command offers: its own first (those fewer commands share), then the table's order. */
export function optionsOf(name: CommandName): OptionSpec[] {
  return OPTION_TABLE.filter((spec) => spec.commands.includes(name)).sort((a, b) => a.commands.length - b.commands.length);
}

/** The formats --format takes, per command; a command without --format has none. */
export const FORMAT_CHOICES: Readonly<Partial<Record<CommandName, readonly string[]>>> = {
  parse: ["table", "json", "ndjson", "csv", "tsv"],
  search: ["table", "json", "ndjson", "csv", "tsv"],
  export: ["json", "ndjson", "csv", "tsv", "es-bulk", "parquet"],
  show: ["json", "ndjson"],
  trend: ["table", "json", "ndjson", "csv", "tsv"],
  kwic: ["table", "json", "ndjson", "csv", "tsv"],
  words: ["table", "json", "ndjson", "csv", "tsv"],
  collocates: ["table", "json", "ndjson", "csv", "tsv"],
};


/** Tells commander of a command's options, as the table has them. */
export function declareOptions(command: Command, name: CommandName): void {
  for (const spec of optionsOf(name)) {
    const option = new Option(spec.flags, spec.help);
    const choices = spec.key === "format" ? FORMAT_CHOICES[name] : spec.choices;
    if (choices !== undefined) option.choices(choices);
    const read = spec.read as ((text: string) => unknown) | undefined;
    if (spec.isRepeatable === true) option.argParser((text: string, previous: unknown[] | undefined) => [...(previous ?? []), read === undefined ? text : read(text)]);
    else if (read !== undefined) option.argParser(read);
    if (spec.isRequired === true) option.makeOptionMandatory();
    command.addOption(option);
  }
}

function readInclude(pattern: string): InputInclude {
  try {
    return { pattern, matches: includeMatcher(pattern) };
  } catch (error) {
    if (!(error instanceof GlobSyntaxError)) throw error;
    throw new UsageError(`--include ${JSON.stringify(pattern)}: ${error.message}`);
  }
}

function readTimeZone(name: string): TimeZone {
  try {
    return resolveTimeZone(name);
  } catch {
    throw new UsageError(`--tz: unknown time zone "${name}"`, "use an IANA name such as Asia/Riyadh, Africa/Cairo or UTC");
  }
}

function readOutputName(name: string): string {
  if (name === "") throw new UsageError("-o needs a file name", "-o - writes to standard output");
  return name;
}

function readThreshold(text: string): number {
  const threshold = Number(text);
  if (!(threshold > 0 && threshold <= 1)) throw new UsageError(`--threshold: "${text}" is not a share above 0 and at most 1`, "e.g. --threshold 0.8");
  return threshold;
}

function readElasticIndexName(name: string): string {
  const problem = elasticIndexNameProblem(name);
  if (problem !== undefined) throw new UsageError(`--index "${name}": ${problem}`);
  return name;
}

function readPort(text: string): number {
  const digits = toAsciiDigits(text.trim());
  if (!(/^\d+$/.test(digits) && Number(digits) <= 65_535)) throw new UsageError(`--port: "${text}" is not a port (0 to 65535)`);
  return Number(digits);
}

function readHost(text: string): string {
  const host = text.trim();
  if (host === "" || (isIP(host) === 0 && host !== "localhost")) throw new UsageError(`--host: "${text}" is not an IP address`, "--host 127.0.0.1 (this machine only) or --host 0.0.0.0 (every interface)");
  return host;
}

function readLanguage(text: string): InterfaceLanguage {
  const language = text.trim().toLowerCase();
  if (!isInterfaceLanguage(language)) throw new UsageError(`--lang: "${text}" is not a language of the pages`, "--lang ar (Arabic) or --lang en (English)");
  return language;
}
