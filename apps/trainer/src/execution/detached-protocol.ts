import type { RunEvent } from './run-job';

/**
 * A detached run talks to its launcher through stdout: structured events on `###EVENT###<json>` lines, log lines
 * (with the `###METRIC###` lines an outside scheduler scrapes) as plain text.
 */
const EVENT_PREFIX = '###EVENT###';

export function formatEventLine(event: RunEvent): string {
  return `${EVENT_PREFIX}${JSON.stringify(event)}`;
}

export function parseEventLine(line: string): RunEvent | null {
  return line.startsWith(EVENT_PREFIX) ? (JSON.parse(line.slice(EVENT_PREFIX.length)) as RunEvent) : null;
}
