import { containerEngineUnavailableReason } from './container-engine';
import { addressFromContainer } from './container-source';
import { addressFromEnvironment } from './environment-source';
import { SERVICE_VARIABLES, ServiceAddress, ServiceName } from './services';
import { addressFromStackLauncher } from './stack-source';

const DISPLAY_NAMES: Record<ServiceName, string> = {
  kafka: 'Kafka',
  elasticsearch: 'Elasticsearch',
  opensearch: 'OpenSearch',
  postgres: 'PostgreSQL',
};

const LAUNCHER_NEEDS: Record<ServiceName, string> = {
  kafka: 'Java 17 and Maven',
  elasticsearch: 'Java 17 (JDK) and Maven',
  opensearch: 'Java 17 (JDK) and Maven',
  postgres: 'the PostgreSQL server (apt-get install -y postgresql)',
};

const provisioned = new Map<ServiceName, Promise<ServiceAddress>>();

/**
 * A real server for an integration test, first of: the service's environment variable → a container when an
 * engine answers → the tools/stack launchers. Asked once per test file; throws what to install when all fail.
 */
export function provision(service: ServiceName): Promise<ServiceAddress> {
  let address = provisioned.get(service);
  if (!address) {
    address = firstAvailable(service);
    provisioned.set(service, address);
  }
  return address;
}

async function firstAvailable(service: ServiceName): Promise<ServiceAddress> {
  const variable = SERVICE_VARIABLES[service];
  const fromEnvironment = addressFromEnvironment(service);
  if (fromEnvironment) return fromEnvironment;

  const attempts = [`${variable} is not set`];
  const engineUnavailable = await containerEngineUnavailableReason();
  if (engineUnavailable) {
    attempts.push(`testcontainers: no container engine answers (${engineUnavailable})`);
  } else {
    try {
      return await addressFromContainer(service);
    } catch (error) {
      attempts.push(`testcontainers: ${(error as Error).message}`);
    }
  }
  try {
    return await addressFromStackLauncher(service);
  } catch (error) {
    attempts.push(`tools/stack up ${service}: ${(error as Error).message}`);
  }
  throw new Error(
    [
      `No ${DISPLAY_NAMES[service]} server for the integration tests. Tried, in order:`,
      ...attempts.map((attempt, index) => `  ${index + 1}. ${attempt}`),
      `Fix one of: set ${variable} to a running server; start a container engine (Docker or Podman); ` +
        `or install ${LAUNCHER_NEEDS[service]} so tools/stack can launch one.`,
    ].join('\n'),
  );
}
