// `newsctl es-template [--index NAME]`: the index template that maps newsctl's records for
// Elasticsearch or OpenSearch, for `PUT _index_template/NAME`.

import { EXIT_SUCCESS } from "../errors.js";
import { elasticIndexTemplate } from "../output/elasticsearch.js";
import type { CommandDefinition } from "./command-definition.js";
import { DEFAULT_ELASTIC_INDEX } from "../output/elasticsearch.js";

interface EsTemplatePlan {
  /** The Elasticsearch index (and NAME-*) the template applies to. */
  elasticIndex: string;
}

export const esTemplateCommand: CommandDefinition<EsTemplatePlan> = {
  name: "es-template",
  helpAfter: `
headline, subheadline, lead and body are analysed with the built-in arabic analyzer; published
is a date; id, agency, desk, file and warnings are keywords (agency.text is searchable text).

Examples:
  newsctl es-template --index news
  newsctl es-template --index news | curl -s -H 'Content-Type: application/json' -XPUT localhost:9200/_index_template/news --data-binary @-`,

  plan({ options }) {
    return { elasticIndex: options.index ?? DEFAULT_ELASTIC_INDEX };
  },

  async run({ elasticIndex }, context) {
    context.env.stdout.write(`${JSON.stringify(elasticIndexTemplate(elasticIndex), null, 2)}\n`);
    return EXIT_SUCCESS;
  },
};
