// Handing data to the tools users already have: --fields in every format, the Elasticsearch
// bulk format and index template, shell completion.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runNewsctl, seedPath } from "../helpers/run-newsctl.js";
import { buildDump, csvObjects, makeTempDir, parseNdjson, removeTempDir, writeDump, type ArticleText } from "./support.js";

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
    const ndjson = parseNdjson((await runNewsctl(["parse", dump, "--fields", "headline,id"])).stdout) as Row[];
    expect(ndjson.map((record) => Object.keys(record))).toEqual([["headline", "id"], ["headline", "id"]]);
    expect(ndjson[1]).toEqual({ headline: ARTICLES[1]!.headline, id: "12" });
    const json = JSON.parse((await runNewsctl(["export", dump, "--json", "--fields", "desk,published"])).stdout) as Row[];
    expect(json).toEqual([{ desk: null, published: "2021-01-25T11:27:00" }, { desk: "110", published: "2021-01-26T09:00:00" }]);
  });

  it("chooses and orders the columns of CSV, TSV and tables", async () => {
    const csv = (await runNewsctl(["export", dump, "--csv", "--fields", "id,agency"])).stdout;
    expect(csv.split("\n")[0]).toBe("id,agency");
    expect(csvObjects(csv)).toEqual([{ id: "11", agency: "تنا" }, { id: "12", agency: "واس" }]);
    const tsv = (await runNewsctl(["export", dump, "--format", "tsv", "--fields", "line,id"])).stdout;
    expect(tsv).toBe("line\tid\n1\t11\n7\t12\n");
    const table = (await runNewsctl(["parse", dump, "--format", "table", "--fields", "agency,id"])).stdout.split("\n");
    expect(table[0]!.split(/\s+/)).toEqual(["agency", "id"]);
    expect(table[1]!.split(/\s+/)).toEqual(["تنا", "11"]);
  });

  it("search may name the score among them", async () => {
    const hits = parseNdjson((await runNewsctl(["search", "المدينة", dump, "--fields", "id,score"])).stdout) as Row[];
    expect(hits.map((hit) => Object.keys(hit))).toEqual([["id", "score"], ["id", "score"]]);
    expect(hits.every((hit) => typeof hit.score === "number" && hit.score > 0)).toBe(true);
  });

  it("an unknown or repeated field is a usage error that lists the fields", async () => {
    const unknown = await runNewsctl(["parse", dump, "--fields", "id,titel"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('newsctl: --fields: no field named "titel"');
    expect(unknown.stderr).toContain("hint: fields: id,headline,subheadline,lead,agency,published,desk,body,file,line,warnings");
    expect((await runNewsctl(["parse", dump, "--fields", "id,id"])).code).toBe(2);
    expect((await runNewsctl(["parse", seedPath, "--fields", "score"])).code).toBe(2);
  });
});

describe("help", () => {
  it.each([["parse"], ["search"], ["export"], ["show"], ["check"], ["index"]])("%s --help ends with examples", async (command) => {
    const result = await runNewsctl([command, "--help"]);
    expect(result.code).toBe(0);
    const examples = result.stdout.slice(result.stdout.lastIndexOf("\nExamples:\n"));
    expect(examples.split("\n").filter((line) => line.trim().startsWith("newsctl ")).length).toBeGreaterThanOrEqual(2);
  });
});
