import { join } from 'node:path';
import { QUEUED_JOB_STATUS } from '@jobcast/contracts';
import { ModelRegistryRepository } from '@jobcast/db';
import { modelFamilyNames } from '@jobcast/models';
import {
  configurePredictorHttp,
  PredictorGrpcHealth,
  predictorGrpcOptions,
  PredictorMetrics,
  REQUIRED_FAMILIES,
  ServingModels,
} from '@jobcast/predictor';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { RejectsFile } from '../import/rejects-file';
import { runImport } from '../import/import-runner';
import { loadBuiltInHistory } from './built-in-history';
import { EmbeddedModule } from './embedded.module';
import { openEmbeddedAdapters } from './embedded-adapters';
import type { EmbeddedOptions } from './embedded-options';
import { chooseHistory, describeHistory } from './history-choice';
import { ingestHistory } from './ingestion-stage';
import { ProgressDisplay } from './progress-display';
import { championsExist, summarizeRun, trainableFamilies, trainModels } from './training-stage';
import { findExampleJobs, formatExamples } from './usage-examples';

export interface RunningEmbeddedApp {
  readonly httpUrl: string;
  readonly grpcAddress: string;
  /** seconds from the call to the first request it can answer */
  readonly readySeconds: number;
  close(): Promise<void>;
}

/**
 * `npm start`: the whole of Jobcast in one process. Builds the history, runs it through the scraper and features
 * modules into PGlite, trains, loads the champions into the predictor, then serves HTTP and gRPC and prints examples.
 */
export async function startEmbeddedApp(options: EmbeddedOptions, progress = new ProgressDisplay()): Promise<RunningEmbeddedApp> {
  const choice = chooseHistory(options.history, options.jobs, options.seed);
  progress.log(`Jobcast embedded: ${describeHistory(choice)}`);
  const history = await loadBuiltInHistory(choice, progress);
  if (history.search.size > 0) progress.log(`history ready: ${history.search.size.toLocaleString('en-US')} job_status documents indexed in memory`);
  if (history.unindexable.count > 0) progress.log(`${history.unindexable.count} records left out of the index (first: ${history.unindexable.firstReason})`);

  const handlerErrors = new Set<string>();
  const adapters = await openEmbeddedAdapters(options, history.search, (error, { groupId }) => {
    // A batch the predictor cannot predict before its models are trained is redelivered later: say so once.
    const message = `${groupId}: ${error instanceof Error ? error.message : String(error)} (the batch will be delivered again)`;
    if (!handlerErrors.has(message)) progress.log(message);
    handlerErrors.add(message);
  });
  progress.log(`PGlite ready and migrated (${options.dataDir === undefined ? 'in memory' : adapters.dataDir})`);
  let app: NestExpressApplication | null = null;
  try {
    const { jobRuns } = adapters;
    // A persisted --data-dir may hold the history already: only new rows call for training.
    const rowsBefore = await jobRuns.count();
    if (history.directRuns) {
      const rejectsPath = join(adapters.dataDir, 'history.rejects.ndjson');
      const rejects = await RejectsFile.open(rejectsPath);
      const imported = await runImport(history.directRuns, jobRuns, rejects, {
        batchSize: 2_000,
        onProgress: (summary) => progress.update(`importing job runs: ${summary.stored.toLocaleString('en-US')} stored`),
      });
      await rejects.close();
      progress.log(`imported ${imported.stored.toLocaleString('en-US')} job runs${imported.rejected > 0 ? `, ${imported.rejected} rejected (see ${rejectsPath})` : ''}`);
    }

    app = await NestFactory.create<NestExpressApplication>(EmbeddedModule.forRoot(adapters.moduleOptions), {
      bodyParser: false,
      // The start-up reports its own progress and every refusal that matters (families not trained, models
      // unavailable); the modules' warnings about champions that do not exist yet would only confuse a first run.
      logger: ['error'],
    });
    const predictorConfig = adapters.moduleOptions.predictor.config;
    configurePredictorHttp(app, predictorConfig);
    const grpcAddress = `${predictorConfig.HOST}:${predictorConfig.GRPC_PORT}`;
    app.connectMicroservice(predictorGrpcOptions(grpcAddress, app.get(PredictorGrpcHealth), app.get(PredictorMetrics)), { inheritAppConfig: true });
    await app.init();
    progress.log('scraper, features, trainer and predictor modules started');

    const ingested = await ingestHistory(app, adapters.bus, jobRuns, progress);
    const added = ingested.rows - rowsBefore;
    // The scraper reads finished jobs and snapshots queued ones; jobs still running at the history's end have no run
    // yet. Counted, so that the figures the user sees add up.
    const scraping = adapters.moduleOptions.scraper.settings;
    const read = [...scraping.statuses, ...(scraping.queuedSnapshotIntervalMs > 0 ? [QUEUED_JOB_STATUS] : [])];
    const notRead = history.search.size - history.search.countWithStatus(read);
    progress.log(
      `ingested: ${ingested.rows.toLocaleString('en-US')} job runs in PGlite (${added.toLocaleString('en-US')} new` +
        `${ingested.deadLettered > 0 ? `, ${ingested.deadLettered} dead-lettered` : ''})` +
        `${notRead > 0 ? `; ${notRead.toLocaleString('en-US')} not read: jobs still running at the history's end, or in a status the scraper skips` : ''}`,
    );

    const { trainable, skipped } = await trainableFamilies(jobRuns, modelFamilyNames());
    for (const reason of skipped) progress.log(reason);
    if (added === 0 && (await championsExist(new ModelRegistryRepository(adapters.database.db), trainable))) {
      progress.log('nothing new since the last start: serving the champions already in --data-dir');
    } else {
      for (const run of await trainModels(app, trainable, progress)) progress.log(summarizeRun(run));
    }
    const serving = await app.get(ServingModels).loadAll();
    for (const outcome of serving) {
      if (outcome.loaded) continue;
      // an optional family's routes answer without a model (condor-hold: from the posted log alone)
      const optional = !REQUIRED_FAMILIES.includes(outcome.family);
      progress.log(
        optional
          ? `${outcome.family}: no model serving, its routes answer without one (${outcome.reason})`
          : `${outcome.family} predictions unavailable: ${outcome.reason}`,
      );
    }

    await app.startAllMicroservices();
    await app.listen(predictorConfig.PORT, predictorConfig.HOST);
    const httpUrl = `http://${predictorConfig.HOST === '0.0.0.0' ? '127.0.0.1' : predictorConfig.HOST}:${predictorConfig.PORT}`;
    const readySeconds = progress.elapsedSeconds();
    progress.log(`ready in ${readySeconds.toFixed(1)} s: HTTP ${httpUrl}, gRPC ${grpcAddress} (Ctrl-C stops)`);
    const examples = await findExampleJobs(adapters.database.db);
    if (examples) process.stdout.write(`Try:\n${formatExamples(examples, httpUrl, grpcAddress)}\n`);

    const running = app;
    return {
      httpUrl,
      grpcAddress,
      readySeconds,
      close: async () => {
        await running.close();
        await adapters.close();
      },
    };
  } catch (error) {
    await app?.close().catch(() => undefined);
    await adapters.close().catch(() => undefined);
    throw error;
  }
}
