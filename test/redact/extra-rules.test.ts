/**
 * A user's extra patterns (collect-evidence's `redact` input) apply beside the
 * built-in rules, call after call: the rules are compiled once per list of
 * extra rules, and every string of the manifest's metadata gets both.
 */
import { describe, expect, test } from '@jest/globals';
import { redactDeep } from '../../src/evidence/manifest.js';
import { compileExtraRules, redact } from '../../src/redact.js';

const TOKEN = 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';

describe('extra redaction rules', () => {
  test('apply with the built-in rules on every call with the same list, and only where given', () => {
    const extra = compileExtraRules(['TICKET-\\d+']);
    const text = `token ${TOKEN} for TICKET-42`;
    const first = redact(text, extra);
    const second = redact(`again TICKET-7 and ${TOKEN}`, extra);
    expect(first).toEqual({ text: 'token [REDACTED:github-token] for [REDACTED:custom-1]', counts: { 'github-token': 1, 'custom-1': 1 }, total: 2 });
    expect(second).toEqual({ text: 'again [REDACTED:custom-1] and [REDACTED:github-token]', counts: { 'custom-1': 1, 'github-token': 1 }, total: 2 });
    // Without the list, only the built-in rules run.
    expect(redact(text).text).toBe('token [REDACTED:github-token] for TICKET-42');
    // Another list is compiled on its own.
    expect(redact(text, compileExtraRules(['for'])).text).toBe(`token [REDACTED:github-token] [REDACTED:custom-1] TICKET-42`);
  });

  test('redactDeep gives every string of a record the built-in rules and the extra ones, once each', () => {
    const extra = compileExtraRules(['TICKET-\\d+']);
    const metadata = { alert: { labels: { ticket: 'TICKET-9', note: `leaked ${TOKEN}` } }, warnings: ['TICKET-1 open', 'plain'], attempts: 3 };
    expect(redactDeep(metadata, extra)).toEqual({
      alert: { labels: { ticket: '[REDACTED:custom-1]', note: 'leaked [REDACTED:github-token]' } },
      warnings: ['[REDACTED:custom-1] open', 'plain'],
      attempts: 3,
    });
    expect(redactDeep(metadata, [])).toEqual({ ...metadata, alert: { labels: { ticket: 'TICKET-9', note: 'leaked [REDACTED:github-token]' } } });
  });
});
