// A result that is one document rather than a stream of records (an article, a collection's
// statistics, its copies) is written here: as JSON for machines, or as its view for people,
// through one sink on stdout, so that the commands that print one do not each decide how.

import type { OutputEnvironment } from "./environment.js";
import { makeStdoutSink } from "./sink.js";

/** How a document is printed: JSON (indented by `indent` spaces, else on one line), or its view. */
interface DocumentFormat {
  isJson: boolean;
  indent?: number;
}

/** Writes the document as its format says; `view` lays it out for people, in pieces. */
export async function writeDocument<Document>(env: OutputEnvironment, document: Document, format: DocumentFormat, view: (document: Document) => Iterable<string>): Promise<void> {
  const sink = makeStdoutSink(env);
  if (format.isJson) await sink.writeJson(document, format.indent);
  else for (const piece of view(document)) await sink.write(piece);
  await sink.flush();
}
