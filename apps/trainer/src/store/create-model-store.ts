import { join } from 'node:path';
import { FolderModelStore, type ModelStore, S3ModelStore } from '@jobcast/models';
import type { TrainerConfig } from '../config';

/** MODEL_STORE_URL decides: `s3://bucket/prefix` → S3-compatible storage, anything else → a folder. */
export function createModelStore(config: TrainerConfig): ModelStore {
  const s3 = /^s3:\/\/([^/]+)\/?(.*)$/.exec(config.MODEL_STORE_URL);
  if (!s3) return new FolderModelStore(config.MODEL_STORE_URL);
  return new S3ModelStore({
    bucket: s3[1],
    prefix: s3[2].replace(/\/+$/, ''),
    cacheDir: join(config.TRAINER_WORK_DIR, 's3-cache'),
    endpoint: config.MODEL_STORE_S3_ENDPOINT,
    region: config.MODEL_STORE_S3_REGION,
    forcePathStyle: config.MODEL_STORE_S3_PATH_STYLE,
  });
}
