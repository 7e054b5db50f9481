// The module hooks source-hooks.mjs registers: NAME.js under src/ resolves to NAME.ts when
// only that exists, and a .ts module loads as JavaScript, transpiled by the TypeScript compiler.
// Each thread has its own hooks: the transpiled text is kept in a cache folder, keyed by the
// file's path, size and time, so that a thread started again does not load the compiler.

import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const SOURCES = new URL("../../src/", import.meta.url).href;
const CACHE = path.join(tmpdir(), "newsctl-test-sources");

export async function resolve(specifier, context, nextResolve) {
  if (specifier.startsWith(".") && context.parentURL?.startsWith(SOURCES)) {
    const url = new URL(specifier, context.parentURL);
    if (url.pathname.endsWith(".js") && !existsSync(url)) {
      const source = new URL(url.href.replace(/\.js$/, ".ts"));
      if (existsSync(source)) return { url: source.href, format: "module", shortCircuit: true };
    }
  }
  if (specifier.startsWith(SOURCES) && specifier.endsWith(".js") && !existsSync(new URL(specifier))) {
    return { url: specifier.replace(/\.js$/, ".ts"), format: "module", shortCircuit: true };
  }
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (!url.startsWith(SOURCES) || !url.endsWith(".ts")) return nextLoad(url, context);
  const file = fileURLToPath(url);
  const info = statSync(file);
  const cached = path.join(CACHE, `${createHash("sha1").update(`${file}\0${info.size}\0${info.mtimeMs}`).digest("hex")}.js`);
  if (existsSync(cached)) return { format: "module", source: readFileSync(cached, "utf8"), shortCircuit: true };
  // The compiler loads only in a thread that reads a source not yet in the cache.
  const { default: ts } = await import("typescript");
  const { outputText } = ts.transpileModule(readFileSync(file, "utf8"), { fileName: file, compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
  mkdirSync(CACHE, { recursive: true });
  const partial = `${cached}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  writeFileSync(partial, outputText);
  renameSync(partial, cached);
  return { format: "module", source: outputText, shortCircuit: true };
}
