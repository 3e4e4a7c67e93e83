import type { ScraperConfig } from '../config';
import { ElasticsearchSearchSource } from './elasticsearch-search-source';
import { OpenSearchSearchSource } from './opensearch-search-source';
import type { SearchSource } from './search-source.port';

/** The search adapter the configuration names. */
export function createSearchSource(config: Pick<ScraperConfig, 'engine' | 'searchUrl' | 'index' | 'tiebreakField'>): SearchSource {
  return config.engine === 'elasticsearch'
    ? new ElasticsearchSearchSource(config.searchUrl, config.index, config.tiebreakField)
    : new OpenSearchSearchSource(config.searchUrl, config.index, config.tiebreakField);
}
