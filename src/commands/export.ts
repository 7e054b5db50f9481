// `newsctl export [PATH...] --json|--ndjson|--csv|--tsv|--parquet|--es-bulk [-o FILE]`: every
// field of every record in a machine format. A file named with -o appears only once complete.

import { stat } from "node:fs/promises";
import path from "node:path";
import { findCopies } from "../app/copies.js";
import { openRecordsForReading } from "../app/open-index.js";
import { RecordReader, type ReadingContext, type ReadingOptions } from "../app/read-dumps.js";
import { dumpRecords, indexRecords, type RecordSource } from "../app/record-source.js";
import { placeKey } from "../core/record-place.js";
import { UsageError } from "../errors.js";
import { identifyFile } from "../io/file-identity.js";
import type { FileFormat, MachineFormat, WriterOptions } from "../output/record-writers.js";
import { type OutputStream, writeOutputFile } from "../output/atomic-file.js";
import { makeBatchWriter, type ExportBatchSettings } from "../output/export-batches.js";
import { TextSink } from "../output/sink.js";
import type { CommandDefinition } from "./command-definition.js";
import { DEFAULT_THRESHOLD, type GivenOptions } from "./option-table.js";
import { chosenFormat, planReading, readFields, readSheetOptions } from "./option-values.js";
import { pipeRecords, writeRecords } from "../output/write-records.js";

type ExportFormat = MachineFormat | FileFormat;

const FORMAT_BY_EXTENSION: Readonly<Record<string, ExportFormat>> = {
  ".parquet": "parquet",
  ".json": "json",
  ".ndjson": "ndjson",
  ".jsonl": "ndjson",
  ".csv": "csv",
  ".tsv": "tsv",
};

interface ExportPlan {
  reading: ReadingOptions;
  format: ExportFormat;
  writing: WriterOptions;
  /** -o FILE; stdout when undefined. */
  output: string | undefined;
  db: string | undefined;
  /** --dedup: leave out copies, found by a first reading, at this likeness. */
  dedupThreshold: number | undefined;
}

export const exportCommand: CommandDefinition<ExportPlan> = {
  name: "export",
  helpAfter: `
The format is the one named, else the one -o's extension names (.json .ndjson .jsonl .csv .tsv
.parquet), else NDJSON. --es-bulk writes what Elasticsearch's and OpenSearch's _bulk API reads:
an action line with the article number as _id, then the record (see newsctl es-template).

Examples:
  newsctl export dumps --json -o articles.json
  newsctl export dumps --csv --agency تنا > tna.csv
  newsctl export dumps | jq -c 'select(.warnings | length > 0)'
  newsctl export dumps --es-bulk --index news | curl -s -H 'Content-Type: application/x-ndjson' -XPOST localhost:9200/_bulk --data-binary @-`,

  plan({ paths, options }, env) {
    if (options.output === "") throw new UsageError("-o needs a file name", "-o - writes to standard output");
    // "-o -" is standard output, as for most tools.
    const output = options.output === "-" ? undefined : options.output;
    // Progress shares the terminal with nothing when the records go to a file or a pipe.
    const reading = planReading(paths, options, env, { isShowingProgress: output !== undefined || !env.isStdoutTerminal, isDbASource: true });
    const named = chosenFormat(options);
    if (named === "table") throw new UsageError("export writes json, ndjson, csv or tsv", "use newsctl parse for a table");
    const format = named ?? (output === undefined ? undefined : FORMAT_BY_EXTENSION[path.extname(output).toLowerCase()]) ?? "ndjson";
    if (format === "parquet" && output === undefined) throw new UsageError("Parquet is a binary file format: name the file", "add -o FILE.parquet");
    if (options.index !== undefined && format !== "es-bulk") throw new UsageError("--index names the index of --es-bulk output", "add --es-bulk");
    return {
      reading,
      format,
      writing: { sheet: readSheetOptions(options, format), fields: readFields(options), elasticIndexName: options.index },
      output,
      db: options.db,
      dedupThreshold: readDedup(paths, options),
    };
  },

  async run(plan, context) {
    const { output } = plan;
    if (output !== undefined) await refuseDirectory(output);
    // The file -o names is not read: the reading is told which it is.
    const reading: ReadingOptions = output === undefined ? plan.reading : { ...plan.reading, forbiddenFile: await identifyFile(output) };
    const format = batchFormat(plan);
    if (format !== undefined) {
      // Whichever thread parses a batch of records writes it out too: this one only writes.
      const reader = new RecordReader(reading, context);
      await writeOutput(plan, context, (sink) => {
        const settings: ExportBatchSettings = { format, writing: plan.writing, filter: reading.filter, isTerminal: sink.isTerminal };
        const batches = reader.encodedBatches({ module: BATCH_ENCODER_MODULE, settings });
        return pipeRecords(batches, makeBatchWriter(format, sink, plan.writing));
      });
      reader.endProgress();
      return reader.exitCode();
    }
    const source = plan.db !== undefined ? await fromIndex(plan.db, reading, output, context.env.stderr) : await fromDumps(plan, reading, context);
    try {
      await writeOutput(plan, context, (sink, stream) =>
        writeRecords(source.records, plan.format, { sink, stream: stream.stream, env: context.env }, { ...plan.writing, hasOffsets: reading.timeZone !== undefined }),
      );
      return source.exitCode();
    } finally {
      source.close();
    }
  },
};

const BATCH_ENCODER_MODULE = new URL("../output/export-batches.js", import.meta.url).href;

/**
 * The format, when records are written out by the threads that parse them; undefined when they
 * must be seen one by one here: --limit counts them, --dedup picks them, an index gives them and
 * Parquet takes them whole.
 */
function batchFormat(plan: ExportPlan): MachineFormat | undefined {
  const isOneByOne = plan.db !== undefined || plan.dedupThreshold !== undefined || plan.reading.limit !== undefined;
  return isOneByOne || plan.format === "parquet" ? undefined : plan.format;
}

/** --dedup and --threshold, checked against the rest; the threshold when --dedup is given. */
function readDedup(paths: readonly string[], options: GivenOptions): number | undefined {
  if (options.dedup !== true) {
    if (options.threshold !== undefined) throw new UsageError("--threshold goes with --dedup");
    return undefined;
  }
  if (options.db !== undefined) throw new UsageError("--dedup reads dumps; the index keeps one article per number already", "export from the dumps with --dedup");
  // Copies are known only when everything has been read: a first reading finds them.
  if (paths.length === 0 || paths.includes("-")) throw new UsageError("--dedup reads the inputs twice: name files or directories, not standard input");
  return options.threshold ?? DEFAULT_THRESHOLD;
}

async function fromIndex(db: string, reading: ReadingOptions, output: string | undefined, stderr: NodeJS.WritableStream): Promise<RecordSource> {
  // The file -o names, as it was identified for the reading.
  const written = reading.forbiddenFile;
  const database = await identifyFile(db);
  if (written !== undefined && database !== undefined && written.dev === database.dev && written.ino === database.ino) {
    throw new UsageError(`-o ${output} is the index being read`, "write the export somewhere else");
  }
  return indexRecords(await openRecordsForReading(db, stderr), reading);
}

/** The records of the dumps; with --dedup, a first reading finds the copies the second leaves out. */
async function fromDumps(plan: ExportPlan, reading: ReadingOptions, context: ReadingContext): Promise<RecordSource> {
  if (plan.dedupThreshold === undefined) return dumpRecords(reading, context);
  const copies = await findCopies(reading, context, plan.dedupThreshold);
  return dumpRecords({ ...reading, select: (record) => !copies.has(placeKey(record.file, record.line)) }, context);
}

/**
 * Runs `write` with stdout, or the file -o names, as a sink (and the stream under it); the file
 * appears only once complete. Parquet without -o was refused when the plan was made.
 */
async function writeOutput(plan: ExportPlan, context: ReadingContext, write: (sink: TextSink, output: OutputStream) => Promise<void>): Promise<void> {
  const standardOutput: OutputStream = { stream: context.env.stdout, isTerminal: context.env.isTerminal };
  const writeTo = (output: OutputStream) => write(new TextSink(output.stream, output.isTerminal), output);
  if (plan.output === undefined) await writeTo(standardOutput);
  else await writeOutputFile(plan.output, standardOutput, writeTo);
}

/** An output that is a directory would lose nothing but make no sense: say so up front. */
async function refuseDirectory(output: string): Promise<void> {
  const info = await stat(output).catch(() => undefined);
  if (info?.isDirectory()) throw new UsageError(`-o ${output}: is a directory`, "name a file to write, e.g. -o articles.ndjson");
}
