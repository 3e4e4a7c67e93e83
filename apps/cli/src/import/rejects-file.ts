import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';

/**
 * `<input>.rejects.ndjson`: one JSON line per record that was not stored, with its line, the reason and the record.
 * The file is created on the first reject only; a rejects file left by an earlier run of the same input is removed
 * at start so it never describes the wrong run.
 */
export class RejectsFile {
  private stream: WriteStream | undefined;
  count = 0;

  private constructor(readonly path: string) {}

  static async open(path: string): Promise<RejectsFile> {
    await rm(path, { force: true });
    return new RejectsFile(path);
  }

  async write(reject: { line: number | null; reason: string; record: unknown }): Promise<void> {
    this.stream ??= createWriteStream(this.path, { flags: 'a' });
    this.count++;
    if (!this.stream.write(`${JSON.stringify(reject)}\n`)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    if (!this.stream) return;
    const stream = this.stream;
    await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
  }
}
