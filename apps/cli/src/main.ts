import 'reflect-metadata';
import { buildProgram } from './program';

buildProgram()
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    // A CLI error is a message for a person, not a stack trace.
    console.error(`jobcast: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
