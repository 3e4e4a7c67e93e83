import { join } from 'node:path';

/** Folder holding the .proto files, for `includeDirs`. */
export const PROTO_ROOT = __dirname;
/** jobcast.v1.Predictor */
export const PREDICTOR_PROTO_PATH = join(__dirname, 'jobcast', 'v1', 'predictor.proto');
export const PREDICTOR_PROTO_PACKAGE = 'jobcast.v1';
export const PREDICTOR_SERVICE_NAME = 'jobcast.v1.Predictor';
