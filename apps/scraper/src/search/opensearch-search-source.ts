import { Client } from '@opensearch-project/opensearch';
import { buildPageQuery, readPageHits } from './search-page-query';
import type { PageRequest, SearchSource, SearchedDocument } from './search-source.port';

/** OpenSearch 2.x through its own client (Elasticsearch clients from 7.14 on refuse to talk to OpenSearch). */
export class OpenSearchSearchSource implements SearchSource {
  readonly engine = 'opensearch' as const;
  private readonly client: Client;

  constructor(
    url: string,
    readonly index: string,
    private readonly tiebreakField: string,
  ) {
    // Pages are parsed with plain JSON.parse: the prototype-poisoning scan of every page costs more than the parse,
    // and the documents are only read and serialized again, never merged into other objects.
    this.client = new Client({ node: url, requestTimeout: 60_000, maxRetries: 0, disablePrototypePoisoningProtection: true });
  }

  async readPage(request: PageRequest): Promise<SearchedDocument[]> {
    const response = await this.client.search({
      index: this.index,
      body: buildPageQuery(request, this.tiebreakField) as never,
    });
    return readPageHits(response.body);
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
