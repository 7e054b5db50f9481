// `newsctl export [PATH...] --json|--ndjson|--csv|--tsv [-o FILE]`: every field of every record
// in a machine format. A file named with -o appears only once it is complete.

import { stat } from "node:fs/promises";
import path from "node:path";
import type { Command } from "commander";
import { describeSystemError, EXIT_SUCCESS, NewsctlError, UsageError } from "../errors.js";
import { placeKey } from "../core/record-place.js";
import { identifyFile } from "../io/file-identity.js";
import { DEFAULT_INDEX, indexNameProblem } from "../output/elasticsearch.js";
import type { FileFormat, MachineFormat, OutputRecord } from "../output/record-writers.js";
import { AtomicFile, TextSink } from "../output/sink.js";
import { addFilterOptions, addFormatOptions, addInputOptions, chosenFormat, readFields, readReadingOptions, readSheetOptions, type RawOptions } from "./options.js";
import { RecordReader, type ReadingContext } from "./read-records.js";
import { openIndexForReading } from "./index-reading.js";
import { makeRecordWriter, pipeRecords } from "./write-records.js";

const EXPORT_FORMATS: readonly (MachineFormat | FileFormat)[] = ["json", "ndjson", "csv", "tsv", "es-bulk", "parquet"];
const FORMAT_BY_EXTENSION: Readonly<Record<string, MachineFormat | FileFormat>> = {
  ".parquet": "parquet",
  ".json": "json",
  ".ndjson": "ndjson",
  ".jsonl": "ndjson",
  ".csv": "csv",
  ".tsv": "tsv",
};

export function declareExport(program: Command, context: ReadingContext, setExitCode: (code: number) => void): void {
  const command = program
    .command("export")
    .description("write every field of every record as JSON, NDJSON, CSV, TSV or Elasticsearch _bulk lines")
    .argument("[path...]", "files, directories, glob patterns, or - for standard input")
    .option("-o, --output <file>", "write to FILE (complete or not at all) instead of stdout")
    .option("--db <file>", "export from the index that newsctl index built, instead of dumps")
    .option("--index <name>", `with --es-bulk: the Elasticsearch/OpenSearch index to load (default: ${DEFAULT_INDEX})`)
    .option("--dedup", "leave out copies (the same number, or nearly the same body; see newsctl dedup), keeping the earliest")
    .option("--threshold <share>", "with --dedup: how alike two bodies must be to be copies, 0 to 1 (default 0.8)");
  addInputOptions(addFilterOptions(addFormatOptions(command, EXPORT_FORMATS)));
  command.addHelpText(
    "after",
    `
The format is the one named, else the one -o's extension names (.json .ndjson .jsonl .csv .tsv),
else NDJSON. --es-bulk writes what Elasticsearch's and OpenSearch's _bulk API reads: an action
line with the article number as _id, then the record (see newsctl es-template).

Examples:
  newsctl export dumps --json -o articles.json
  newsctl export dumps --csv --agency تنا > tna.csv
  newsctl export dumps | jq -c 'select(.warnings | length > 0)'
  newsctl export dumps --es-bulk --index news | curl -s -H 'Content-Type: application/x-ndjson' -XPOST localhost:9200/_bulk --data-binary @-`,
  );
  command.action(async (paths: string[], raw: RawOptions) => {
    setExitCode(await runExport(paths, raw, context));
  });
}

export async function runExport(paths: readonly string[], raw: RawOptions & { dedup?: boolean; threshold?: string }, context: ReadingContext): Promise<number> {
  const options = readReadingOptions(paths, raw);
  if (raw.dedup === true && raw.db !== undefined) throw new UsageError("--dedup reads dumps; the index keeps one article per number already", "export from the dumps with --dedup");
  if (raw.output !== undefined) {
    await refuseDirectory(raw.output);
    options.forbiddenFile = await identifyFile(raw.output);
  }
  const named = chosenFormat(raw);
  if (named === "table") throw new UsageError("export writes json, ndjson, csv or tsv", "use newsctl parse for a table");
  const format = named ?? (raw.output ? FORMAT_BY_EXTENSION[path.extname(raw.output).toLowerCase()] : undefined) ?? "ndjson";
  if (format === "parquet" && raw.output === undefined) throw new UsageError("Parquet is a binary file format: name the file", "add -o FILE.parquet");
  const writing = { sheet: readSheetOptions(raw, format), fields: readFields(raw), esIndex: readIndexName(raw, format) };
  let records: AsyncIterable<OutputRecord> | Iterable<OutputRecord>;
  let exitCode = () => EXIT_SUCCESS;
  let closeIndex = () => {};
  if (raw.db !== undefined) {
    const output = raw.output === undefined ? undefined : await identifyFile(raw.output);
    const database = await identifyFile(raw.db);
    if (output !== undefined && database !== undefined && output.dev === database.dev && output.ino === database.ino) {
      throw new UsageError(`-o ${raw.output} is the index being read`, "write the export somewhere else");
    }
    const index = await openIndexForReading(raw.db, paths, raw);
    closeIndex = () => index.close();
    records = index.records(options.filter, options.limit);
  } else {
    if (raw.dedup === true) {
      // Copies are known only when everything has been read: a first reading finds them.
      if (paths.length === 0 || paths.includes("-")) throw new UsageError("--dedup reads the inputs twice: name files or directories, not standard input");
      const { findCopies, readThreshold } = await import("./dedup.js");
      const copies = await findCopies(options, context, readThreshold(raw));
      options.select = (record) => !copies.has(placeKey(record.file, record.line));
    } else if (raw.threshold !== undefined) {
      throw new UsageError("--threshold goes with --dedup");
    }
    const reader = new RecordReader(options, context);
    // Progress shares the terminal with nothing when the records go to a file or a pipe.
    if (raw.output !== undefined || !context.env.isTerminal) reader.showProgressOnTerminal();
    records = reader.records();
    exitCode = () => {
      reader.endProgress();
      return reader.exitCode();
    };
  }
  try {
    if (format === "parquet") {
      const { makeParquetFileWriter } = await import("../output/parquet-file.js");
      const parquet = makeParquetFileWriter(raw.output!, { fields: writing.fields, hasOffsets: options.timeZone !== undefined });
      try {
        await pipeRecords(records, parquet);
      } finally {
        parquet.abort(); // nothing to do once the file is in place
      }
      return exitCode();
    }
    if (raw.output === undefined) {
      await pipeRecords(records, await makeRecordWriter(format, new TextSink(context.env.stdout), context.env, writing));
      return exitCode();
    }
    const file = await AtomicFile.create(raw.output).catch((error: unknown) => {
      throw new NewsctlError(`-o ${raw.output}: cannot write there: ${describeSystemError(error)}`);
    });
    try {
      await pipeRecords(records, await makeRecordWriter(format, new TextSink(file.stream), context.env, writing));
      await file.commit();
    } finally {
      await file.abort();
    }
    return exitCode();
  } finally {
    closeIndex();
  }
}

/** An output that is a directory would lose nothing but make no sense: say so up front. */
async function refuseDirectory(output: string): Promise<void> {
  const info = await stat(output).catch(() => undefined);
  if (info?.isDirectory()) throw new UsageError(`-o ${output}: is a directory`, "name a file to write, e.g. -o articles.ndjson");
}

/** The index for --es-bulk; --index with another format is a mistake worth a message. */
function readIndexName(raw: RawOptions & { index?: string }, format: MachineFormat | FileFormat): string | undefined {
  if (raw.index === undefined) return undefined;
  if (format !== "es-bulk") throw new UsageError("--index names the index of --es-bulk output", "add --es-bulk");
  const problem = indexNameProblem(raw.index);
  if (problem !== undefined) throw new UsageError(`--index "${raw.index}": ${problem}`);
  return raw.index;
}
