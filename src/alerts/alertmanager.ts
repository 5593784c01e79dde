import { constants } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import * as z from 'zod/mini';
import { ConfigurationError } from '../errors.js';
import { parseJsonText, validateWith } from '../files.js';
import { sha256 } from '../hash.js';
import { incidentDigest } from './incident.js';

/** A firing alert's `endsAt` as Alertmanager sends it. */
export const ZERO_TIME = '0001-01-01T00:00:00Z';

const labels = z.record(z.string(), z.string());
const time = z.string().check(z.refine((s) => !Number.isNaN(Date.parse(s)), 'expected an RFC3339 timestamp'));

export const alertSchema = z.looseObject({
  status: z.enum(['firing', 'resolved']),
  labels,
  annotations: z._default(labels, {}),
  startsAt: time,
  endsAt: z.optional(time),
  generatorURL: z.optional(z.string()),
  fingerprint: z.string().check(z.minLength(1)),
});
export type Alert = z.output<typeof alertSchema>;

/** Alertmanager's webhook body, version 4 (the only version it has ever sent). */
export const webhookSchema = z.looseObject({
  version: z.literal('4', { error: (i) => `unsupported Alertmanager webhook version ${JSON.stringify(i.input)} (expected "4")` }),
  groupKey: z.string(),
  truncatedAlerts: z._default(z.number().check(z.int(), z.gte(0)), 0),
  status: z.enum(['firing', 'resolved']),
  receiver: z.string(),
  groupLabels: labels,
  commonLabels: labels,
  commonAnnotations: labels,
  externalURL: z.string(),
  alerts: z.array(alertSchema),
});
export type AlertmanagerWebhook = z.output<typeof webhookSchema>;

export const DISPATCH_SCHEMA = 'drloop.alert/v1';

/**
 * Alertmanager's templated webhook `payload` (≥ 0.32) renders every value as
 * text, so a map or list may arrive as its JSON text (`{{ .Alerts | toJson }}`)
 * and a count as digits; both read as the value they spell.
 */
const fromJsonText = (v: unknown): unknown => {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
};
const fromDigits = (v: unknown): unknown => (typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : v);

/**
 * The `client_payload` of a `dr-alert` repository_dispatch: one documented
 * shape, from `drloop relay` and from the Alertmanager ≥ 0.32 template alike.
 * Ten top-level keys at most (GitHub's limit), under 64 KB.
 */
export const dispatchPayloadSchema = z.looseObject({
  schema: z.literal(DISPATCH_SCHEMA),
  groupKey: z.string(),
  status: z.enum(['firing', 'resolved']),
  dedupeKey: z.string(),
  commonLabels: z.pipe(z.transform(fromJsonText), labels),
  truncatedAlerts: z._default(z.pipe(z.transform(fromDigits), z.number().check(z.int(), z.gte(0))), 0),
  externalURL: z._default(z.string(), ''),
  receiver: z._default(z.string(), ''),
  alerts: z.pipe(z.transform(fromJsonText), z.array(alertSchema)),
  /** Alerts left out to keep the payload under GitHub's size limit. */
  droppedAlerts: z._default(z.pipe(z.transform(fromDigits), z.number().check(z.int(), z.gte(0))), 0),
});
export type DispatchPayload = z.output<typeof dispatchPayloadSchema>;

/** What drloop needs to know about an alert group, whichever shape it came in. */
export interface AlertContext {
  source: 'alertmanager' | 'dispatch';
  status: 'firing' | 'resolved';
  groupKey: string;
  /** Stable for the same group, status and set of alerts: repeats share it. */
  dedupeKey: string;
  /** The alert name: the group's common `alertname`, else the first alert's. */
  name: string;
  /** The single firing alert's fingerprint, or a digest of all of them. */
  fingerprint: string;
  /** The earliest `startsAt` of the firing alerts: when the incident began. */
  startsAt: string | null;
  alerts: Alert[];
  commonLabels: Record<string, string>;
  externalURL: string;
}

type AlertIdentity = { fingerprint: string; status: string; startsAt: string };

/**
 * The incident an alert group's notification belongs to: a digest (24 hex
 * characters) of the group key and the earliest `startsAt` of its firing
 * alerts (of all its alerts when none fires). An alert joining a firing group
 * keeps the incident; the group firing again after it resolved starts a new one.
 */
export function incidentIdOf(groupKey: string, alerts: readonly AlertIdentity[]): string {
  const firing = alerts.filter((a) => a.status === 'firing');
  const starts = (firing.length > 0 ? firing : alerts).map((a) => Date.parse(a.startsAt)).filter((t) => Number.isFinite(t) && t > 0);
  const began = starts.length > 0 ? new Date(Math.min(...starts)).toISOString() : '';
  return incidentDigest(groupKey, began).slice(0, 24);
}

/**
 * The dedupe key, 48 hex characters: the incident id, then a digest of the
 * group, status and set of alert fingerprints and states. Repeats share it; an
 * alert joining, leaving or resolving changes its second half, a new incident
 * its first.
 */
export function dedupeKeyOf(groupKey: string, status: string, alerts: readonly AlertIdentity[]): string {
  const fps = alerts.map((a) => `${a.fingerprint}:${a.status}`).sort();
  return `${incidentIdOf(groupKey, alerts)}${sha256(`${groupKey}\n${status}\n${fps.join(',')}`).slice(0, 24)}`;
}

function contextOf(
  source: AlertContext['source'],
  p: { status: 'firing' | 'resolved'; groupKey: string; commonLabels: Record<string, string>; externalURL: string; alerts: Alert[] },
  dedupeKey?: string,
): AlertContext {
  const firing = p.alerts.filter((a) => a.status === 'firing');
  const starts = firing.map((a) => Date.parse(a.startsAt)).filter((t) => Number.isFinite(t) && t > 0);
  const fps = (firing.length > 0 ? firing : p.alerts).map((a) => a.fingerprint).sort();
  return {
    source,
    status: p.status,
    groupKey: p.groupKey,
    dedupeKey: dedupeKey ?? dedupeKeyOf(p.groupKey, p.status, p.alerts),
    name: p.commonLabels.alertname ?? p.alerts[0]?.labels.alertname ?? '',
    fingerprint: fps.length === 1 ? fps[0]! : fps.length === 0 ? '' : sha256(fps.join(',')).slice(0, 16),
    startsAt: starts.length > 0 ? new Date(Math.min(...starts)).toISOString() : null,
    alerts: p.alerts,
    commonLabels: p.commonLabels,
    externalURL: p.externalURL,
  };
}

/** Reads an alert from parsed JSON: an Alertmanager webhook body or a drloop dispatch payload. */
export function alertFromJson(data: unknown, where: string): AlertContext {
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    const obj = data as Record<string, unknown>;
    // A repository_dispatch event as GitHub stores it: the payload is under client_payload.
    if (obj.client_payload && typeof obj.client_payload === 'object') return alertFromJson(obj.client_payload, `${where} (client_payload)`);
    if (obj.schema === DISPATCH_SCHEMA) {
      const p = validateWith(dispatchPayloadSchema, obj, where);
      return contextOf('dispatch', p, p.dedupeKey);
    }
    if ('version' in obj || 'alerts' in obj) return contextOf('alertmanager', validateWith(webhookSchema, obj, where));
  }
  throw new ConfigurationError(`${where}: not an alert: expected an Alertmanager webhook body (version "4") or a drloop dispatch payload (schema "${DISPATCH_SCHEMA}")`);
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** Alert payloads larger than this are refused (GitHub caps a dispatch payload at 64 KB). */
export const MAX_ALERT_FILE_BYTES = 16 * 1024 * 1024;

/**
 * Reads the file named by input `alert`, confined to the workspace as `paths`
 * and cost artefacts are: a path that leaves it (`../`, an absolute path
 * elsewhere, a symlink or a hard link to a file outside) is a
 * ConfigurationError. Returns the text and the real path.
 */
export async function readAlertFile(input: string, workspace: string, label = "input 'alert':"): Promise<{ text: string; path: string }> {
  const root = await realpath(resolve(workspace)).catch(() => resolve(workspace));
  const abs = resolve(workspace, input);
  let real: string;
  try {
    real = await realpath(abs);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ConfigurationError(`${label} ${input}: ${code === 'ENOENT' ? 'file not found' : `cannot be read (${code ?? String(err)})`}`);
  }
  if (!isInside(root, real)) {
    throw new ConfigurationError(`${label} ${input}: outside the workspace (${root}); pass the payload inline, or a file inside the workspace`);
  }
  const handle = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK).catch((err: NodeJS.ErrnoException) => {
    throw new ConfigurationError(`${label} ${input}: cannot be read (${err.code ?? String(err)})`);
  });
  try {
    const st = await handle.stat();
    if (!st.isFile()) throw new ConfigurationError(`${label} ${input}: ${st.isDirectory() ? 'is a directory, expected a file' : 'not a regular file'}`);
    if (st.nlink > 1) {
      throw new ConfigurationError(`${label} ${input}: refused, it has ${st.nlink} hard links and one may be a file outside the workspace; pass a copy`);
    }
    if (st.size > MAX_ALERT_FILE_BYTES) throw new ConfigurationError(`${label} ${input}: larger than ${MAX_ALERT_FILE_BYTES} bytes, not an alert payload`);
    return { text: await handle.readFile('utf8'), path: real };
  } finally {
    await handle.close();
  }
}

/**
 * Loads input `alert`: inline JSON when it starts with `{`, otherwise a file
 * path inside the workspace. Malformed input is a ConfigurationError.
 */
export async function loadAlert(input: string, workspace: string): Promise<{ alert: AlertContext; text: string; path: string | null }> {
  const trimmed = input.trim();
  if (trimmed.startsWith('{')) {
    return { alert: alertFromJson(parseJsonText(trimmed, "input 'alert'"), "input 'alert'"), text: trimmed, path: null };
  }
  const { text, path } = await readAlertFile(trimmed, workspace, 'alert');
  return { alert: alertFromJson(parseJsonText(text, trimmed), trimmed), text, path };
}
