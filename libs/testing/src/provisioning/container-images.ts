/**
 * The pinned server images, used by the testcontainers path. docker-compose.yml runs the same ones
 * (tools/compose.spec.ts checks that they agree), and the versions match the tools/stack launchers.
 */
export const SERVER_IMAGES = {
  kafka: 'apache/kafka:3.9.1',
  elasticsearch: 'docker.elastic.co/elasticsearch/elasticsearch:7.17.29',
  opensearch: 'opensearchproject/opensearch:2.19.6',
  postgres: 'postgres:15.18',
} as const;
