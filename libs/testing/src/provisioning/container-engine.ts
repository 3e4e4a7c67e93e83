let engineProbe: Promise<string | undefined> | undefined;

/**
 * Whether a container engine really answers (a ping through testcontainers' own runtime strategies).
 * A `docker` binary without a daemon is not an engine. Resolves to undefined when one answers, otherwise to the
 * reason it does not; asked once per test file.
 */
export function containerEngineUnavailableReason(): Promise<string | undefined> {
  engineProbe ??= import('testcontainers')
    .then(({ getContainerRuntimeClient }) => getContainerRuntimeClient())
    .then(
      () => undefined,
      (error: Error) => error.message,
    );
  return engineProbe;
}
