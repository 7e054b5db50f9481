// `newsctl es-template [--index NAME]`: the index template that maps newsctl's records for
// Elasticsearch or OpenSearch, for `PUT _index_template/NAME`.

import type { Command } from "commander";
import { EXIT_SUCCESS, UsageError } from "../errors.js";
import { DEFAULT_INDEX, indexNameProblem, indexTemplate } from "../output/elasticsearch.js";
import type { ReadingContext } from "./read-records.js";

export function declareEsTemplate(program: Command, context: ReadingContext, setExitCode: (code: number) => void): void {
  program
    .command("es-template")
    .description("print an Elasticsearch/OpenSearch index template for newsctl's records (arabic analyzer)")
    .option("--index <name>", "the index (and NAME-*) the template applies to", DEFAULT_INDEX)
    .addHelpText(
      "after",
      `
headline, subheadline, lead and body are analysed with the built-in arabic analyzer; published
is a date; id, agency, desk, file and warnings are keywords (agency.text is searchable text).

Examples:
  newsctl es-template --index news
  newsctl es-template --index news | curl -s -H 'Content-Type: application/json' -XPUT localhost:9200/_index_template/news --data-binary @-`,
    )
    .action((raw: { index: string }) => {
      const problem = indexNameProblem(raw.index);
      if (problem !== undefined) throw new UsageError(`--index "${raw.index}": ${problem}`);
      context.env.stdout.write(`${JSON.stringify(indexTemplate(raw.index), null, 2)}\n`);
      setExitCode(EXIT_SUCCESS);
    });
}
