// Handing data to the tools users already have: --fields in every format, the Elasticsearch
// bulk format and index template, shell completion, help that ends with examples.

import { spawnSync } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDump, type ArticleText } from "../helpers/dump-text.js";
import { seedPath } from "../helpers/run-newsctl.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { csvObjects, makeTempDir, parseNdjson, removeTempDir, writeDump } from "../helpers/support.js";

type Row = Record<string, unknown>;

let dir: string;
let dump: string;
const ARTICLES: ArticleText[] = [
  { headline: "افتتاح سوق جديدة", agency: "تنا", date: "25 Jan 2021 ساعة 11:27", body: ["افتتح الوزير سوقاً جديدة في المدينة."], number: "11" },
  { headline: "أمطار غزيرة على الساحل", agency: "واس", date: "26 Jan 2021 ساعة 09:00", body: ["هطلت أمطار غزيرة على المدينة الساحلية."], number: "12", desk: "110" },
];

beforeAll(async () => {
  dir = await makeTempDir();
  dump = await writeDump(dir, "dump.txt", buildDump(ARTICLES).text);
});
afterAll(() => removeTempDir(dir));

describe("--fields", () => {
  it("chooses and orders the keys of JSON and NDJSON", async () => {
    const ndjson = parseNdjson((await runInProcess(["parse", dump, "--fields", "headline,id"])).stdout) as Row[];
    expect(ndjson.map((record) => Object.keys(record))).toEqual([["headline", "id"], ["headline", "id"]]);
    expect(ndjson[1]).toEqual({ headline: ARTICLES[1]!.headline, id: "12" });
    const json = JSON.parse((await runInProcess(["export", dump, "--json", "--fields", "desk,published"])).stdout) as Row[];
    expect(json).toEqual([{ desk: null, published: "2021-01-25T11:27:00" }, { desk: "110", published: "2021-01-26T09:00:00" }]);
  });

  it("chooses and orders the columns of CSV, TSV and tables", async () => {
    const csv = (await runInProcess(["export", dump, "--csv", "--fields", "id,agency"])).stdout;
    expect(csv.split("\n")[0]).toBe("id,agency");
    expect(csvObjects(csv)).toEqual([{ id: "11", agency: "تنا" }, { id: "12", agency: "واس" }]);
    const tsv = (await runInProcess(["export", dump, "--format", "tsv", "--fields", "line,id"])).stdout;
    expect(tsv).toBe("line\tid\n1\t11\n7\t12\n");
    const table = (await runInProcess(["parse", dump, "--format", "table", "--fields", "agency,id"])).stdout.split("\n");
    expect(table[0]!.split(/\s+/)).toEqual(["agency", "id"]);
    expect(table[1]!.split(/\s+/)).toEqual(["تنا", "11"]);
  });

  it("search may name the score among them", async () => {
    const hits = parseNdjson((await runInProcess(["search", "المدينة", dump, "--fields", "id,score"])).stdout) as Row[];
    expect(hits.map((hit) => Object.keys(hit))).toEqual([["id", "score"], ["id", "score"]]);
    expect(hits.every((hit) => typeof hit.score === "number" && hit.score > 0)).toBe(true);
  });

  it("an unknown or repeated field is a usage error that lists the fields", async () => {
    const unknown = await runInProcess(["parse", dump, "--fields", "id,titel"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('newsctl: --fields: no field named "titel"');
    expect(unknown.stderr).toContain("hint: fields: id,headline,subheadline,lead,agency,published,desk,body,file,line,warnings");
    expect((await runInProcess(["parse", dump, "--fields", "id,id"])).code).toBe(2);
    expect((await runInProcess(["parse", seedPath, "--fields", "score"])).code).toBe(2);
  });
});

// The shapes Elasticsearch documents for a _bulk "index" action and for a composable index
// template (the parts newsctl writes), as JSON Schema.
const BULK_ACTION = {
  type: "object",
  additionalProperties: false,
  required: ["index"],
  properties: {
    index: {
      type: "object",
      additionalProperties: false,
      required: ["_index"],
      properties: { _index: { type: "string", pattern: "^[^A-Z\\\\/*?\"<>|,# :_+-][^A-Z\\\\/*?\"<>|,# :]*$" }, _id: { type: "string", minLength: 1, maxLength: 512 } },
    },
  },
};
const MAPPING_TYPES = ["text", "keyword", "date", "integer"];
const INDEX_TEMPLATE = {
  type: "object",
  required: ["index_patterns", "template"],
  properties: {
    index_patterns: { type: "array", minItems: 1, items: { type: "string" } },
    template: {
      type: "object",
      required: ["mappings"],
      properties: {
        mappings: {
          type: "object",
          required: ["properties"],
          properties: {
            properties: {
              type: "object",
              additionalProperties: {
                type: "object",
                required: ["type"],
                properties: { type: { enum: MAPPING_TYPES }, analyzer: { type: "string" }, format: { type: "string" }, fields: { type: "object" } },
              },
            },
          },
        },
      },
    },
  },
};

describe("Elasticsearch and OpenSearch", () => {
  const ajv = new Ajv2020.default({ allErrors: true });

  it("export --es-bulk: an action line with the article number as _id, then the record", async () => {
    const result = await runInProcess(["export", dump, "--es-bulk", "--index", "news"]);
    expect(result.code).toBe(0);
    const lines = parseNdjson(result.stdout) as Row[];
    expect(lines).toHaveLength(4);
    const isAction = ajv.compile(BULK_ACTION);
    for (const [index, line] of lines.entries()) {
      if (index % 2 === 0) expect(isAction(line), JSON.stringify(isAction.errors)).toBe(true);
    }
    expect(lines[0]).toEqual({ index: { _index: "news", _id: "11" } });
    const records = parseNdjson((await runInProcess(["export", dump])).stdout);
    expect([lines[1], lines[3]]).toEqual(records);
  });

  it("an article without a number gets no _id, and the default index is newsctl", async () => {
    const file = await writeDump(dir, "no-number.txt", buildDump([{ ...ARTICLES[0]!, number: undefined }]).text);
    const [action] = parseNdjson((await runInProcess(["export", file, "--es-bulk", "--quiet"])).stdout) as Row[];
    expect(action).toEqual({ index: { _index: "newsctl" } });
  });

  it("es-template maps the Arabic text fields to the arabic analyzer, published as a date, id and agency as keywords", async () => {
    const result = await runInProcess(["es-template", "--index", "news"]);
    expect(result.code).toBe(0);
    const template = JSON.parse(result.stdout) as { index_patterns: string[]; template: { mappings: { properties: Record<string, { type: string; analyzer?: string }> } }; _meta: { description: string } };
    const isTemplate = ajv.compile(INDEX_TEMPLATE);
    expect(isTemplate(template), JSON.stringify(isTemplate.errors)).toBe(true);
    const fields = template.template.mappings.properties;
    for (const field of ["headline", "subheadline", "lead", "body"]) expect(fields[field]).toEqual({ type: "text", analyzer: "arabic" });
    expect([fields.published!.type, fields.id!.type, fields.agency!.type]).toEqual(["date", "keyword", "keyword"]);
    expect(template.index_patterns).toEqual(["news", "news-*"]);
    expect(template._meta.description).toBe("newsctl article records");
    // The search bodies it gives for trend and words aggregate fields it maps as they need.
    const { trend, words } = (template._meta as unknown as { analyses: Record<string, { aggs: Record<string, { date_histogram?: { field: string }; aggs?: Record<string, { significant_text?: { field: string } }> }> }> }).analyses;
    expect(fields[trend!.aggs.per_period!.date_histogram!.field]!.type).toBe("date");
    expect(fields[words!.aggs.sample!.aggs!.words!.significant_text!.field]!.type).toBe("text");
    // Every field a record has is mapped.
    const [record] = parseNdjson((await runInProcess(["parse", dump])).stdout) as Row[];
    expect(Object.keys(fields).sort()).toEqual(Object.keys(record!).sort());
  });

  it("an index name Elasticsearch would refuse, and --index without --es-bulk, are usage errors", async () => {
    for (const args of [["export", dump, "--es-bulk", "--index", "News"], ["export", dump, "--es-bulk", "--index", "_x"], ["export", dump, "--index", "news"], ["es-template", "--index", "a b"]]) {
      const result = await runInProcess(args);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr).toMatch(/^newsctl: --index/);
    }
  });
});

describe("completion", () => {
  it("bash: the script completes commands, options and --format's values", async () => {
    const script = (await runInProcess(["completion", "bash"])).stdout;
    const file = path.join(dir, "completion.bash");
    await writeFile(file, script);
    const complete = (words: string[]) =>
      spawnSync("bash", ["--norc", "--noprofile", "-c", `source "$1"; COMP_WORDS=(${words.map((word) => `'${word}'`).join(" ")}); COMP_CWORD=${words.length - 1}; _newsctl; printf '%s\\n' "\${COMPREPLY[@]}"`, "bash", file], { encoding: "utf8" }).stdout.trim().split("\n");
    expect(complete(["newsctl", "se"])).toEqual(["search", "serve"]);
    expect(complete(["newsctl", "sea"])).toEqual(["search"]);
    expect(complete(["newsctl", "export", "--es"])).toEqual(["--es-bulk"]);
    expect(complete(["newsctl", "parse", "--format", "t"])).toEqual(["table", "tsv"]);
  });

  it("zsh and fish: a script for each that names every command", async () => {
    for (const shell of ["zsh", "fish"]) {
      const script = (await runInProcess(["completion", shell])).stdout;
      for (const command of ["parse", "search", "export", "show", "check", "index", "stats", "dedup", "es-template", "completion"]) expect(script, `${shell}: ${command}`).toContain(command);
    }
    expect((await runInProcess(["completion", "tcsh"])).code).toBe(2);
  });
});

describe("help", () => {
  it.each([["parse"], ["search"], ["export"], ["show"], ["check"], ["index"], ["stats"], ["dedup"], ["es-template"], ["completion"]])("%s --help ends with examples", async (command) => {
    const result = await runInProcess([command, "--help"]);
    expect(result.code).toBe(0);
    const examples = result.stdout.slice(result.stdout.lastIndexOf("\nExamples:\n"));
    expect(examples.split("\n").filter((line) => line.startsWith("  ") && line.includes("newsctl ")).length).toBeGreaterThanOrEqual(2);
  });
});

describe("stats", () => {
  const STATS_ARTICLES: ArticleText[] = [
    { headline: "خبر أول", agency: "تنا", date: "25 Jan 2021 ساعة 10:00", body: ["نص الخبر الأول."], number: "101" },
    { headline: "خبر ثان", agency: "تنا", date: "25 Jan 2021 ساعة 12:00", body: ["نص الخبر الثاني."], number: "102" },
    { headline: "خبر ثالث", agency: "تنا", date: "27 Jan 2021 ساعة 09:00", body: ["نص الخبر الثالث."], number: "106" },
    { headline: "خبر مكرر الرقم", agency: "واس", date: "26 Jan 2021 ساعة 08:00", body: ["نص مختلف تماماً."], number: "101" },
    { headline: "خبر بلا رقم", agency: "واس", date: "28 Jan 2021 ساعة 08:00", body: ["نص خبر فقد سطر رقمه."] },
  ];
  let folder: string;
  beforeAll(async () => {
    folder = path.join(dir, "stats");
    await mkdir(folder);
    await writeDump(folder, "a.txt", buildDump(STATS_ARTICLES.slice(0, 3)).text);
    await writeDump(folder, "b.txt", buildDump(STATS_ARTICLES.slice(3)).text);
  });

  it("--json: counts per agency and day, dates, missing and reused numbers, warnings", async () => {
    const result = await runInProcess(["stats", folder, "--json"]);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({
      articles: 5,
      undated: 0,
      firstPublished: "2021-01-25T10:00:00",
      lastPublished: "2021-01-28T08:00:00",
      byDay: [
        { day: "2021-01-25", articles: 2 },
        { day: "2021-01-26", articles: 1 },
        { day: "2021-01-27", articles: 1 },
        { day: "2021-01-28", articles: 1 },
      ],
      reusedNumbers: [{ id: "101", articles: 2, bodies: 2 }],
      warnings: { "missing-number": 1 },
    });
    expect(summary.byAgency).toEqual([
      { agency: "تنا", articles: 3, firstNumber: "101", lastNumber: "106", missingNumbers: 3, gaps: [{ from: "103", to: "105" }] },
      { agency: "واس", articles: 2, firstNumber: "101", lastNumber: "101", missingNumbers: 0, gaps: [] },
    ]);
    expect(result.stderr).toBe("");
  });

  it("for people: the same figures in lines, and no bars into a pipe", async () => {
    const text = (await runInProcess(["stats", folder])).stdout;
    expect(text).toContain("articles  5   undated 0");
    expect(text).toMatch(/تنا\s+3\n/);
    expect(text).toContain("تنا: 101–106, 3 missing: 103–105");
    expect(text).toContain("used twice for different articles: 101 (2 bodies)");
    expect(text).toMatch(/missing-number\s+1\n/);
    expect(text).not.toContain("█");
  });

  it("from an index: the same figures as from the files (the index keeps one article per number)", async () => {
    const db = path.join(dir, "stats.db");
    expect((await runInProcess(["index", folder, "--db", db, "--quiet"])).code).toBe(0);
    const fromFiles = JSON.parse((await runInProcess(["stats", folder, "--json", "--since", "2021-01-27"])).stdout) as unknown;
    const fromIndex = JSON.parse((await runInProcess(["stats", "--db", db, "--json", "--since", "2021-01-27"])).stdout) as unknown;
    expect(fromIndex).toEqual(fromFiles);
    expect((fromFiles as { articles: number }).articles).toBe(2);
  });
});

/** Ten copies of a dump of two articles, under new numbers each time. */
async function writeCopies(name: string): Promise<string> {
  const folder = path.join(dir, name);
  await mkdir(folder);
  const stories = [
    "افتتح وزير الزراعة صباح اليوم سوقاً جديدة للخضار في المدينة وقال إن السوق تضم مئتين وخمسين متجراً.",
    "هطلت أمطار غزيرة على المدينة الساحلية طوال الليل وأعلنت إدارة الطرق إغلاق الطريق الساحلي مؤقتاً.",
  ];
  for (let copy = 0; copy < 10; copy++) {
    const articles = stories.map((body, story): ArticleText => ({ headline: `خبر ${story}`, agency: "تنا", date: "25 Jan 2021 ساعة 11:27", body: [body], number: String(100 * copy + story + 1) }));
    await writeDump(folder, `copy${copy}.txt`, buildDump(articles).text);
  }
  return folder;
}

describe("dedup", () => {
  it("ten copies of a dump under new numbers collapse to one copy of each article", async () => {
    const folder = await writeCopies("copies");
    const result = await runInProcess(["dedup", folder, "--json"]);
    expect(result.code).toBe(0);
    const clusters = JSON.parse(result.stdout) as Array<{ kept: Row; dropped: Row[] }>;
    expect(clusters.map((cluster) => [cluster.kept.file, cluster.kept.id, cluster.dropped.length])).toEqual([
      [`${folder}/copy0.txt`, "1", 9],
      [`${folder}/copy0.txt`, "2", 9],
    ]);
    expect(result.stderr).toBe("newsctl: 20 articles: 18 copies in 2 clusters, 2 kept\n");
    const text = (await runInProcess(["dedup", folder])).stdout;
    expect(text).toContain(`kept     ${folder}/copy0.txt:1  #1  2021-01-25T11:27:00`);
    expect(text).toContain(`dropped  ${folder}/copy9.txt:1  #901  2021-01-25T11:27:00  (body 1.00)`);
    expect((await runInProcess(["dedup", folder, "--threshold", "1.5"])).code).toBe(2);
  });
});

describe("export --dedup", () => {
  it("leaves out the copies and keeps the earliest; standard input is refused", async () => {
    const folder = await writeCopies("copies-export");
    const records = parseNdjson((await runInProcess(["export", folder, "--dedup"])).stdout) as Row[];
    expect(records.map((record) => [record.file, record.id])).toEqual([
      [`${folder}/copy0.txt`, "1"],
      [`${folder}/copy0.txt`, "2"],
    ]);
    const all = parseNdjson((await runInProcess(["export", folder])).stdout);
    expect(all).toHaveLength(20);
    const piped = await runInProcess(["export", "--dedup"], { input: "x\n" });
    expect(piped.code).toBe(2);
    expect(piped.stderr).toContain("--dedup reads the inputs twice");
    expect((await runInProcess(["export", folder, "--threshold", "0.9"])).code).toBe(2);
  });
});

describe("export --dedup of articles too short for three-word sequences", () => {
  it("leaves out the copy with another number, keeps the one whose headline differs", async () => {
    const flash = (headline: string, number: string): ArticleText => ({ headline, agency: "تنا", date: "25 Jan 2021 ساعة 11:27", body: ["خبر عاجل"], number });
    const file = await writeDump(dir, "short-copies.txt", buildDump([flash("زلزال في المدينة", "21"), flash("زلزال في المدينة", "22"), flash("حريق في المدينة", "23")]).text);
    const result = await runInProcess(["export", file, "--dedup"]);
    expect(result.code).toBe(0);
    expect((parseNdjson(result.stdout) as Row[]).map((record) => [record.id, record.headline, record.body])).toEqual([
      ["21", "زلزال في المدينة", "خبر عاجل"],
      ["23", "حريق في المدينة", "خبر عاجل"],
    ]);
  });
});

describe("export --parquet", () => {
  /** Every row of a Parquet file, as DuckDB reads it, with each column's type. */
  async function readWithDuckDb(file: string): Promise<{ rows: Row[]; types: Record<string, string> }> {
    const { DuckDBInstance } = await import("@duckdb/node-api");
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    const quoted = file.replaceAll("'", "''");
    const rows = (await connection.runAndReadAll(`SELECT * FROM read_parquet('${quoted}')`)).getRowObjectsJson() as Row[];
    const described = (await connection.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${quoted}')`)).getRowObjectsJson() as Array<{ column_name: string; column_type: string }>;
    connection.closeSync();
    return { rows, types: Object.fromEntries(described.map((column) => [column.column_name, column.column_type])) };
  }

  it("typed columns that DuckDB reads back as the NDJSON export's values", async () => {
    const file = await writeDump(dir, "for-parquet.txt", buildDump([...ARTICLES, { ...ARTICLES[0]!, number: undefined, headline: "خبر فقد رقمه" }]).text);
    const out = path.join(dir, "articles.parquet");
    const result = await runInProcess(["export", file, "-o", out, "--quiet"]);
    expect(result.code, result.stderr).toBe(0);
    const { rows, types } = await readWithDuckDb(out);
    expect(types).toMatchObject({ id: "VARCHAR", published: "TIMESTAMP", line: "INTEGER", warnings: "VARCHAR[]", body: "VARCHAR" });
    const records = parseNdjson((await runInProcess(["export", file, "--quiet"])).stdout) as Row[];
    expect(rows).toHaveLength(records.length);
    rows.forEach((row, index) => {
      const record = records[index]!;
      for (const [field, value] of Object.entries(record)) {
        const read = row[field];
        if (field === "published") expect(read === null ? null : String(read).replace(" ", "T"), field).toBe(value);
        else expect(read, `${field} of record ${index}`).toEqual(value);
      }
    });
    expect(records.some((record) => (record.warnings as string[]).length > 0)).toBe(true);
  });

  it("--fields chooses the columns; with --tz the times are instants; stdout is refused", async () => {
    const out = path.join(dir, "few.parquet");
    expect((await runInProcess(["export", dump, "--parquet", "-o", out, "--fields", "id,published", "--tz", "Asia/Riyadh"])).code).toBe(0);
    const { rows, types } = await readWithDuckDb(out);
    expect(Object.keys(types)).toEqual(["id", "published"]);
    expect(types.published).toBe("TIMESTAMP WITH TIME ZONE");
    expect(rows).toHaveLength(2);
    const refused = await runInProcess(["export", dump, "--parquet"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("Parquet is a binary file format");
  });
});
