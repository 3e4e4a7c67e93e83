/**
 * The four servers the harness can provide, and the environment variable that carries each one's address —
 * the variable the apps read and `tools/stack env` prints.
 */
export const SERVICE_VARIABLES = {
  kafka: 'KAFKA_BROKERS',
  elasticsearch: 'ELASTICSEARCH_URL',
  opensearch: 'OPENSEARCH_URL',
  postgres: 'DATABASE_URL',
} as const;

export type ServiceName = keyof typeof SERVICE_VARIABLES;

/** A service's address in the form of its environment variable's value (e.g. `127.0.0.1:19092`, `http://…`). */
export type ServiceAddress = string;
