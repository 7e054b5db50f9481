// Visitors who give up waiting take their searches with them: after hundreds of slow searches
// whose visitors closed the connection, the next visitor's ordinary search is answered at once,
// not after the abandoned ones have run.

import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildDump } from "../helpers/dump-text.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { getWithin, serveProcess, type ServedProcess } from "../helpers/served-process.js";
import { makeTempDir, removeTempDir, writeDump } from "../helpers/support.js";

const VISITORS = 250;
const PATIENCE_MS = 2000;

let tmp: string;
let served: ServedProcess | undefined;

beforeAll(async () => {
  tmp = await makeTempDir();
  // A long article every search below matches (each takes a while to rank and show), and a short one.
  const long = "كلمة داعش ".repeat(100_000).trimEnd();
  const dump = buildDump([
    { headline: "خبر طويل", agency: "واس", date: "01 Jan 2021 ساعة 10:00", body: [long], number: "200001" },
    { headline: "زيارة إلى السعودية", agency: "واس", date: "02 Jan 2021 ساعة 10:00", body: ["وصل الوفد إلى السعودية اليوم"], number: "200002" },
  ]);
  await writeDump(tmp, "news.txt", dump.text);
  const indexed = await runInProcess(["index", "news.txt", "--db", "news.db", "--quiet"], { cwd: tmp });
  expect(indexed.code, indexed.stderr).toBe(0);
  served = await serveProcess(path.join(tmp, "news.db"));
}, 60_000);
afterAll(async () => {
  await served?.stop();
  await removeTempDir(tmp);
});

it(`answers an ordinary search within 2 s after ${VISITORS} visitors gave up on slow ones`, async () => {
  // Each visitor asks for a different search (none shares another's answer) and leaves after 2 s.
  const abandoned = Array.from({ length: VISITORS }, (_, i) => getWithin(`${served!.url}search.json?size=100&q=${encodeURIComponent(`داعش OR كلمة${i}*`)}`, PATIENCE_MS));
  const outcomes = await Promise.all(abandoned);
  expect(outcomes.filter((outcome) => outcome.status === "gave up").length).toBeGreaterThan(VISITORS / 2);
  const ordinary = await getWithin(`${served!.url}search.json?q=${encodeURIComponent("السعودية")}`, 30_000);
  expect(ordinary.status).toBe(200);
  expect(JSON.parse(ordinary.text).matchCount).toBe(1);
  expect(ordinary.ms).toBeLessThan(2000);
}, 60_000);
