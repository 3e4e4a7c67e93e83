import type { Kysely } from 'kysely';
import type { ScrapeCursor, ScrapeCursorStore } from './scrape-cursor.port';

/** Row of `scrape_cursors` (migration 2026_11_21_010_scrape_cursors in libs/db). */
export type ScrapeCursorTables = {
  scrape_cursors: {
    name: string;
    timestamp_ms: number;
    tiebreaker: string;
    documents_published: number;
    updated_at: string;
  };
};

export class KyselyScrapeCursorStore implements ScrapeCursorStore {
  private readonly db: Kysely<ScrapeCursorTables>;

  /** Takes any Kysely handle of a database migrated with `scrape_cursors` (e.g. `@jobcast/db`'s `Kysely<Database>`). */
  constructor(db: Kysely<any>) {
    this.db = db;
  }

  async load(name: string): Promise<ScrapeCursor | null> {
    const row = await this.db.selectFrom('scrape_cursors').selectAll().where('name', '=', name).executeTakeFirst();
    if (!row) return null;
    return {
      name: row.name,
      position: { timestampMs: Number(row.timestamp_ms), tiebreaker: row.tiebreaker },
      documentsPublished: Number(row.documents_published),
    };
  }

  async save(cursor: ScrapeCursor): Promise<void> {
    const values = {
      timestamp_ms: cursor.position.timestampMs,
      tiebreaker: cursor.position.tiebreaker,
      documents_published: cursor.documentsPublished,
      updated_at: new Date().toISOString(),
    };
    await this.db
      .insertInto('scrape_cursors')
      .values({ name: cursor.name, ...values })
      .onConflict((conflict) => conflict.column('name').doUpdateSet(values))
      .execute();
  }
}
