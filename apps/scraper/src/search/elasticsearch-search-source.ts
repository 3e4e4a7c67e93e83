import { Client } from '@elastic/elasticsearch';
import { buildPageQuery, readPageHits } from './search-page-query';
import type { PageRequest, SearchSource, SearchedDocument } from './search-source.port';

/** Elasticsearch 7.x through the 7.17 client (the 8.x client's compatibility headers are refused by 7.x servers). */
export class ElasticsearchSearchSource implements SearchSource {
  readonly engine = 'elasticsearch' as const;
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
      body: buildPageQuery(request, this.tiebreakField),
    });
    return readPageHits(response.body);
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
