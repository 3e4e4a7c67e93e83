# syntax=docker/dockerfile:1
# One recipe for every Jobcast process; the build target picks the app a container runs:
#   docker build --target predictor -t jobcast-predictor .      (targets: scraper features trainer predictor cli)
# The apps run from their TypeScript sources through @swc-node/register, exactly as `npx jobcast` does locally,
# so there is no separate compile step that could drift from what the tests exercise — except the predictor, whose
# memory budget has no room for the compiler @swc-node/register keeps in the process (stage `compiled` below).

ARG NODE_IMAGE=node:20.20.2-bookworm-slim

# Production dependencies only, installed from the lockfile; the layer is reused until package files change.
FROM ${NODE_IMAGE} AS dependencies
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps/cli/package.json apps/cli/package.json
RUN npm ci --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    SWC_NODE_PROJECT=/app/tsconfig.base.json
WORKDIR /app
COPY --from=dependencies /app/node_modules node_modules
COPY package.json tsconfig.base.json .swcrc ./
COPY libs libs
COPY apps apps
# The model store volume mounts here; owned by the unprivileged user the apps run as.
RUN mkdir -p /var/lib/jobcast/models && chown node:node /var/lib/jobcast/models
USER node

FROM runtime AS scraper
EXPOSE 3001
CMD ["node", "-r", "@swc-node/register", "apps/scraper/src/main.ts"]

FROM runtime AS features
EXPOSE 3003
CMD ["node", "-r", "@swc-node/register", "apps/features/src/main.ts"]

FROM runtime AS trainer
EXPOSE 3002
CMD ["node", "-r", "@swc-node/register", "apps/trainer/src/main.ts"]

# The workspace compiled to JavaScript with @swc-node/register's own swc settings (tools/build/compile-workspace.ts):
# run from source, the predictor also holds the TypeScript compiler @swc-node/register loads to read tsconfig — 226
# instead of 143 MB of RSS with models loaded, 80 MB of its 300 MB budget.
FROM runtime AS compiled
USER root
COPY tools/build tools/build
RUN node -r @swc-node/register tools/build/compile-workspace.ts dist

FROM runtime AS predictor
COPY --from=compiled /app/dist dist
ENV NODE_PATH=/app/node_modules
EXPOSE 3000 50051
# V8 grows the old generation by up to 4× after a full GC, which took two concurrent 10,000-item batches to ~360 MB RSS;
# growing by 2× keeps them at ~240–265 MB (budget 300 MB) at no measurable CPU cost. (--max-old-space-size bounds it
# too, but every limit tried, 200–280 MB, cost 15–40 % of the batch predictions per CPU-second.)
# V8's memory reducer ran a memory-reducing full GC about every 105 s under a steady load; it dropped the optimised
# code of the request path ("weak objects"), which stalled answers for 70–170 ms while it was compiled again.
# The predictor benchmark starts the service as this command does (compiled, these flags), read from here.
CMD ["node", "--heap-growing-percent=100", "--no-memory-reducer", "dist/apps/predictor/src/main.js"]

FROM runtime AS cli
ENTRYPOINT ["node", "apps/cli/bin/jobcast.js"]
CMD ["--help"]
