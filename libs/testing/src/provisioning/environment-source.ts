import { SERVICE_VARIABLES, ServiceAddress, ServiceName } from './services';

/** Which URL schemes each URL-shaped variable accepts. */
const URL_PROTOCOLS: Partial<Record<ServiceName, string[]>> = {
  elasticsearch: ['http:', 'https:'],
  opensearch: ['http:', 'https:'],
  postgres: ['postgres:', 'postgresql:'],
};

const HOST_PORT = /^[^\s:,]+:\d{1,5}$/;

/**
 * The address from the service's environment variable, or undefined when it is unset.
 * A set but malformed value is an error naming the variable: silently falling through to another server
 * would run the tests against something the developer did not ask for.
 */
export function addressFromEnvironment(
  service: ServiceName,
  environment: NodeJS.ProcessEnv = process.env,
): ServiceAddress | undefined {
  const variable = SERVICE_VARIABLES[service];
  const value = environment[variable]?.trim();
  if (!value) return undefined;
  if (service === 'kafka') {
    const brokers = value.split(',').map((broker) => broker.trim());
    if (!brokers.every((broker) => HOST_PORT.test(broker))) {
      throw new Error(`${variable}="${value}" is not a comma-separated list of host:port`);
    }
    return brokers.join(',');
  }
  const protocols = URL_PROTOCOLS[service] ?? [];
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${variable}="${value}" is not a URL`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new Error(`${variable}="${value}" must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  }
  return value;
}
