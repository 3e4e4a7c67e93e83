export * from './connections';
export { getKafka, getElasticsearch, getOpenSearch, getPostgres } from './services';
export { uniqueName } from './unique-name';
export { freePort } from './free-port';
export { createTestSchema, type TestSchema } from './test-schema';
export { SERVER_IMAGES } from './provisioning/container-images';
