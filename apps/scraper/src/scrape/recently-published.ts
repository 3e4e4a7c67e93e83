import type { SearchedDocument } from '../search/search-source.port';

/**
 * Documents published within the overlap window, so re-reading the window (for late-indexed documents) does not
 * publish them again. Keyed by id and `@timestamp`: an overwrite (a new status change) has a new timestamp and is
 * published. Memory holds one entry per document inside the window. Not persisted: after a restart the window is
 * published once more, which the idempotent consumer absorbs.
 */
export class RecentlyPublished {
  /** key → `@timestamp`, in the order published, which is ascending `@timestamp` but for late-indexed stragglers */
  private readonly entries = new Map<string, number>();

  has(document: SearchedDocument): boolean {
    return this.entries.has(keyOf(document));
  }

  remember(documents: readonly SearchedDocument[]): void {
    for (const document of documents) this.entries.set(keyOf(document), document.position.timestampMs);
  }

  /**
   * Forgets documents older than the start of the next overlap window, oldest first, stopping at the first one
   * inside it: cheap enough to call after every page, so a long backfill pass holds only its window. A straggler
   * queued behind a newer entry goes once that entry does.
   */
  forgetBefore(timestampMs: number): void {
    for (const [key, documentTimestamp] of this.entries) {
      if (documentTimestamp >= timestampMs) return;
      this.entries.delete(key);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}

function keyOf(document: SearchedDocument): string {
  return `${document.id}\u0000${document.position.timestampMs}`;
}
