// The machine formats: NDJSON and CSV read back exactly by strict readers, TSV unescapes to the
// data, and spreadsheet formulas in cells are neutralised unless asked otherwise.

import { PassThrough, Writable } from "node:stream";
import { parse as parseCsv } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RECORD_FIELDS, type ArticleRecord, type WarningCode } from "../../src/core/record.js";
import { makeMachineWriter, neutralizeFormula, SAFE_SHEETS, type MachineFormat, type SheetOptions, type WriterOptions } from "../../src/output/record-writers.js";
import { markStreamFinishingWrites, TextSink } from "../../src/output/sink.js";
import { articleRecord as record } from "../helpers/article-record.js";

async function render(format: MachineFormat, records: readonly ArticleRecord[], sheet: SheetOptions = SAFE_SHEETS, options: WriterOptions = {}): Promise<string> {
  let out = "";
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      out += chunk.toString("utf8");
      done();
    },
  });
  const writer = makeMachineWriter(format, new TextSink(stream), { sheet, ...options });
  for (const record of records) await writer.write(record);
  await writer.end();
  return out;
}

function unescapeTsv(cell: string): string {
  return cell.replace(/\\([tnr\\])/g, (_, c: string) => ({ t: "\t", n: "\n", r: "\r", "\\": "\\" })[c]!);
}

const FORMULAS = ["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "＝1+1", "＋1", "－1", "＠A1"];

describe("spreadsheet safety", () => {
  it.each(FORMULAS)("a cell starting like a formula (%j) gets a leading ' in CSV and TSV", async (formula) => {
    const records = [record({ headline: formula, body: formula })];
    const [row] = parseCsv(await render("csv", records), { columns: true, strict: true } as object) as unknown as Record<string, string>[];
    expect(row!.headline).toBe(`'${formula}`);
    expect(row!.body).toBe(`'${formula}`);
    const tsv = (await render("tsv", records)).split("\n")[1]!.split("\t").map(unescapeTsv);
    expect(tsv[RECORD_FIELDS.indexOf("headline")]).toBe(`'${formula}`);
  });

  it("--csv-raw keeps the cells as they are", async () => {
    const records = [record({ headline: "=1+1", body: "-5" })];
    const [row] = parseCsv(await render("csv", records, { isNeutralizingFormulas: false, hasBom: false }), { columns: true } as object) as unknown as Record<string, string>[];
    expect([row!.headline, row!.body]).toEqual(["=1+1", "-5"]);
  });

  it("cells that only contain such characters later are left alone", () => {
    expect(neutralizeFormula("قال: 1+1=2")).toBe("قال: 1+1=2");
    expect(neutralizeFormula("2021-01-25")).toBe("2021-01-25");
    expect(neutralizeFormula("")).toBe("");
  });

  it("--bom writes a UTF-8 byte-order mark before the header, for CSV and TSV", async () => {
    for (const format of ["csv", "tsv"] as const) {
      const text = await render(format, [record({})], { isNeutralizingFormulas: true, hasBom: true });
      expect(text.startsWith("\uFEFFid")).toBe(true);
      expect((await render(format, [record({})])).startsWith("id")).toBe(true);
    }
  });

  it("JSON keeps a formula-like text as it is: JSON is data, not a sheet", async () => {
    const text = await render("ndjson", [record({ headline: "=1+1" })]);
    expect((JSON.parse(text) as ArticleRecord).headline).toBe("=1+1");
  });
});

/** The cells the record's CSV holds for a record, written out here rather than taken from the code under test. */
function expectedCells(one: ArticleRecord): string[] {
  return RECORD_FIELDS.map((field) => {
    const value = one[field];
    if (value === null) return "";
    return Array.isArray(value) ? value.join(";") : String(value);
  });
}

describe("JSON, and the header rows", () => {
  it("--json is one array that JSON.parse reads; an empty one is []", async () => {
    const list = [record({ id: "1" }), record({ id: "2", lead: null })];
    expect(JSON.parse(await render("json", list))).toEqual(list);
    expect(await render("json", [])).toBe("[]\n");
    expect((await render("json", list)).endsWith("\n]\n")).toBe(true);
  });

  it("a BOM is never written into JSON or NDJSON", async () => {
    for (const format of ["json", "ndjson"] as const) {
      expect((await render(format, [record({})], { isNeutralizingFormulas: true, hasBom: true })).startsWith("\uFEFF")).toBe(false);
    }
  });

  it("CSV and TSV start with a header row of the record's fields", async () => {
    expect((await render("tsv", [])).split("\n")[0]).toBe(RECORD_FIELDS.join("\t"));
    expect((await render("csv", [])).split("\n")[0]).toBe(RECORD_FIELDS.join(","));
  });

  it("null fields are empty cells and warnings are joined with ;", async () => {
    const one = record({ lead: null, desk: null, warnings: ["missing-number", "invalid-utf8"] });
    const [row] = parseCsv(await render("csv", [one]), { columns: true } as object) as unknown as Record<string, string>[];
    expect([row!.lead, row!.desk, row!.warnings]).toEqual(["", "", "missing-number;invalid-utf8"]);
  });
});

describe("--fields and --es-bulk", () => {
  it("--fields keeps those fields, in that order, in every format; a missing one is null", async () => {
    const one = record({ id: "7", headline: "=x", desk: null });
    const fields = { fields: ["headline", "id", "desk", "score"] };
    expect(await render("ndjson", [one], SAFE_SHEETS, fields)).toBe('{"headline":"=x","id":"7","desk":null,"score":null}\n');
    expect(JSON.parse(await render("json", [one], SAFE_SHEETS, fields))).toEqual([{ headline: "=x", id: "7", desk: null, score: null }]);
    expect(await render("csv", [one], SAFE_SHEETS, fields)).toBe("headline,id,desk,score\n'=x,7,,\n");
    expect(await render("tsv", [one], SAFE_SHEETS, fields)).toBe("headline\tid\tdesk\tscore\n'=x\t7\t\t\n");
  });

  it("--es-bulk: an action line naming the index and the number, then the record", async () => {
    const lines = (await render("es-bulk", [record({ id: "7" }), record({ id: null })], SAFE_SHEETS, { elasticIndexName: "news" })).split("\n");
    expect(lines.map((line) => (line === "" ? "" : (JSON.parse(line) as unknown)))).toEqual([
      { index: { _index: "news", _id: "7" } },
      record({ id: "7" }),
      { index: { _index: "news" } },
      record({ id: null }),
      "",
    ]);
    expect((await render("es-bulk", [record({ id: "1" })])).split("\n")[0]).toBe('{"index":{"_index":"newsctl","_id":"1"}}');
  });
});

describe("round trips through strict readers", () => {
  const text = fc.oneof(fc.string({ unit: "grapheme", maxLength: 30 }), fc.constantFrom("\"", "\"\"", ",", "\n", "\r\n", "\r", "\t", "\\", "\\t", "=", "-", " ", "\u2028", "\u202e", "\u0000"));
  const texts = fc.array(text, { maxLength: 4 }).map((parts) => parts.join(""));
  const maybe = fc.option(texts, { nil: null });
  const records = fc.array(
    fc.record({ headline: maybe, subheadline: maybe, lead: maybe, agency: maybe, body: texts, desk: fc.option(fc.stringMatching(/^[0-9]{1,4}$/), { nil: null }), warnings: fc.subarray<WarningCode>(["missing-number", "invalid-utf8"]) }).map((fields) => record(fields)),
    { minLength: 1, maxLength: 5 },
  );

  it("NDJSON: each line JSON.parse reads back as the record", async () => {
    await fc.assert(
      fc.asyncProperty(records, async (list) => {
        const lines = (await render("ndjson", list)).split("\n");
        expect(lines.pop()).toBe("");
        expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual(list);
      }),
      { numRuns: 1500 },
    );
  });

  it("CSV: csv-parse in strict mode reads back every cell (formula cells with their leading ')", async () => {
    await fc.assert(
      fc.asyncProperty(records, async (list) => {
        const rows = parseCsv(await render("csv", list), { relax_quotes: false, relax_column_count: false, skip_empty_lines: false } as object) as string[][];
        expect(rows[0]).toEqual([...RECORD_FIELDS]);
        expect(rows.slice(1)).toEqual(list.map((one) => expectedCells(one).map((cell) => (/^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(cell) ? `'${cell}` : cell))));
      }),
      { numRuns: 1500 },
    );
  });

  it("TSV: one line per record; unescaped cells are the data", async () => {
    await fc.assert(
      fc.asyncProperty(records, async (list) => {
        const lines = (await render("tsv", list, { isNeutralizingFormulas: false, hasBom: false })).split("\n");
        expect(lines.pop()).toBe("");
        expect(lines).toHaveLength(list.length + 1);
        expect(lines.slice(1).map((line) => line.split("\t").map(unescapeTsv))).toEqual(list.map(expectedCells));
      }),
      { numRuns: 1500 },
    );
  });
});

describe("the text sink's bytes", () => {
  /** What a sink hands its stream for these writes, as one buffer. */
  async function bytesOf(parts: readonly string[]): Promise<Buffer> {
    const chunks: Buffer[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(Buffer.from(chunk));
        done();
      },
    });
    const sink = new TextSink(stream);
    for (const part of parts) await sink.write(part);
    await sink.flush();
    return Buffer.concat(chunks);
  }

  it("are the UTF-8 of the text written, whatever the pieces (pairs split between writes, lone surrogates, long texts)", async () => {
    const piece = fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 40 }),
      fc.string({ unit: "binary", maxLength: 40 }),
      fc.constantFrom("\uD83D", "\uDE00", "😀", "نصّ عربي", "x".repeat(70_000)),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 12 }), async (parts) => {
        expect((await bytesOf(parts)).equals(Buffer.from(parts.join(""), "utf8"))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("are not written over while a stream holds them: one that finishes later, one that hands them on", async () => {
    const parts = Array.from({ length: 40 }, (_, index) => `${String(index).repeat(9000)}\n`);
    // A file or pipe that finishes each write on a later turn of the event loop, and asks for
    // no wait before then.
    const later: Buffer[] = [];
    const slow = new Writable({
      highWaterMark: 1 << 24,
      write(chunk: Buffer, _encoding, done) {
        setImmediate(() => {
          later.push(Buffer.from(chunk));
          done();
        });
      },
    });
    markStreamFinishingWrites(slow);
    // A PassThrough hands the very bytes it was given to its reader.
    const passed: Buffer[] = [];
    const through = new PassThrough();
    through.on("data", (chunk: Buffer) => passed.push(chunk));
    for (const stream of [slow, through]) {
      const sink = new TextSink(stream);
      for (const part of parts) await sink.write(part);
      await sink.flush();
      await new Promise((resolve) => stream.end(resolve));
    }
    expect(Buffer.concat(later).toString("utf8")).toBe(parts.join(""));
    expect(Buffer.concat(passed).toString("utf8")).toBe(parts.join(""));
  });

  it("keep a surrogate pair whole when a write ends between its halves", async () => {
    expect((await bytesOf(["a\uD83D", "\uDE00b"])).toString("utf8")).toBe("a😀b");
  });
});
