import { Client } from '@elastic/elasticsearch';
import { SEARCH_CLIENT_OPTIONS, buildPageQuery, readPageHits } from './search-page-query';
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
    this.client = new Client({ node: url, ...SEARCH_CLIENT_OPTIONS });
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
