import { Client } from '@opensearch-project/opensearch';
import { getOpenSearch } from './services';
import {
  completedJobsQuery,
  completedJobStatusDocument,
  failedJobStatusDocument,
  jobStatusMappings,
} from './smoke/job-status-document';
import { uniqueName } from './unique-name';

// Proves the harness hands out a real OpenSearch 2.x (HySDS 5.4+ keeps its job_status documents there):
// job_status documents are indexed under their payload_id, filtered, sorted and aggregated by the server.
describe('OpenSearch smoke test', () => {
  let client: Client;
  const index = uniqueName('job_status-smoke');

  beforeAll(async () => {
    const { url } = await getOpenSearch();
    client = new Client({ node: url });
  }, 20 * 60_000);

  afterAll(async () => {
    await client?.indices.delete({ index, ignore_unavailable: true });
    await client?.close();
  });

  it('reports an OpenSearch 2.x version', async () => {
    const { body } = await client.info();
    console.log(`OpenSearch ${body.version.number} (cluster ${body.cluster_name}, lucene ${body.version.lucene_version})`);
    expect(body.version.distribution).toBe('opensearch');
    expect(body.version.number).toMatch(/^2\.\d+\.\d+$/);
  });

  it('indexes and searches job_status documents', async () => {
    await client.indices.create({ index, body: { mappings: jobStatusMappings } });
    for (const document of [completedJobStatusDocument, failedJobStatusDocument]) {
      await client.index({ index, id: document.payload_id, body: document });
    }
    await client.indices.refresh({ index });

    const { body } = await client.search({ index, body: completedJobsQuery });

    expect(body.hits.total).toEqual({ value: 1, relation: 'eq' });
    expect(body.hits.hits[0]._id).toBe(completedJobStatusDocument.payload_id);
    expect(body.hits.hits[0]._source.job.job_info.facts.ec2_instance_type).toBe('c5.9xlarge');
    expect(body.aggregations).toEqual({ mean_duration: { value: 113 } });
  });
});
