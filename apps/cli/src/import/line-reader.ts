import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** The lines of a text file, streamed (files larger than memory are fine), with 1-based numbers. */
export async function* readLines(file: string): AsyncGenerator<{ line: number; text: string }> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    yield { line, text };
  }
}
