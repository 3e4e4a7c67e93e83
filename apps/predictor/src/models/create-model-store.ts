import { join } from 'node:path';
import { FolderModelStore, S3ModelStore, type ModelStore } from '@jobcast/models';
import type { PredictorConfig } from '../config';

/** MODEL_STORE_URL as the trainer reads it: `s3://bucket/prefix` → S3-compatible storage, anything else → a folder. */
export function createModelStore(url: string, config: PredictorConfig): ModelStore {
  const s3 = /^s3:\/\/([^/]+)\/?(.*)$/.exec(url);
  if (!s3) return new FolderModelStore(url);
  return new S3ModelStore({
    bucket: s3[1],
    prefix: s3[2].replace(/\/+$/, ''),
    cacheDir: join(config.PREDICTOR_CACHE_DIR, 's3-cache'),
    endpoint: config.MODEL_STORE_S3_ENDPOINT,
    region: config.MODEL_STORE_S3_REGION,
    forcePathStyle: config.MODEL_STORE_S3_PATH_STYLE,
  });
}
