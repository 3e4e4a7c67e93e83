/** The training window cannot support a run (empty or too small); the run fails with this message. */
export class TrainingDataError extends Error {
  override readonly name = 'TrainingDataError';
}
