// The reading view's HTTP server, on Node's own http module: it binds 127.0.0.1 unless told
// otherwise, answers only requests whose Host names the address it is bound to (a page on
// another site cannot reach it through a DNS name that points here: DNS rebinding), takes only
// GET and HEAD with bounded addresses and headers (one Host header, a path rather than a whole
// URL on the request line), cuts off a client that is slow to send them, and turns every failure
// into an error page or JSON error, never a stack trace. A visitor who leaves takes their
// question with them: what they alone waited for is dropped or stopped. The index is opened read-only and read in snapshots by
// the index workers (index-pool.ts).

import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { isIP } from "node:net";
import { availableParallelism, hostname } from "node:os";
import path from "node:path";
import type { InterfaceLanguage } from "../core/language-choice.js";
import { NewsctlError, RequestError } from "../errors.js";
import { ArticleIndex } from "../io/article-index.js";
import { IndexPool, Unwanted } from "./index-pool.js";
import { BadRequest } from "./page-requests.js";
import { Reply } from "./replies.js";
import { pageLanguage, route } from "./routes.js";
import type { Site } from "./site.js";
import { ServedCollection } from "./served-collection.js";

/** The longest request line's address read, in characters. */
const MAX_URL_CHARACTERS = 8192;
/** A client has this long to send a request's headers, and the whole request. */
const HEADERS_TIME_LIMIT_MS = 10_000;
const REQUEST_TIME_LIMIT_MS = 30_000;
/**
 * How often Node looks for clients past those limits: a client is cut off within this much of
 * its limit (Node's default, 30 s, let a slow client hold its connection for up to 40 s).
 */
const SLOW_CLIENT_CHECK_MS = 500;

interface ServeOptions {
  db: string;
  /** The pages' language when neither the address nor the browser names one. */
  language?: InterfaceLanguage;
  host: string;
  port: number;
  /** Index workers (default: one per core but the one this thread needs, at least 1, at most 4). */
  workers?: number;
  /** How long a page's search may take before it is stopped (default: PAGE_TIME_LIMIT_MS). */
  pageTimeLimitMs?: number;
  /** Told of a request that failed inside the server (not of a bad request). */
  onInternalError: (error: unknown, request: string) => void;
}

export interface RunningServer {
  /** The address to open: http://HOST:PORT/ */
  url: string;
  articleCount: number;
  close(): Promise<void>;
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  // This thread's own connection tells whether the index changed; the workers search it.
  const index = ArticleIndex.openReadOnly(options.db);
  // A search of a common word in a large index holds its worker's memory (SQLite's and V8's)
  // for a while: one worker per core beyond this thread's keeps the server's peak in bounds.
  const pool = new IndexPool(options.db, options.workers ?? Math.max(1, Math.min(4, availableParallelism() - 1)));
  let server: Server;
  try {
    const collection = new ServedCollection(index, pool, options.pageTimeLimitMs);
    const site: Site = { collection, indexName: path.basename(options.db), defaultLanguage: options.language ?? "en" };
    const articleCount = collection.articleCount();
    let isAllowedHost: (host: string | undefined) => boolean = () => false;
    server = createServer({ requestTimeout: REQUEST_TIME_LIMIT_MS, headersTimeout: HEADERS_TIME_LIMIT_MS, connectionsCheckingInterval: SLOW_CLIENT_CHECK_MS, maxHeaderSize: 16 * 1024 }, (request, response) => {
      void answer(site, request, response, isAllowedHost, options.onInternalError);
    });
    const port = await listen(server, options.host, options.port);
    isAllowedHost = hostCheck(options.host, port);
    const url = `http://${isIP(options.host) === 6 ? `[${options.host}]` : options.host}:${port}/`;
    return {
      url,
      articleCount,
      close: () =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        })
          .then(() => pool.close())
          .finally(() => index.close()),
    };
  } catch (error) {
    await pool.close();
    index.close();
    throw error;
  }
}

async function answer(site: Site, request: IncomingMessage, response: ServerResponse, isAllowedHost: (host: string | undefined) => boolean, onInternalError: ServeOptions["onInternalError"]): Promise<void> {
  const arrivedAt = performance.now();
  const address = request.url ?? "/";
  const words = pageLanguage(site, address, request.headers["accept-language"]);
  const reply = new Reply(response, site.indexName, words);
  const leaving = new AbortController();
  response.once("close", () => {
    if (!response.writableFinished) leaving.abort();
  });
  const isJson = /^[^?]*\.json(\?|$)/.test(address) || /[?&]format=json(&|$)/.test(address);
  try {
    // RFC 9112, 3.2: exactly one Host header; a request line with a whole URL (absolute form)
    // is for a proxy, which this server is not.
    if (hostHeaderCount(request.rawHeaders) !== 1) return reply.refuse(400, "newsctl serve: a request needs exactly one Host header");
    if (!address.startsWith("/")) return reply.refuse(400, "newsctl serve: the request line must name a path (/...), not a whole URL");
    if (!isAllowedHost(request.headers.host)) return reply.refuse(421, "newsctl serve: this server answers only to the address it was started on");
    if (request.method !== "GET" && request.method !== "HEAD") return reply.refuse(405, "newsctl serve: only GET and HEAD", { Allow: "GET, HEAD" });
    if (address.length > MAX_URL_CHARACTERS) return reply.refuse(414, "newsctl serve: the address is too long");
    await route(site, new URL(address, "http://newsctl.invalid"), reply, { arrivedAt, hasLeft: leaving.signal }, words);
  } catch (error) {
    if (leaving.signal.aborted || error instanceof Unwanted) {
      // Nobody is there to read an answer.
      response.destroy();
    } else if (reply.isSent) {
      response.destroy();
    } else if (error instanceof BadRequest) {
      reply.error(error.status, error, isJson, here(address));
    } else if (error instanceof RequestError) {
      reply.error(400, error, isJson, here(address));
    } else if (error instanceof NewsctlError) {
      reply.error(503, { message: error.message, hint: error.hint, problem: undefined }, isJson, here(address));
    } else {
      onInternalError(error, `${request.method} ${address.slice(0, 200)}`);
      reply.error(500, { message: "newsctl met an internal error answering this request", hint: "the server's terminal says more", problem: undefined }, isJson, here(address));
    }
  }
}

/** The address an error page was asked at, without its language, for the link to it in the other. */
function here(address: string): { path: string; parameters: URLSearchParams } {
  const url = new URL(address, "http://newsctl.invalid");
  url.searchParams.delete("lang");
  return { path: url.pathname, parameters: url.searchParams };
}

function hostHeaderCount(rawHeaders: readonly string[]): number {
  let count = 0;
  for (let i = 0; i < rawHeaders.length; i += 2) if (rawHeaders[i]!.toLowerCase() === "host") count++;
  return count;
}

/** Listens; resolves to the port (the one the system chose for port 0). */
function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) => {
      const where = `${host}:${port}`;
      if (error.code === "EADDRINUSE") reject(new NewsctlError(`${where}: the port is in use`, undefined, "choose another with --port N, or --port 0 for any free one"));
      else if (error.code === "EACCES") reject(new NewsctlError(`${where}: not allowed to listen on this port`, undefined, "ports below 1024 need privileges; choose --port 8080 or above"));
      else if (error.code === "EADDRNOTAVAIL" || error.code === "ENOTFOUND") reject(new NewsctlError(`${host}: no network interface of this machine has this address`, undefined, "--host 127.0.0.1 (this machine only) or --host 0.0.0.0 (every interface)"));
      else reject(new NewsctlError(`${where}: cannot listen: ${error.message}`));
    };
    server.once("error", failed);
    server.listen(port, host, () => {
      server.off("error", failed);
      resolve((server.address() as { port: number }).port);
    });
  });
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);

/** Whether a host to bind is this machine only (loopback). */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK.has(host);
}

/**
 * Which Host headers name this server. Bound to loopback: 127.0.0.1, [::1] or localhost, with
 * the port. Bound to every interface: any IP address, localhost or this machine's name, with the
 * port. Bound to one address: that address. A name that merely resolves here is never enough.
 */
export function hostCheck(boundHost: string, port: number): (host: string | undefined) => boolean {
  const machine = hostname().toLowerCase();
  return (host) => {
    if (host === undefined) return false;
    const parsed = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d+))?$/i.exec(host.trim().toLowerCase());
    if (parsed === null) return false;
    const name = parsed[1]!.replace(/^\[(.*)\]$/, "$1");
    const hostPort = parsed[2] === undefined ? 80 : Number(parsed[2]);
    if (hostPort !== port) return false;
    if (LOOPBACK.has(boundHost)) return LOOPBACK.has(name);
    if (boundHost === "0.0.0.0" || boundHost === "::") return isIP(name) !== 0 || name === "localhost" || name === machine;
    return name === boundHost.toLowerCase();
  };
}
