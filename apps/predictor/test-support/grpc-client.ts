import { credentials, loadPackageDefinition, type Client, type ServiceError } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { PREDICTOR_PROTO_PATH, PROTO_ROOT } from '@jobcast/contracts';
import { protoPath as healthProtoPath } from 'grpc-health-check';

// arrays: an empty repeated field decodes as [] (as in the JSON answer), not as an absent field.
const LOADER = { includeDirs: [PROTO_ROOT], keepCase: false, longs: Number, enums: String, defaults: false, arrays: true, oneofs: true };

type Unary = (request: unknown, callback: (error: ServiceError | null, response: any) => void) => void;

export interface PredictorGrpcClient {
  client: Client & Record<string, any>;
  health: Client & Record<string, any>;
  call(method: 'predict' | 'predictBatch' | 'queueTime', request: unknown): Promise<any>;
  check(service: string): Promise<string>;
  close(): void;
}

/** A plain grpc-js client of jobcast.v1.Predictor and grpc.health.v1.Health, as any consumer would write it. */
export function predictorGrpcClient(target: string): PredictorGrpcClient {
  const definition = loadPackageDefinition(loadSync(PREDICTOR_PROTO_PATH, LOADER)) as any;
  const healthDefinition = loadPackageDefinition(loadSync(healthProtoPath, LOADER)) as any;
  const client = new definition.jobcast.v1.Predictor(target, credentials.createInsecure());
  const health = new healthDefinition.grpc.health.v1.Health(target, credentials.createInsecure());
  const promisify = (target: any, method: string, request: unknown) =>
    new Promise<any>((resolve, reject) => (target[method] as Unary).call(target, request, (error, response) => (error ? reject(error) : resolve(response))));
  return {
    client,
    health,
    call: (method, request) => promisify(client, method, request),
    check: async (service) => (await promisify(health, 'check', { service })).status,
    close: () => {
      client.close();
      health.close();
    },
  };
}

/**
 * Makes a gRPC answer comparable with its JSON twin: proto3 `optional` fields come with a synthetic oneof marker
 * (`_field`) under `oneofs: true`, and JSON nulls are absent fields in protobuf.
 */
export function comparable(value: unknown, dropNulls = false): unknown {
  if (Array.isArray(value)) return value.map((inner) => comparable(inner, dropNulls));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key, inner]) => !key.startsWith('_') && !(dropNulls && inner === null))
      .map(([key, inner]) => [key, comparable(inner, dropNulls)]),
  );
}
