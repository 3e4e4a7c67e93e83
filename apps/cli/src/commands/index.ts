import type { Command } from 'commander';

/** One entry per subcommand file; each adds itself to the program. */
export const commands: Array<(program: Command) => void> = [];
