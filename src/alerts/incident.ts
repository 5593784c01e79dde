import { sha256 } from '../hash.js';

/**
 * The run id of an incident (`alert-<16 hex>`): every job and every repeated
 * dispatch of one incident keeps its receipts under it, and the next incident
 * of the same group gets another. From the group key and the incident's
 * start, as `AlertContext.startsAt` gives it. Apart from the alert parser so
 * that the executor can name its run without loading the parser at start.
 */
export function incidentRunId(groupKey: string, startsAt: string): string {
  return `alert-${incidentDigest(groupKey, startsAt).slice(0, 16)}`;
}

/**
 * The digest both names of an incident come from: the relay's incident id
 * (its first 24 hex characters, `incidentIdOf`) and the run id (its first 16),
 * so the run id of a firing notification is the start of its incident id.
 */
export function incidentDigest(groupKey: string, startsAt: string): string {
  return sha256(`${groupKey}\n${startsAt}`);
}
