import type { AlertContext } from '../alerts/alertmanager.js';
import { incidentRunId } from '../alerts/incident.js';
import { ConfigurationError } from '../errors.js';
import { sha256 } from '../hash.js';

/**
 * An incident is an alert group and the moment it began: the earliest
 * `startsAt` of its firing alerts. An alert that joins the group later has a
 * later `startsAt`, so it stays the same incident; once the group resolves,
 * the next firing starts at a new time and is a new incident.
 */
export interface Incident {
  /** `alert-<16 hex>`, also the run id the incident's receipts live under. */
  id: string;
  groupKey: string;
  startsAt: string;
}

/**
 * The incident an alert belongs to. Derived here from the group key and
 * start, whatever incident id a payload may carry, so a relay of another
 * version cannot split or merge incidents. A resolved group or one without a
 * firing alert is no incident.
 */
export function incidentOf(alert: AlertContext): Incident {
  if (alert.status !== 'firing') throw new ConfigurationError(`alert group ${JSON.stringify(alert.groupKey)} is ${alert.status}: a resolved group starts no DR execution`);
  if (!alert.startsAt) throw new ConfigurationError(`alert group ${JSON.stringify(alert.groupKey)} has no firing alert with a startsAt: it names no incident`);
  return { id: incidentRunId(alert.groupKey, alert.startsAt), groupKey: alert.groupKey, startsAt: alert.startsAt };
}

/** A short, ref-safe key for a plan path, so two plans run from one workflow keep apart. */
export function planKeyOf(planPath: string): string {
  const normal = planPath.replace(/\\/g, '/').replace(/^\.\//, '');
  return `plan-${sha256(normal).slice(0, 12)}`;
}
