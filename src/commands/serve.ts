// `newsctl serve --db FILE`: the index as web pages to read and search (src/web/), until the
// process is stopped. The address goes to stdout, for a script to read; what is exposed to whom
// goes to stderr.

import { spawn } from "node:child_process";
import type { InterfaceLanguage } from "../core/language-choice.js";
import { countOf, PROGRAM } from "../output/messages.js";
import { toTerminalLine } from "../output/terminal-text.js";
import type { CommandDefinition } from "./command-definition.js";
import { openIndexForReading } from "../app/open-index.js";
import { DEFAULT_HOST, DEFAULT_PORT } from "./option-table.js";

interface ServePlan {
  db: string;
  host: string;
  port: number;
  isOpening: boolean;
  /** The pages' language when neither the address nor the browser names one. */
  language: InterfaceLanguage;
}


export const serveCommand: CommandDefinition<ServePlan> = {
  name: "serve",
  helpAfter: `
Pages: search (the query language, folding, stemming and ranking of newsctl search --db, with
facets per agency and month), each article in full with its matches marked and its copies, and
the statistics of newsctl stats, in Arabic or English (?lang=ar|en, else the browser's
languages, else --lang), right to left in Arabic. Add .json to a page's path (or ?format=json) for its data;
/search.csv and /search.ndjson download every result. The index is opened read-only and may
be updated by newsctl index while it is served. Stop with Ctrl-C.

Examples:
  newsctl serve --db news.db
  newsctl serve --db news.db --port 0 --open
  newsctl serve --db news.db --lang ar
  curl -s 'http://127.0.0.1:8080/search.json?q=داعش' | jq .matchCount`,

  plan({ options }) {
    return { db: options.db!, host: options.host ?? DEFAULT_HOST, port: options.port ?? DEFAULT_PORT, isOpening: options.open === true, language: options.lang ?? "en" };
  },

  async run(plan, context) {
    const { isLoopbackHost, startServer } = await import("../web/server.js");
    const { stdout, stderr } = context.env;
    // Opened here once first to say how it is read: where its folder cannot be written, every
    // connection of the server reads it as an immutable file.
    (await openIndexForReading(plan.db, stderr)).close();
    const server = await startServer({
      ...plan,
      onInternalError: (error, request) => stderr.write(`${PROGRAM}: internal error answering ${toTerminalLine(request)}: ${toTerminalLine(error instanceof Error ? error.message : String(error))}\n`),
    });
    stdout.write(`${server.url}\n`);
    const reach = isLoopbackHost(plan.host) ? "only this machine can reach it (--host to share it)" : "anyone who can reach this machine on the network can read it";
    stderr.write(`${PROGRAM}: serving ${toTerminalLine(plan.db)} (${countOf(server.articleCount, "article")}, read-only) at ${server.url}; ${reach}. Ctrl-C stops.\n`);
    if (plan.isOpening) openBrowser(server.url, (message) => stderr.write(`${PROGRAM}: --open: ${message}\n`));
    // Served until the process is stopped: Ctrl-C ends it as it ends every command (exit status
    // 130, 143 for SIGTERM); the index is only read, so nothing is left half done.
    return new Promise<never>(() => {});
  },
};

/** Opens the address in the system's browser; says so when it cannot. */
function openBrowser(url: string, say: (message: string) => void): void {
  const [command, args] = process.platform === "darwin" ? ["open", [url]] : process.platform === "win32" ? ["cmd", ["/c", "start", "", url]] : ["xdg-open", [url]];
  const child = spawn(command, args as string[], { stdio: "ignore", detached: true });
  child.on("error", () => say(`could not start ${command}; open ${url} yourself`));
  child.unref();
}
