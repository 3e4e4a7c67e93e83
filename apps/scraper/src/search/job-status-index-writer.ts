import { Client as ElasticsearchClient } from '@elastic/elasticsearch';
import { Client as OpenSearchClient } from '@opensearch-project/opensearch';
import { JOB_STATUS_INDEX_BODY } from './job-status-index-mapping';

export interface IndexTarget {
  engine: 'elasticsearch' | 'opensearch';
  url: string;
  /** an index or alias name; created as an index with the job_status mapping when it does not exist */
  index: string;
}

export interface BulkIndexResult {
  indexed: number;
  failed: Array<{ id: string | null; reason: string }>;
}

/** The calls both engines' clients answer in the same shape (the ES 7.17 and the OpenSearch client share the REST API). */
interface IndexingClient {
  indices: {
    exists(params: { index: string }): Promise<{ body: boolean }>;
    create(params: { index: string; body: unknown }): Promise<unknown>;
    refresh(params: { index: string }): Promise<unknown>;
    delete(params: { index: string }): Promise<unknown>;
  };
  bulk(params: { body: unknown[] }): Promise<{ body: BulkResponse }>;
  close(): Promise<void>;
}

interface BulkResponse {
  errors: boolean;
  items: Array<Record<string, { _id?: string; status: number; error?: { type?: string; reason?: string } }>>;
}

/**
 * Writes job_status documents into Elasticsearch 7.x or OpenSearch 2.x, `_id` = the document's payload_id
 * (as HySDS does, so a later status of the same job overwrites it). Used by `jobcast es-load`, tests and benchmarks.
 */
export class JobStatusIndexWriter {
  private readonly client: IndexingClient;

  constructor(private readonly target: IndexTarget) {
    const options = { node: target.url, requestTimeout: 120_000 };
    this.client = (target.engine === 'elasticsearch'
      ? new ElasticsearchClient(options)
      : new OpenSearchClient(options)) as unknown as IndexingClient;
  }

  /** Creates the index with the job_status mapping unless it (or an alias of that name) exists; true when created. */
  async ensureIndex(): Promise<boolean> {
    const { body: exists } = await this.client.indices.exists({ index: this.target.index });
    if (exists) return false;
    await this.client.indices.create({ index: this.target.index, body: JOB_STATUS_INDEX_BODY });
    return true;
  }

  /** One bulk request; a document the engine refuses is reported with its reason, the others are indexed. */
  async index(documents: ReadonlyArray<Record<string, unknown>>): Promise<BulkIndexResult> {
    if (documents.length === 0) return { indexed: 0, failed: [] };
    const body: unknown[] = [];
    for (const document of documents) {
      const payloadId = document['payload_id'];
      // Without a usable payload_id the engine picks an id; the scraper still reads it and the features service
      // dead-letters it with the reason.
      const action = typeof payloadId === 'string' && payloadId !== '' ? { _index: this.target.index, _id: payloadId } : { _index: this.target.index };
      body.push({ index: action }, document);
    }
    const { body: response } = await this.client.bulk({ body });
    const failed: BulkIndexResult['failed'] = [];
    if (response.errors) {
      for (const item of response.items) {
        const outcome = Object.values(item)[0];
        if (outcome?.error) failed.push({ id: outcome._id ?? null, reason: `${outcome.error.type}: ${outcome.error.reason}` });
      }
    }
    return { indexed: documents.length - failed.length, failed };
  }

  /** Makes everything indexed so far visible to searches. */
  async refresh(): Promise<void> {
    await this.client.indices.refresh({ index: this.target.index });
  }

  /** Deletes the index (tests, benchmarks and scenarios clean up after themselves; the servers are shared). */
  async deleteIndex(): Promise<void> {
    await this.client.indices.delete({ index: this.target.index });
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
