import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { KafkaEnvSchema } from '@jobcast/messaging';
import { SERVER_IMAGES } from '@jobcast/testing';
import { parse } from 'yaml';
import { z } from 'zod';

// There is no container engine on the machines that run CI, so docker-compose.yml cannot be started there.
// This test checks instead what would break it: images, Dockerfile targets, dependencies, ports, host names,
// and — through each app's exported env schema — that every variable an app needs is set and valid.

const ROOT = path.resolve(__dirname, '..');

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string; target: string };
  profiles?: string[];
  environment?: Record<string, string>;
  expose?: string[];
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}

const compose = parse(readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, ComposeService>;
};
const services = Object.entries(compose.services);
const appServices = services.filter(([, service]) => service.build);
const dockerfile = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');

/** The apps whose standalone services read an env schema exported from apps/<app>/src/config.ts. */
const SERVICE_APPS = ['scraper', 'features', 'trainer', 'predictor'];

function isPinned(image: string): boolean {
  const tag = /:([^/:@]+)$/.exec(image)?.[1];
  return tag !== undefined && tag !== 'latest';
}

/** `host:port` of a URL (`http://trainer:3002`) or of a broker list entry (`kafka:9092`). */
function hostAndPort(address: string): { host: string; port: string } {
  const url = new URL(/^[a-z]+:\/\//.test(address) ? address : `tcp://${address}`);
  return { host: url.hostname, port: url.port };
}

/** Variables whose values name another compose service. */
function serviceAddresses(environment: Record<string, string>): Array<{ variable: string; address: string }> {
  return Object.entries(environment).flatMap(([variable, value]) => {
    if (variable === 'KAFKA_BROKERS') return value.split(',').map((address) => ({ variable, address }));
    return /^[a-z]+:\/\//.test(value) ? [{ variable, address: value }] : [];
  });
}

/** Exported zod object schemas named `*EnvSchema` in an app's config module, plus Kafka's when the app uses it. */
async function envSchemasOf(app: string): Promise<Array<{ name: string; schema: z.ZodObject }>> {
  const configModule = (await import(path.join(ROOT, 'apps', app, 'src', 'config.ts'))) as Record<string, unknown>;
  const schemas = Object.entries(configModule)
    .filter(([name, value]) => name.endsWith('EnvSchema') && value instanceof z.ZodObject)
    .map(([name, schema]) => ({ name, schema: schema as z.ZodObject }));
  if (appSourceMentions(app, 'kafkaConfigFromEnv')) schemas.push({ name: 'KafkaEnvSchema', schema: KafkaEnvSchema });
  return schemas;
}

function appSourceMentions(app: string, text: string): boolean {
  const files = readdirSync(path.join(ROOT, 'apps', app, 'src'), { recursive: true, encoding: 'utf8' }).filter(
    (file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'),
  );
  return files.some((file) => readFileSync(path.join(ROOT, 'apps', app, 'src', file), 'utf8').includes(text));
}

describe('docker-compose.yml', () => {
  it('runs only pinned images', () => {
    const unpinned = services.filter(([, service]) => service.image && !isPinned(service.image));
    expect(unpinned.map(([name, service]) => `${name}: ${service.image}`)).toEqual([]);
  });

  it('runs the same server images as the test harness', () => {
    for (const [server, image] of Object.entries(SERVER_IMAGES)) {
      expect({ server, image: compose.services[server]?.image }).toEqual({ server, image });
    }
  });

  it('builds every app from a target of the one Dockerfile, on a pinned base image', () => {
    const stages = [...dockerfile.matchAll(/^FROM\s+\S+\s+AS\s+(\S+)$/gim)].map((match) => match[1]);
    for (const [name, service] of appServices) {
      expect({ name, dockerfile: service.build?.dockerfile, target: stages.includes(service.build?.target ?? '') }).toEqual({
        name,
        dockerfile: 'Dockerfile',
        target: true,
      });
    }
    const baseImage = /^ARG NODE_IMAGE=(\S+)$/m.exec(dockerfile)?.[1] ?? '';
    expect(isPinned(baseImage)).toBe(true);
    const externalBases = [...dockerfile.matchAll(/^FROM\s+(\S+)/gim)]
      .map((match) => match[1])
      .filter((base) => base !== '${NODE_IMAGE}' && !stages.includes(base));
    expect(externalBases).toEqual([]);
  });

  it('has every app service of the architecture', () => {
    const targets = appServices.map(([, service]) => service.build?.target);
    expect(new Set(targets)).toEqual(new Set([...SERVICE_APPS, 'cli']));
  });

  it('waits only on services that exist, have a health check when asked to be healthy, and share a profile', () => {
    const problems = services.flatMap(([name, service]) =>
      Object.entries(service.depends_on ?? {}).flatMap(([dependency, { condition }]) => {
        const target = compose.services[dependency];
        if (!target) return [`${name} depends on missing ${dependency}`];
        const issues: string[] = [];
        if (condition === 'service_healthy' && !target.healthcheck) issues.push(`${name}: ${dependency} has no healthcheck`);
        const dependencyProfiles = target.profiles ?? [];
        if (dependencyProfiles.length && !dependencyProfiles.some((profile) => service.profiles?.includes(profile))) {
          issues.push(`${name} depends on ${dependency}, which only runs under profiles ${dependencyProfiles.join(', ')}`);
        }
        return issues;
      }),
    );
    expect(problems).toEqual([]);
  });

  it('points every app address at a service and a port that service exposes', () => {
    const problems = appServices.flatMap(([name, service]) =>
      serviceAddresses(service.environment ?? {}).flatMap(({ variable, address }) => {
        const { host, port } = hostAndPort(address);
        const target = compose.services[host];
        if (!target) return [`${name}.${variable}: no service named ${host}`];
        return target.expose?.includes(port) ? [] : [`${name}.${variable}: ${host} does not expose ${port}`];
      }),
    );
    expect(problems).toEqual([]);
  });

  it('gives the apps the broker address Kafka advertises and the credentials PostgreSQL is created with', () => {
    const advertised = compose.services.kafka.environment?.KAFKA_ADVERTISED_LISTENERS ?? '';
    const postgres = compose.services.postgres.environment ?? {};
    for (const [name, service] of appServices) {
      const { KAFKA_BROKERS, DATABASE_URL } = service.environment ?? {};
      for (const broker of KAFKA_BROKERS?.split(',') ?? []) {
        expect({ name, broker, advertised: advertised.includes(`//${broker}`) }).toEqual({ name, broker, advertised: true });
      }
      if (DATABASE_URL) {
        const url = new URL(DATABASE_URL);
        expect({ name, user: url.username, password: url.password, database: url.pathname.slice(1) }).toEqual({
          name,
          user: postgres.POSTGRES_USER,
          password: postgres.POSTGRES_PASSWORD,
          database: postgres.POSTGRES_DB,
        });
      }
    }
  });

  it('exposes the port each app listens on and health-checks that port', () => {
    for (const [name, service] of appServices.filter(([, service]) => service.healthcheck)) {
      const listening = Object.entries(service.environment ?? {})
        .filter(([variable]) => variable.endsWith('PORT'))
        .map(([, value]) => value);
      const checkedPort = /127\.0\.0\.1:(\d+)/.exec(service.healthcheck?.test.join(' ') ?? '')?.[1];
      expect({ name, exposed: listening.every((port) => service.expose?.includes(port)), checkedPort: listening.includes(checkedPort ?? '') }).toEqual({
        name,
        exposed: true,
        checkedPort: true,
      });
    }
  });

  it('publishes each host port once', () => {
    const hostPorts = services.flatMap(([, service]) => (service.ports ?? []).map((mapping) => mapping.split(':')[0]));
    expect(hostPorts.length).toBe(new Set(hostPorts).size);
  });

  describe.each(SERVICE_APPS)('the %s app', (app) => {
    const appServicesOfApp = appServices.filter(([, service]) => service.build?.target === app);
    let schemas: Array<{ name: string; schema: z.ZodObject }>;

    beforeAll(async () => {
      schemas = await envSchemasOf(app);
    });

    it('exports its env schema from apps/<app>/src/config.ts', () => {
      expect(schemas.filter(({ name }) => name !== 'KafkaEnvSchema').length).toBeGreaterThan(0);
    });

    it.each(appServicesOfApp.map(([name]) => name))('service %s sets every variable it needs, validly', (name) => {
      const environment = compose.services[name].environment ?? {};
      const problems = schemas.flatMap(({ name: schemaName, schema }) => {
        const result = schema.safeParse(environment);
        return result.success
          ? []
          : result.error.issues.map((issue) => `${schemaName} ${issue.path.join('.')}: ${issue.message}`);
      });
      expect(problems).toEqual([]);
    });

    it.each(appServicesOfApp.map(([name]) => name))('service %s sets no variable the app does not read', (name) => {
      const read = new Set(schemas.flatMap(({ schema }) => Object.keys(schema.shape)));
      const unread = Object.keys(compose.services[name].environment ?? {}).filter((variable) => !read.has(variable));
      expect(unread).toEqual([]);
    });
  });
});
