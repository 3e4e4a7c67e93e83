/** Another run holds the training lock; `runningRunId` is the run in progress (null if it could not be seen yet). */
export class TrainingBusyError extends Error {
  override readonly name = 'TrainingBusyError';
  constructor(readonly runningRunId: string | null) {
    super(`a training run is already in progress${runningRunId ? ` (${runningRunId})` : ''}`);
  }
}

export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

/** A model's artifacts no longer match the checksums recorded in its run.json. */
export class CorruptArtifactsError extends Error {
  override readonly name = 'CorruptArtifactsError';
  constructor(
    readonly modelId: string,
    readonly problems: string[],
  ) {
    super(`model ${modelId} has corrupt artifacts: ${problems.join('; ')}`);
  }
}
