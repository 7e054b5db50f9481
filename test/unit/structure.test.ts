// The shape of src/ that review should not have to watch: imports that point down the layers only,
// no import cycles between modules, no module too long to read at once, and every module opening
// with a comment on what it owns.

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const MAX_LINES = 350;

/** Every .ts file under src/, as a path from the project root with forward slashes. */
function sourceFiles(): string[] {
  return readdirSync(path.join(projectRoot, "src"), { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".ts"))
    .map((name) => `src/${name.split(path.sep).join("/")}`)
    .sort();
}

function readSource(file: string): string {
  return readFileSync(path.join(projectRoot, file), "utf8");
}

/**
 * The src/ modules a module names in its imports, exports from, `import type` and dynamic
 * `import("...")`, as the TypeScript compiler reads them (text in strings and comments is not
 * an import). Packages and Node's modules are left out.
 */
function importedModules(file: string, modules: ReadonlySet<string>): string[] {
  const { importedFiles } = ts.preProcessFile(readSource(file), true, true);
  const found = new Set<string>();
  for (const { fileName } of importedFiles) {
    if (!fileName.startsWith(".")) continue;
    const target = path.posix.join(path.posix.dirname(file), fileName).replace(/\.js$/, ".ts");
    for (const candidate of [target, `${target}.ts`, `${target}/index.ts`]) {
      if (modules.has(candidate)) {
        found.add(candidate);
        break;
      }
    }
  }
  return [...found].sort();
}

/** The strongly connected groups of the graph (Tarjan), each sorted; only those that hold a cycle. */
function cyclicGroups(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const order = new Map<string, number>();
  const lowest = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (node: string) => {
    order.set(node, counter);
    lowest.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!order.has(next)) {
        visit(next);
        lowest.set(node, Math.min(lowest.get(node)!, lowest.get(next)!));
      } else if (onStack.has(next)) {
        lowest.set(node, Math.min(lowest.get(node)!, order.get(next)!));
      }
    }
    if (lowest.get(node) !== order.get(node)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== node);
    if (group.length > 1 || (graph.get(node) ?? []).includes(node)) groups.push(group.sort());
  };
  for (const node of graph.keys()) if (!order.has(node)) visit(node);
  return groups.sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

/** The shortest way from a group's first module back to itself, inside the group: "a -> b -> a". */
function describeCycle(group: readonly string[], graph: ReadonlyMap<string, readonly string[]>): string {
  const start = group[0]!;
  const cameFrom = new Map<string, string>();
  const queue = [start];
  for (let at = 0; at < queue.length; at++) {
    const node = queue[at]!;
    for (const next of graph.get(node) ?? []) {
      if (!group.includes(next)) continue;
      if (next === start) {
        const cycle = [start];
        for (let step: string | undefined = node; step !== start && step !== undefined; step = cameFrom.get(step)) cycle.splice(1, 0, step);
        cycle.push(start);
        const rest = group.filter((member) => !cycle.includes(member));
        return cycle.join(" -> ") + (rest.length > 0 ? ` (and through ${rest.join(", ")})` : "");
      }
      if (!cameFrom.has(next)) {
        cameFrom.set(next, node);
        queue.push(next);
      }
    }
  }
  return group.join(", ");
}

/** The layers of src/, lowest first: a module may import its own layer's and those below it. */
const LAYERS = ["core", "io", "output", "app", "web", "commands", "cli"] as const;

/** The layer a module belongs to; errors.ts belongs to none (every layer may use it). */
function layerOf(file: string): number | undefined {
  if (file === "src/errors.ts") return undefined;
  if (file === "src/cli.ts") return LAYERS.indexOf("cli");
  const folder = file.split("/")[1]!;
  const layer = LAYERS.indexOf(folder as (typeof LAYERS)[number]);
  return layer === -1 ? undefined : layer;
}

/** Each import that points up the layers: "a -> b (io imports output)". */
function upwardImports(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const found: string[] = [];
  for (const [file, imports] of graph) {
    const from = layerOf(file);
    if (from === undefined) continue;
    for (const target of imports) {
      const to = layerOf(target);
      if (to !== undefined && to > from) found.push(`${file} -> ${target} (${LAYERS[from]} imports ${LAYERS[to]})`);
    }
  }
  return found.sort();
}

describe("cycle and layer finding, on small graphs", () => {
  it("names each cycle once, from its first module, and nothing for a graph without one", () => {
    const graph = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a", "d"]],
      ["d", []],
      ["e", ["e"]],
      ["f", ["a"]],
    ]);
    expect(cyclicGroups(graph).map((group) => describeCycle(group, graph))).toEqual(["a -> b -> c -> a", "e -> e"]);
    expect(cyclicGroups(new Map([["a", ["b"]], ["b", []]]))).toEqual([]);
  });

  it("reads imports, exports from, import type and dynamic imports, and not strings or comments", () => {
    const { importedFiles } = ts.preProcessFile(
      'import type { A } from "./a.js";\nexport { b } from "./b.js";\nconst c = await import("./c.js");\nconst s = "import(\'./d.js\')";\n// import "./e.js";\n',
      true,
      true,
    );
    expect(importedFiles.map((file) => file.fileName)).toEqual(["./a.js", "./b.js", "./c.js"]);
  });

  it("names an import that points up the layers, and none that points down or to errors.ts", () => {
    const graph = new Map([
      ["src/io/walk.ts", ["src/core/glob.ts", "src/errors.ts", "src/output/messages.ts"]],
      ["src/web/server.ts", ["src/app/search.ts"]],
      ["src/app/search.ts", ["src/commands/search.ts"]],
    ]);
    expect(upwardImports(graph)).toEqual(["src/app/search.ts -> src/commands/search.ts (app imports commands)", "src/io/walk.ts -> src/output/messages.ts (io imports output)"]);
  });
});

describe("src/", () => {
  const files = sourceFiles();

  it("holds modules to check", () => {
    expect(files.length).toBeGreaterThan(10);
    expect(files).toContain("src/cli.ts");
  });

  it("has no import cycle", () => {
    const modules = new Set(files);
    const graph = new Map(files.map((file) => [file, importedModules(file, modules)]));
    const cycles = cyclicGroups(graph).map((group) => describeCycle(group, graph));
    expect(cycles).toEqual([]);
  });

  it(`imports only down the layers: ${LAYERS.join(" <- ")} (errors.ts for all)`, () => {
    const modules = new Set(files);
    const graph = new Map(files.map((file) => [file, importedModules(file, modules)]));
    expect(files.every((file) => file === "src/errors.ts" || layerOf(file) !== undefined), "every module sits in a layer").toBe(true);
    expect(upwardImports(graph)).toEqual([]);
  });

  it(`has no module over ${MAX_LINES} lines`, () => {
    const long = files.flatMap((file) => {
      const lines = readSource(file).replace(/\n$/, "").split("\n").length;
      return lines > MAX_LINES ? [`${file}: ${lines} lines`] : [];
    });
    expect(long).toEqual([]);
  });

  it("opens every module with a comment on what it owns", () => {
    const silent = files.filter((file) => !/^(\/\/|\/\*)/.test(readSource(file)));
    expect(silent).toEqual([]);
  });
});
