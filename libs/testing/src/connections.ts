/** Connection details handed to integration tests; the same values the apps read from their environment. */
export interface KafkaConnection {
  /** host:port pairs, as kafkajs takes them */
  brokers: string[];
}

export interface ElasticsearchConnection {
  url: string;
}

export interface OpenSearchConnection {
  url: string;
}

export interface PostgresConnection {
  /** postgres://user:password@host:port/database */
  url: string;
}
