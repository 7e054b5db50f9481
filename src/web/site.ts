// What every page's handler is given and gives back: the served collection and how the server
// was started (Site), an address's row in the route table, a page's answer (its JSON twin and its page, made from one result), and
// a download streamed to the visitor a chunk at a time, stopped when they leave.

import type { InterfaceLanguage } from "../core/language-choice.js";
import type { Reply } from "./replies.js";
import type { ServedCollection, Visitor } from "./served-collection.js";
import type { Words } from "./words.js";

export interface Site {
  collection: ServedCollection;
  /** The index's file name, for the footer. */
  indexName: string;
  /** The pages' language when neither the address nor the visitor's browser names one. */
  defaultLanguage: InterfaceLanguage;
}

/** What a page is sent as: itself, or its JSON twin. */
export type PageFormat = "html" | "json";

/** What a page's handler answers: the JSON twin and the page, made from one result. */
export type Answer = { json(): string; page(): Promise<string> | string } | { refused(): Promise<string> | string };

export interface Route {
  /** The paths (without a format suffix) the route answers. */
  paths: readonly string[];
  /** What the route shows, to say it is no download: "an article is". */
  noun: string;
  answer(site: Site, parameters: URLSearchParams, visitor: Visitor, format: PageFormat, words: Words): Promise<Answer>;
  /** Every result streamed as CSV or NDJSON, for the routes that offer downloads. */
  download?: (site: Site, parameters: URLSearchParams, format: "csv" | "ndjson", reply: Reply, visitor: Visitor) => Promise<void>;
}

export const asJson = (value: unknown) => `${JSON.stringify(value)}\n`;

/**
 * A download: `produce` is handed a writer of chunks (each resolves when the visitor has taken
 * it) and whether the visitor has gone; the response starts with the first chunk.
 */
export async function sendDownload(
  reply: Reply,
  visitor: Visitor,
  format: "csv" | "ndjson",
  fileName: string,
  produce: (write: (chunk: Uint8Array) => Promise<void>, isGone: () => boolean) => Promise<void>,
): Promise<void> {
  const type = format === "csv" ? "text/csv" : "application/x-ndjson";
  let stream: ReturnType<Reply["download"]> | undefined;
  // A visitor who left, before the first chunk or during the download, stops it.
  const isGone = () => visitor.hasLeft.aborted || stream?.destroyed === true;
  await produce((chunk) => {
    if (isGone()) return Promise.resolve();
    stream ??= reply.download(type, `${fileName}.${format}`);
    return stream.write(chunk) ? Promise.resolve() : new Promise((resolve) => stream!.once("drain", resolve).once("close", resolve));
  }, isGone);
  (stream ?? reply.download(type, `${fileName}.${format}`)).end();
}
