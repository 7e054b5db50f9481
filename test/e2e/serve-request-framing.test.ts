// Requests the server refuses for their form (RFC 9112): two Host headers, or a whole URL on the
// request line; and a client too slow to send its headers is cut off when docs/serve.md says.

import { connect } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDump } from "../helpers/dump-text.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { serveProcess, type ServedProcess } from "../helpers/served-process.js";
import { makeTempDir, removeTempDir, writeDump } from "../helpers/support.js";

let tmp: string;
let served: ServedProcess | undefined;
let port: number;

beforeAll(async () => {
  tmp = await makeTempDir();
  await writeDump(tmp, "news.txt", buildDump([{ headline: "خبر", agency: "واس", date: "01 Jan 2021 ساعة 10:00", body: ["نص الخبر"], number: "300001" }]).text);
  const indexed = await runInProcess(["index", "news.txt", "--db", "news.db", "--quiet"], { cwd: tmp });
  expect(indexed.code, indexed.stderr).toBe(0);
  served = await serveProcess(path.join(tmp, "news.db"));
  port = Number(new URL(served.url).port);
}, 60_000);
afterAll(async () => {
  await served?.stop();
  await removeTempDir(tmp);
});

/** Sends the bytes as they are; resolves to what came back when the server closed or answered. */
function exchange(request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(request));
    let answer = "";
    socket.on("data", (chunk: Buffer) => {
      answer += chunk.toString("utf8");
      if (/\r\n\r\n/.test(answer)) socket.destroy();
      resolve(answer);
    });
    socket.on("close", () => resolve(answer));
    socket.on("error", reject);
  });
}

const statusOf = (answer: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]);

describe("requests of the wrong form are refused with 400", () => {
  it("a request with two Host headers", async () => {
    expect(statusOf(await exchange(`GET /search.json?q=x HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nHost: evil.example\r\nConnection: close\r\n\r\n`))).toBe(400);
    expect(statusOf(await exchange(`GET /search.json?q=x HTTP/1.1\r\nHost: evil.example\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`))).toBe(400);
  });

  it("a request line with a whole URL (absolute form), even with a good Host", async () => {
    expect(statusOf(await exchange(`GET http://evil.example/search.json?q=x HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`))).toBe(400);
    expect(statusOf(await exchange(`GET http://127.0.0.1:${port}/search.json?q=x HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`))).toBe(400);
  });

  it("while one Host header and a path are answered", async () => {
    expect(statusOf(await exchange(`GET /search.json?q=x HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`))).toBe(200);
  });
});

it("cuts off a client that has not sent its headers within 10 s (within a second of it)", async () => {
  const started = performance.now();
  const closedAfterMs = await new Promise<number>((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`));
    // A header line every second, never the blank line that ends them.
    const drip = setInterval(() => socket.write("X-Slow: 1\r\n"), 1000);
    socket.on("data", () => {});
    socket.on("close", () => {
      clearInterval(drip);
      resolve(performance.now() - started);
    });
    socket.on("error", () => {});
    setTimeout(() => {
      clearInterval(drip);
      socket.destroy();
      reject(new Error("still connected after 25 s"));
    }, 25_000);
  });
  expect(closedAfterMs).toBeGreaterThanOrEqual(9_500);
  expect(closedAfterMs).toBeLessThan(11_500);
}, 30_000);
