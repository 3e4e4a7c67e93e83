import { parseDatabaseUrl } from './database-url';

describe('parseDatabaseUrl', () => {
  it.each([
    ['postgres://u:p@localhost:5432/jobcast', { engine: 'postgres', connectionString: 'postgres://u:p@localhost:5432/jobcast' }],
    ['postgresql://localhost/jobcast', { engine: 'postgres', connectionString: 'postgresql://localhost/jobcast' }],
    ['pglite://memory', { engine: 'pglite', dataDir: undefined }],
    ['pglite://.jobcast/db', { engine: 'pglite', dataDir: '.jobcast/db' }],
    ['pglite:///var/lib/jobcast', { engine: 'pglite', dataDir: '/var/lib/jobcast' }],
  ])('reads %s', (url, location) => {
    expect(parseDatabaseUrl(url)).toEqual(location);
  });

  it('names the bad url without its password', () => {
    expect(() => parseDatabaseUrl('mysql://root:secret@db/x')).toThrow('database url "mysql://root:***@db/x"');
  });

  it('refuses a PGlite url without a folder', () => {
    expect(() => parseDatabaseUrl('pglite://')).toThrow('names no PGlite folder');
  });
});
