import { Client } from '@opensearch-project/opensearch';
import { SEARCH_CLIENT_OPTIONS, buildPageQuery, readPageHits } from './search-page-query';
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
    this.client = new Client({ node: url, ...SEARCH_CLIENT_OPTIONS });
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
