// `newsctl show ID [PATH...]`: one article in full, laid out for reading; the first article
// with that number, read no further than needed.

import type { ArticleRecord } from "../core/record.js";
import { EXIT_NOTHING_FOUND, EXIT_SUCCESS, UsageError } from "../errors.js";
import { formatArticle } from "../output/article-view.js";
import { toTextView } from "../output/environment.js";
import { writeError } from "../output/messages.js";
import { pickFields } from "../output/record-writers.js";
import { writeDocument } from "../output/write-document.js";
import type { CommandDefinition } from "./command-definition.js";
import { chosenFormat, readFields } from "./option-values.js";
import { planReading } from "./option-values.js";
import { readArticleNumber } from "../app/request-readers.js";
import type { ReadingOptions } from "../app/read-dumps.js";
import { openRecords } from "../app/record-source.js";

interface ShowPlan {
  id: string;
  reading: ReadingOptions;
  /** The index to read instead of dumps. */
  db: string | undefined;
  /** The record as one JSON object (--json, --ndjson), else laid out for reading. */
  isJson: boolean;
  fields: string[] | undefined;
}

export const showCommand: CommandDefinition<ShowPlan> = {
  name: "show",
  helpAfter: `
Exit status 1 when no article has that number. --json and --ndjson print the record as one
JSON object (--fields: only those fields).

Examples:
  newsctl show 490728 seeds
  newsctl show ٤٩٠٧٢٨ dumps --json | jq .body`,

  plan({ args, paths, options }, env) {
    const id = readArticleNumber("", args[0]!);
    const reading = planReading(paths, options, env, { isShowingProgress: false, isDbASource: true });
    const isJson = chosenFormat(options) !== undefined;
    const fields = readFields(options);
    if (fields !== undefined && !isJson) throw new UsageError("--fields chooses the fields of --json output; the reading view shows the whole article", "add --json");
    return { id, reading: { ...reading, limit: 1, filter: { ...reading.filter, ids: [id] } }, db: options.db, isJson, fields };
  },

  async run(plan, context) {
    let found: ArticleRecord | undefined;
    let readingCode = EXIT_SUCCESS;
    const source = await openRecords(plan.reading, plan.db, context);
    try {
      // The reading stops at the first article with the number (its limit is 1).
      for await (const record of source.records) found = record;
      readingCode = source.exitCode();
    } finally {
      source.close();
    }
    if (found !== undefined) {
      // --json and --ndjson alike give the one record as an object, so `| jq .body` works.
      const document = plan.fields === undefined ? found : pickFields(found, plan.fields);
      await writeDocument(context.env, document, { isJson: plan.isJson }, () => [formatArticle(found, toTextView(context.env))]);
      return readingCode;
    }
    writeError(context.env, `no article numbered ${plan.id}`);
    return Math.max(readingCode, EXIT_NOTHING_FOUND);
  },
};
