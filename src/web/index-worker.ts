// An index worker: a thread with its own read-only connection to the index, which answers the
// server's questions one at a time (app/collection-reader.ts), so that a long search neither holds
// up the pages already remembered nor the other searches, and can be stopped when it takes
// too long.

import { Writable } from "node:stream";
import { parentPort, workerData } from "node:worker_threads";
import { NewsctlError } from "../errors.js";
import { ArticleIndex } from "../io/article-index.js";
import { TextSink } from "../output/sink.js";
import { withScores, writeRecords } from "../output/write-records.js";
import { CollectionReader } from "../app/collection-reader.js";
import { analysisAnswer, writeAnalysis } from "./analysis-answers.js";
import { articlePageText } from "./article-page.js";
import { Words } from "./words.js";
import type { ArticlePageQuestion, FromWorker, IndexQuestion, ToWorker } from "./index-questions.js";

const port = parentPort!;
const { db } = workerData as { db: string };
const index = ArticleIndex.openReadOnly(db);
const reader = new CollectionReader(index);
/** The download waiting for leave to send its next chunk. */
let sendNextChunk: (() => void) | undefined;

port.on("message", (message: ToWorker) => {
  if ("isClosing" in message) {
    // The connection and its statements closed here, on this thread, before it ends. A download
    // its visitor left half-read still holds a statement open: that one goes with the thread.
    try {
      index.close();
    } catch {}
    port.close();
    return;
  }
  if ("isReadyForMore" in message) {
    const next = sendNextChunk;
    sendNextChunk = undefined;
    next?.();
    return;
  }
  void answer(message.id, message.question);
});

async function answer(id: number, question: IndexQuestion): Promise<void> {
  try {
    switch (question.kind) {
      case "search":
        return reply({ id, answer: reader.search(question.request) });
      case "article":
        return reply({ id, answer: reader.article(question.file, question.line) });
      case "article-page":
        return reply({ id, answer: articlePage(question) });
      case "copies":
        return reply({ id, answer: reader.copies(question.file, question.line) });
      case "stats":
        return reply({ id, answer: reader.stats(question.filter) });
      case "download":
        await download(id, question.request, question.format);
        return reply({ id, answer: undefined });
      case "trend":
      case "kwic":
      case "words":
      case "collocates":
        return reply({ id, answer: index.readConsistently(() => analysisAnswer(index, question)) });
      case "analysis-download":
        await writeInChunks(id, (sink) => writeAnalysis(index, question.question, question.format, sink));
        return reply({ id, answer: undefined });
    }
  } catch (error) {
    const isNewsctlError = error instanceof NewsctlError;
    reply({ id, failure: { message: error instanceof Error ? error.message : String(error), hint: isNewsctlError ? error.hint : undefined, isNewsctlError } });
  }
}

function articlePage({ file, line, format, search, indexName, language }: ArticlePageQuestion): string | undefined {
  const answer = reader.article(file, line);
  if (answer === undefined) return undefined;
  if (format === "json") return `${JSON.stringify(answer)}\n`;
  return articlePageText(new Words(language), answer, search, indexName);
}

function reply(message: FromWorker): void {
  port.postMessage(message);
}

/** Every hit, written as `newsctl search` writes the format, posted a chunk at a time. */
async function download(id: number, request: Parameters<CollectionReader["everyHit"]>[0], format: "csv" | "ndjson"): Promise<void> {
  const answer = reader.everyHit(request);
  try {
    await writeInChunks(id, (sink) => writeRecords(withScores(answer.hits), format, { sink }, { extraColumns: ["score"] }));
  } finally {
    answer.store?.close();
  }
}

/** What `write` writes, posted a chunk at a time, each when the server has taken the one before. */
async function writeInChunks(id: number, write: (sink: TextSink) => Promise<void>): Promise<void> {
  const chunks = new Writable({
    write(chunk: Buffer, _encoding, done) {
      sendNextChunk = () => done();
      reply({ id, chunk: new Uint8Array(chunk) });
    },
  });
  await write(new TextSink(chunks));
  await new Promise<void>((resolve) => chunks.end(resolve));
}
