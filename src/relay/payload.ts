import { DISPATCH_SCHEMA, dedupeKeyOf, type Alert, type AlertmanagerWebhook, type DispatchPayload } from '../alerts/alertmanager.js';

/**
 * GitHub rejects a dispatch whose payload reaches 64 KB. The budget covers the
 * whole request body in UTF-8 bytes, with room to spare for GitHub counting
 * differently from us.
 */
export const MAX_DISPATCH_BYTES = 60_000;

/** The body of `POST /repos/{owner}/{repo}/dispatches`. */
export interface DispatchRequest {
  event_type: string;
  client_payload: DispatchPayload;
}

export interface BuiltDispatch {
  body: DispatchRequest;
  /** The body as sent: measured once, never re-serialised. */
  json: string;
  bytes: number;
  /** Some text was shortened or alerts left out to fit. */
  trimmed: boolean;
}

/** How hard one trimming pass shortens text (characters; Infinity keeps it whole). */
interface Limits {
  annotation: number;
  label: number;
  /** Group-level strings: groupKey, externalURL, generatorURL. */
  text: number;
  /** Entries kept per label or annotation map. */
  entries: number;
}

// Each pass is stricter than the one before; alerts are only dropped once the
// last one still does not fit, so a big group loses detail before it loses alerts.
const PASSES: readonly Limits[] = [
  { annotation: Infinity, label: Infinity, text: Infinity, entries: Infinity },
  { annotation: 4096, label: 1024, text: 2048, entries: 256 },
  { annotation: 1024, label: 256, text: 1024, entries: 128 },
  { annotation: 256, label: 128, text: 512, entries: 64 },
  { annotation: 64, label: 64, text: 256, entries: 32 },
];

/** Shortens text to `max` characters without splitting a surrogate pair, saying how much went. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}… [${text.length - end} more characters]`;
}

function clipRecord(record: Record<string, string>, maxValue: number, maxEntries: number): Record<string, string> {
  if (maxValue === Infinity && maxEntries === Infinity) return record;
  const out: Record<string, string> = {};
  let n = 0;
  for (const [k, v] of Object.entries(record)) {
    if (n++ >= maxEntries) break;
    out[clip(k, 128)] = clip(v, maxValue);
  }
  return out;
}

function trimAlert(a: Alert, l: Limits): Alert {
  const out: Alert = {
    status: a.status,
    labels: clipRecord(a.labels, l.label, l.entries),
    annotations: clipRecord(a.annotations, l.annotation, l.entries),
    startsAt: a.startsAt,
    fingerprint: clip(a.fingerprint, l.text === Infinity ? Infinity : 64),
  };
  if (a.endsAt !== undefined) out.endsAt = a.endsAt;
  if (a.generatorURL !== undefined) out.generatorURL = clip(a.generatorURL, l.text);
  return out;
}

/** The labels every one of the alerts carries with the same value. */
export function commonLabelsOf(alerts: readonly Alert[]): Record<string, string> {
  const [first, ...rest] = alerts;
  if (!first) return {};
  const common: Record<string, string> = {};
  for (const [k, v] of Object.entries(first.labels)) if (rest.every((a) => a.labels[k] === v)) common[k] = v;
  return common;
}

export interface AlertSelection {
  /** The alerts the matcher kept, in Alertmanager's order. */
  alerts: Alert[];
  /** firing when any kept alert fires: a group can be firing overall yet resolved for DR. */
  status: 'firing' | 'resolved';
  commonLabels: Record<string, string>;
  dedupeKey: string;
}

/** Applies the matcher to a notification and derives what the dispatch says about the kept alerts. */
export function selectAlerts(webhook: AlertmanagerWebhook, matches: (labels: Record<string, string>) => boolean): AlertSelection {
  const alerts = webhook.alerts.filter((a) => matches(a.labels));
  const all = alerts.length === webhook.alerts.length;
  const status = all ? webhook.status : alerts.some((a) => a.status === 'firing') ? 'firing' : 'resolved';
  return {
    alerts,
    status,
    commonLabels: all ? webhook.commonLabels : commonLabelsOf(alerts),
    dedupeKey: dedupeKeyOf(webhook.groupKey, status, alerts),
  };
}

/**
 * Builds the one documented dispatch (`drloop.alert/v1`, ten top-level keys)
 * and keeps it under GitHub's size limit: text is shortened pass by pass, then
 * alerts are left out (resolved ones first, then the latest) and counted in
 * `droppedAlerts`. Values are copied as data; nothing here interprets them.
 */
export function buildDispatch(webhook: AlertmanagerWebhook, selection: AlertSelection, eventType: string, maxBytes = MAX_DISPATCH_BYTES): BuiltDispatch {
  // Firing alerts first, so that trimming by count drops resolved ones before any firing one.
  const ordered = [...selection.alerts.filter((a) => a.status === 'firing'), ...selection.alerts.filter((a) => a.status !== 'firing')];
  const render = (l: Limits, keep: number): BuiltDispatch => {
    const body: DispatchRequest = {
      event_type: eventType,
      client_payload: {
        schema: DISPATCH_SCHEMA,
        groupKey: clip(webhook.groupKey, l.text),
        status: selection.status,
        dedupeKey: selection.dedupeKey,
        commonLabels: clipRecord(selection.commonLabels, l.label, l.entries),
        truncatedAlerts: webhook.truncatedAlerts,
        externalURL: clip(webhook.externalURL, l.text),
        receiver: clip(webhook.receiver, l.text === Infinity ? Infinity : 256),
        alerts: ordered.slice(0, keep).map((a) => trimAlert(a, l)),
        droppedAlerts: ordered.length - keep,
      },
    };
    const json = JSON.stringify(body);
    return { body, json, bytes: Buffer.byteLength(json), trimmed: l !== PASSES[0] || keep < ordered.length };
  };
  for (const limits of PASSES) {
    const built = render(limits, ordered.length);
    if (built.bytes <= maxBytes) return built;
  }
  // Still too big with the strictest limits: keep the most alerts that fit (binary search).
  const strictest = PASSES[PASSES.length - 1]!;
  let lo = 0;
  let hi = ordered.length - 1;
  let best = render(strictest, 0);
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const built = render(strictest, mid);
    if (built.bytes <= maxBytes) {
      best = built;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return best;
}
