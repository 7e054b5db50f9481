// Every export of src/ is used: by another module of src/, or (exported to be tested) by its own
// module and a test. An export nothing in src/ uses is dead code, and one used only inside its
// own module should not be exported; both fail here, found by the TypeScript compiler's checker.

import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Exports used from outside the TypeScript program: the launcher's entry, and modules loaded by URL on other threads. */
const ENTRY_EXPORTS = new Set(["src/cli.ts:main", "src/output/export-batches.ts:makeBatchEncoder"]);

type Use = "own" | "src" | "test";

/** For each export of src/ ("src/x.ts:name"), where it is used. */
function exportUses(): Map<string, Set<Use>> {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(projectRoot, "tsconfig.check.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  const program = ts.createProgram(config.fileNames, config.options);
  const checker = program.getTypeChecker();
  const relative = (file: string) => path.relative(projectRoot, file).split(path.sep).join("/");
  const uses = new Map<string, Set<Use>>();
  // A symbol re-exported is the export of each module that exports it.
  const exportKeys = new Map<ts.Symbol, string[]>();
  const addKey = (symbol: ts.Symbol, key: string) => exportKeys.set(symbol, [...(exportKeys.get(symbol) ?? []), key]);
  const files = program.getSourceFiles().filter((file) => !file.isDeclarationFile && !relative(file.fileName).startsWith(".."));
  for (const file of files) {
    const name = relative(file.fileName);
    if (!name.startsWith("src/")) continue;
    const moduleSymbol = checker.getSymbolAtLocation(file);
    if (moduleSymbol === undefined) continue;
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const key = `${name}:${exported.name}`;
      uses.set(key, new Set());
      addKey(exported, key);
      if (exported.flags & ts.SymbolFlags.Alias) addKey(checker.getAliasedSymbol(exported), key);
    }
  }
  const mark = (symbol: ts.Symbol | undefined, user: string) => {
    if (symbol === undefined) return;
    const resolved = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    for (const key of new Set([...(exportKeys.get(symbol) ?? []), ...(exportKeys.get(resolved) ?? [])])) {
      const own = key.slice(0, key.lastIndexOf(":"));
      uses.get(key)!.add(user === own ? "own" : user.startsWith("src/") ? "src" : "test");
    }
  };
  for (const file of files) {
    const user = relative(file.fileName);
    const visit = (node: ts.Node) => {
      if (ts.isIdentifier(node) && !isExportedName(node)) mark(checker.getSymbolAtLocation(node), user);
      // const { a, b } = await import("./x.js"): the properties named are the module's exports.
      if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent)) {
        const property = (node.propertyName ?? node.name) as ts.Node;
        if (ts.isIdentifier(property)) mark(checker.getTypeAtLocation(node.parent).getProperty(property.text), user);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return uses;
}

/** The name in an export's own declaration is not a use of it. */
function isExportedName(node: ts.Identifier): boolean {
  const parent = node.parent;
  return (ts.isFunctionDeclaration(parent) || ts.isClassDeclaration(parent) || ts.isInterfaceDeclaration(parent) || ts.isTypeAliasDeclaration(parent) || ts.isVariableDeclaration(parent) || ts.isEnumDeclaration(parent)) && parent.name === node;
}

describe("the exports of src/", () => {
  const uses = exportUses();

  it("are found", () => {
    expect(uses.size).toBeGreaterThan(100);
    expect(uses.get("src/cli.ts:run")).toContain("test");
  });

  it("are each used by another module, or by their own and a test", () => {
    const unused = [...uses]
      .filter(([key, used]) => !ENTRY_EXPORTS.has(key) && !used.has("src") && !(used.has("own") && used.has("test")))
      .map(([key, used]) => `${key} (${used.size === 0 ? "unused" : [...used].join(", ")})`);
    expect(unused).toEqual([]);
  });
});
