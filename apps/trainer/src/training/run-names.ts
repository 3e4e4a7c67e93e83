/** A run name from its start time, e.g. `20261121T234512345Z`: unique, sortable, a safe path segment. */
export function timestampRunName(at: Date = new Date()): string {
  return at.toISOString().replace(/[-:.]/g, '');
}
