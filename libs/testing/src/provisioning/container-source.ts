import type { GenericContainer, StartedTestContainer } from 'testcontainers';
import { SERVER_IMAGES } from './container-images';
import { ServiceAddress, ServiceName } from './services';

const HEAP = '-Xms512m -Xmx512m';
/** Kafka advertises the address clients must use, so its host port is fixed (and reuse finds the same container). */
const KAFKA_HOST_PORT = Number(process.env.JOBCAST_KAFKA_CONTAINER_PORT ?? 29092);
const STARTUP_TIMEOUT_MS = 5 * 60_000;

type Testcontainers = typeof import('testcontainers');

interface ContainerRecipe {
  build(testcontainers: Testcontainers): GenericContainer;
  address(container: StartedTestContainer): ServiceAddress;
}

const RECIPES: Record<ServiceName, ContainerRecipe> = {
  kafka: {
    build: ({ GenericContainer, Wait }) =>
      new GenericContainer(SERVER_IMAGES.kafka)
        .withExposedPorts({ container: 9092, host: KAFKA_HOST_PORT })
        .withEnvironment({
          KAFKA_NODE_ID: '1',
          KAFKA_PROCESS_ROLES: 'broker,controller',
          KAFKA_LISTENERS: 'PLAINTEXT://:9092,CONTROLLER://:9093',
          KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://localhost:${KAFKA_HOST_PORT}`,
          KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
          KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
          KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
          KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
          KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
          KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
          KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
          KAFKA_HEAP_OPTS: HEAP,
        })
        .withWaitStrategy(Wait.forLogMessage('Kafka Server started')),
    address: () => `localhost:${KAFKA_HOST_PORT}`,
  },
  elasticsearch: {
    build: ({ GenericContainer, Wait }) =>
      new GenericContainer(SERVER_IMAGES.elasticsearch)
        .withExposedPorts(9200)
        .withEnvironment({
          'discovery.type': 'single-node',
          'xpack.security.enabled': 'false',
          ES_JAVA_OPTS: HEAP,
        })
        .withWaitStrategy(Wait.forHttp('/_cluster/health?wait_for_status=yellow', 9200)),
    address: (container) => `http://${container.getHost()}:${container.getMappedPort(9200)}`,
  },
  opensearch: {
    build: ({ GenericContainer, Wait }) =>
      new GenericContainer(SERVER_IMAGES.opensearch)
        .withExposedPorts(9200)
        .withEnvironment({
          'discovery.type': 'single-node',
          DISABLE_SECURITY_PLUGIN: 'true',
          DISABLE_INSTALL_DEMO_CONFIG: 'true',
          OPENSEARCH_JAVA_OPTS: HEAP,
        })
        .withWaitStrategy(Wait.forHttp('/_cluster/health?wait_for_status=yellow', 9200)),
    address: (container) => `http://${container.getHost()}:${container.getMappedPort(9200)}`,
  },
  postgres: {
    build: ({ GenericContainer, Wait }) =>
      new GenericContainer(SERVER_IMAGES.postgres)
        .withExposedPorts(5432)
        .withEnvironment({ POSTGRES_USER: 'jobcast', POSTGRES_PASSWORD: 'jobcast', POSTGRES_DB: 'jobcast' })
        // The entrypoint starts the server twice (init, then for real); the second "ready" is the real one.
        .withWaitStrategy(Wait.forLogMessage(/database system is ready to accept connections/, 2)),
    address: (container) =>
      `postgres://jobcast:jobcast@${container.getHost()}:${container.getMappedPort(5432)}/jobcast`,
  },
};

/**
 * Starts (or, through testcontainers reuse, finds) the service's container. Reuse lets every test file and
 * worker share one container per service instead of starting its own.
 */
export async function addressFromContainer(service: ServiceName): Promise<ServiceAddress> {
  const testcontainers = await import('testcontainers');
  const recipe = RECIPES[service];
  const container = await recipe.build(testcontainers).withStartupTimeout(STARTUP_TIMEOUT_MS).withReuse().start();
  return recipe.address(container);
}
