import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { listFiles } from '../training/checksums';
import { assertSafeRunKey, assertSafeSegment, type ModelStore } from './model-store.port';

export interface S3ModelStoreOptions {
  bucket: string;
  /** key prefix inside the bucket, without a trailing slash; may be empty */
  prefix: string;
  /** local folder where `materialize` downloads runs */
  cacheDir: string;
  /** S3-compatible endpoint (MinIO, Ceph, ...); omit for AWS */
  endpoint?: string;
  region: string;
  forcePathStyle: boolean;
}

/** Marker object written last: a run without it is incomplete and treated as absent. */
const COMPLETE_MARKER = '.complete';

type S3Sdk = typeof import('@aws-sdk/client-s3');

/** The model store in an S3-compatible bucket. Locations are `s3://bucket/prefix/family/run`. */
export class S3ModelStore implements ModelStore {
  readonly description: string;
  private connection?: Promise<{ sdk: S3Sdk; client: S3Client }>;

  constructor(private readonly options: S3ModelStoreOptions) {
    this.description = `s3://${options.bucket}/${options.prefix}`;
  }

  /** The AWS SDK (~10 MB of RSS) loads on first use, so processes that never reach S3 do not carry it. */
  private connect(): Promise<{ sdk: S3Sdk; client: S3Client }> {
    const { region, endpoint, forcePathStyle } = this.options;
    this.connection ??= import('@aws-sdk/client-s3').then((sdk) => ({ sdk, client: new sdk.S3Client({ region, endpoint, forcePathStyle }) }));
    return this.connection;
  }

  async putRun(family: string, runKey: string, localDir: string): Promise<string> {
    assertSafeSegment('family', family);
    assertSafeRunKey(runKey);
    const runPrefix = [this.options.prefix, family, runKey].filter(Boolean).join('/');
    const { sdk, client } = await this.connect();
    const existing = await client.send(
      new sdk.ListObjectsV2Command({ Bucket: this.options.bucket, Prefix: `${runPrefix}/`, MaxKeys: 1 }),
    );
    if ((existing.KeyCount ?? 0) > 0) throw new Error(`run ${family}/${runKey} already exists in ${this.description}`);
    for (const file of await listFiles(localDir)) {
      await client.send(
        new sdk.PutObjectCommand({ Bucket: this.options.bucket, Key: `${runPrefix}/${file}`, Body: await readFile(join(localDir, file)) }),
      );
    }
    await client.send(new sdk.PutObjectCommand({ Bucket: this.options.bucket, Key: `${runPrefix}/${COMPLETE_MARKER}`, Body: Buffer.alloc(0) }));
    return `s3://${this.options.bucket}/${runPrefix}`;
  }

  async readArtifact(location: string, relativePath: string): Promise<Buffer> {
    const { bucket, key } = this.parse(location);
    const { sdk, client } = await this.connect();
    const object = await client.send(new sdk.GetObjectCommand({ Bucket: bucket, Key: `${key}/${relativePath}` }));
    if (!object.Body) throw new Error(`${location}/${relativePath} has no body`);
    return Buffer.from(await object.Body.transformToByteArray());
  }

  async materialize(location: string): Promise<string> {
    const { bucket, key } = this.parse(location);
    const target = join(this.options.cacheDir, bucket, key);
    const files: string[] = [];
    const { sdk, client } = await this.connect();
    let token: string | undefined;
    do {
      const page = await client.send(new sdk.ListObjectsV2Command({ Bucket: bucket, Prefix: `${key}/`, ContinuationToken: token }));
      for (const object of page.Contents ?? []) if (object.Key) files.push(object.Key.slice(key.length + 1));
      token = page.NextContinuationToken;
    } while (token);
    if (!files.includes(COMPLETE_MARKER)) throw new Error(`${location} is absent or incomplete`);
    // Download beside the cache entry, then swap it in, so a reader never sees a half-downloaded run.
    const partial = `${target}.partial-${process.pid}`;
    await rm(partial, { recursive: true, force: true });
    for (const file of files.filter((name) => name !== COMPLETE_MARKER)) {
      const path = join(partial, file);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, await this.readArtifact(location, file));
    }
    await rm(target, { recursive: true, force: true });
    await mkdir(dirname(target), { recursive: true });
    await rename(partial, target);
    return target;
  }

  private parse(location: string): { bucket: string; key: string } {
    const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(location);
    if (!match || match[1] !== this.options.bucket) throw new Error(`${location} is not in ${this.description}`);
    return { bucket: match[1], key: match[2] };
  }
}
