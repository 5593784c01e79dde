import { sha256 } from '../hash.js';

/**
 * The run id of an incident (`alert-<16 hex>`): every job and every repeated
 * dispatch of one incident keeps its receipts under it, and the next incident
 * of the same group gets another. From the group key and the incident's
 * start, as `AlertContext.startsAt` gives it. Apart from the alert parser so
 * that the executor can name its run without loading the parser at start.
 */
export function incidentRunId(groupKey: string, startsAt: string): string {
  return `alert-${sha256(`${groupKey}\n${startsAt}`).slice(0, 16)}`;
}
