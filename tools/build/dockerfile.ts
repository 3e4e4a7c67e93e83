/** The text of build stage `name` in a Dockerfile: from its `FROM … AS name` line to the next `FROM`. */
export function dockerfileStage(dockerfile: string, name: string): string | undefined {
  return new RegExp(`^FROM \\S+ AS ${name}$([\\s\\S]*?)(?=^FROM |(?![\\s\\S]))`, 'm').exec(dockerfile)?.[1];
}

/** The exec-form `CMD [...]` of build stage `name`, as its arguments. */
export function stageCommand(dockerfile: string, name: string): string[] {
  const command = /^CMD (\[.*\])$/m.exec(dockerfileStage(dockerfile, name) ?? '')?.[1];
  if (command === undefined) throw new Error(`no CMD [...] in the Dockerfile's ${name} stage`);
  return JSON.parse(command) as string[];
}
