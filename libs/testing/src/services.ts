import {
  ElasticsearchConnection,
  KafkaConnection,
  OpenSearchConnection,
  PostgresConnection,
} from './connections';
import { provision } from './provisioning/provision';

/** A real Kafka broker (KAFKA_BROKERS, a container, or `tools/stack up kafka`). */
export async function getKafka(): Promise<KafkaConnection> {
  return { brokers: (await provision('kafka')).split(',') };
}

/** A real Elasticsearch 7.17 node (ELASTICSEARCH_URL, a container, or `tools/stack up elasticsearch`). */
export async function getElasticsearch(): Promise<ElasticsearchConnection> {
  return { url: await provision('elasticsearch') };
}

/** A real OpenSearch 2.x node (OPENSEARCH_URL, a container, or `tools/stack up opensearch`). */
export async function getOpenSearch(): Promise<OpenSearchConnection> {
  return { url: await provision('opensearch') };
}

/** A real PostgreSQL server (DATABASE_URL, a container, or `tools/stack up postgres`). */
export async function getPostgres(): Promise<PostgresConnection> {
  return { url: await provision('postgres') };
}
