// Which build of better-sqlite3 this Node loads. Version 13 is built on Node-API and ships its
// binaries in the package; it is the one for Node 22 and later, where version 12 (built on
// Node's own C++ classes) aborts the process when a statement is finalized after its worker's or
// the process's environment has gone. Version 12 is the one for Node 20, where 13's binary
// crashes at once. Both are installed (12 under an alias, as an optional dependency that is
// compiled on install); both have the same API.

import { createRequire } from "node:module";
import type BetterSqlite3 from "better-sqlite3";
import { EXIT_TROUBLE, NewsctlError } from "../errors.js";

/** The Node major version from which better-sqlite3 13 is loaded. */
const FIRST_NODE_API_MAJOR = 22;
const NODE_API_PACKAGE = "better-sqlite3";
const NODE_20_PACKAGE = "better-sqlite3-node20";

export type SqliteDatabase = BetterSqlite3.Database;
type SqliteOptions = BetterSqlite3.Options;
export type SqliteStatement = BetterSqlite3.Statement;

/** The package to load on the Node whose major version is `nodeMajor`. */
function sqlitePackageFor(nodeMajor: number): string {
  return nodeMajor >= FIRST_NODE_API_MAJOR ? NODE_API_PACKAGE : NODE_20_PACKAGE;
}

let loaded: typeof BetterSqlite3 | undefined;

// Required rather than imported: a CommonJS package costs the ESM loader a few ms to translate,
// and a search of the index should start about as fast as Node itself. Loaded on first use, so
// that commands without an index never load it.
function loadBinding(): typeof BetterSqlite3 {
  if (loaded !== undefined) return loaded;
  const name = sqlitePackageFor(Number(process.versions.node.split(".")[0]));
  // An index in a folder that cannot be written is read through a file: URI that asks for an
  // immutable file (index-database.ts); better-sqlite3 lets SQLite read URIs when this is set as
  // it loads. A path given is never read as a URI itself (it is opened by its full path).
  process.env.SQLITE_USE_URI = "1";
  try {
    loaded = createRequire(import.meta.url)(name) as typeof BetterSqlite3;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "MODULE_NOT_FOUND" && code !== "ERR_DLOPEN_FAILED") throw error;
    throw new NewsctlError(
      `cannot load SQLite for the index (${name}) on Node ${process.versions.node}`,
      EXIT_TROUBLE,
      "run npm install again with this Node; on Node 20 it builds better-sqlite3 12, which needs python3 and a C++ compiler",
    );
  }
  return loaded;
}

/** The connections this thread opened and has not closed. */
const openDatabases = new Set<SqliteDatabase>();

/**
 * Opens (or creates) a SQLite database with the build that suits this Node. The connection is
 * closed, with its statements, when the thread ends by any path (the end of a command, an error,
 * a signal that ends the process), so that none is left for the garbage collector to finalize
 * after Node's environment is gone.
 */
export function openSqlite(path: string, options?: SqliteOptions): SqliteDatabase {
  const Database = loadBinding();
  const db = new Database(path, options);
  if (openDatabases.size === 0) process.once("exit", closeOpenDatabases);
  openDatabases.add(db);
  const close = db.close.bind(db);
  db.close = () => {
    const closed = close(); // throws, and stays listed, while a statement is being iterated
    openDatabases.delete(db);
    if (openDatabases.size === 0) process.removeListener("exit", closeOpenDatabases);
    return closed;
  };
  return db;
}

/** Closes every connection still open on this thread (a statement mid-iteration is let go with it). */
function closeOpenDatabases(): void {
  for (const db of [...openDatabases]) {
    try {
      db.close();
    } catch {
      // Busy with a statement that is being iterated: SQLite frees it when the thread ends.
      openDatabases.delete(db);
    }
  }
}
