// kysely 0.29 publishes its migrator only under the `kysely/migration` export; the workspace's `node`
// module resolution ignores package exports, so point the type checker at the file the export names.
declare module 'kysely/migration' {
  export * from 'kysely/dist/migration/index';
}
