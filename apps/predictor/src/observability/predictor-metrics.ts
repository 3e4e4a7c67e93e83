import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Latency buckets in seconds, dense below 5 ms where the service is expected to answer. */
const LATENCY_BUCKETS = [0.0005, 0.001, 0.002, 0.003, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5];

/** The predictor's Prometheus metrics, in a registry of its own so an embedded host can run several services. */
export class PredictorMetrics {
  readonly registry = new Registry();

  readonly httpRequests = new Counter({
    name: 'predictor_http_requests_total',
    help: 'HTTP requests by route, method and status code',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [this.registry],
  });

  readonly httpLatency = new Histogram({
    name: 'predictor_http_request_duration_seconds',
    help: 'HTTP request latency by route',
    labelNames: ['route', 'method'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly grpcRequests = new Counter({
    name: 'predictor_grpc_requests_total',
    help: 'gRPC calls by method (package.Service/Method) and status code sent',
    labelNames: ['method', 'code'] as const,
    registers: [this.registry],
  });

  readonly grpcLatency = new Histogram({
    name: 'predictor_grpc_request_duration_seconds',
    help: 'gRPC call latency by method',
    labelNames: ['method'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly predictions = new Counter({
    name: 'predictor_predictions_total',
    help: 'Predictions answered, by interface',
    labelNames: ['interface'] as const,
    registers: [this.registry],
  });

  readonly queuedMessages = new Counter({
    name: 'predictor_job_status_messages_total',
    help: 'job-status messages consumed, by outcome (predicted, left-queue, undecodable, invalid)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly modelLoads = new Counter({
    name: 'predictor_model_loads_total',
    help: 'Model loads by family and outcome (loaded, refused)',
    labelNames: ['family', 'outcome'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'predictor_' });
  }
}
