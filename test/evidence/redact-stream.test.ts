/**
 * The streaming redactor: every kind drloop knows is removed, the result does
 * not depend on how the text was cut into chunks, and bytes outside a secret
 * are kept exactly.
 */
import { describe, expect, test } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { compileExtraRules, redact } from '../../src/redact.js';
import { looksBinary, redactBuffer, StreamRedactor } from '../../src/evidence/redact-stream.js';
import { SECRETS, secretLog } from './support.js';

function streamed(text: Buffer, chunkSizes: (i: number) => number, options?: { block?: number; window?: number }, extra = compileExtraRules([])) {
  const r = new StreamRedactor(extra, options);
  const out: Buffer[] = [];
  let pos = 0;
  for (let i = 0; pos < text.length; i++) {
    const n = Math.max(1, chunkSizes(i));
    out.push(r.push(text.subarray(pos, pos + n)));
    pos += n;
  }
  out.push(r.end());
  return { text: Buffer.concat(out).toString('latin1'), counts: r.counts, total: r.total };
}

describe('redaction of each kind', () => {
  test.each(SECRETS.map((s) => [s.kind, s.value.slice(0, 12), s] as const))('%s (%s…) is replaced and counted', (_kind, _start, secret) => {
    const r = redactBuffer(Buffer.from(`before\n${secret.line}\nafter\n`));
    const text = r.data.toString('latin1');
    expect(text).not.toContain(secret.value);
    expect(text).toContain(`[REDACTED:${secret.kind}]`);
    expect(text.startsWith('before\n') && text.endsWith('\nafter\n')).toBe(true);
    expect(r.counts).toEqual({ [secret.kind]: 1 });
  });

  test('keeps the label of a labelled secret (bearer, AWS secret key) and replaces only the value', () => {
    const r = redactBuffer(Buffer.from('Authorization: Bearer abc.def.ghi\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n'));
    expect(r.data.toString()).toBe('Authorization: Bearer [REDACTED:bearer-token]\naws_secret_access_key = [REDACTED:aws-secret-access-key]\n');
  });

  test('extra patterns from input redact are applied as custom-<n>', () => {
    const r = redactBuffer(Buffer.from('ticket INTERNAL-123456 and INTERNAL-654321\n'), compileExtraRules(['INTERNAL-[0-9]{6}']));
    expect(r.data.toString()).toBe('ticket [REDACTED:custom-1] and [REDACTED:custom-1]\n');
    expect(r.counts).toEqual({ 'custom-1': 2 });
  });

  test('finds what the shared redact() finds on the same text', () => {
    const text = secretLog();
    expect(redactBuffer(Buffer.from(text)).counts).toEqual(redact(text).counts);
  });
});

describe('streaming', () => {
  const log = Buffer.from(secretLog().repeat(40));
  const whole = redactBuffer(log);

  test.each([
    ['one byte at a time', () => 1],
    ['7-byte chunks', () => 7],
    ['uneven chunks', (i: number) => (i * 37) % 101],
  ])('gives the same bytes and counts as the whole text when fed %s (small blocks, secrets straddling every cut)', (_name, sizes) => {
    const r = streamed(log, sizes, { block: 300, window: 200 });
    expect(r.text).toBe(whole.data.toString('latin1'));
    expect(r.counts).toEqual(whole.counts);
    for (const s of SECRETS) expect(r.text).not.toContain(s.value);
  });

  test('a private key longer than a block but within the window is still removed whole', () => {
    const key = `-----BEGIN PRIVATE KEY-----\n${'QUJD'.repeat(20).concat('\n').repeat(60)}-----END PRIVATE KEY-----\n`;
    const text = Buffer.from(`${'x'.repeat(1500)}\n${key}${'y'.repeat(3000)}\n`);
    const r = streamed(text, () => 512, { block: 1024, window: 8192 });
    expect(r.text).not.toContain('QUJD');
    expect(r.counts).toEqual({ 'pem-private-key': 1 });
  });

  test('a line far longer than the block is cut without losing or doubling bytes', () => {
    const line = Buffer.from(`${'a'.repeat(50_000)} AKIAIOSFODNN7EXAMPLE ${'b'.repeat(50_000)}\n`);
    const r = streamed(line, () => 4096, { block: 2048, window: 256 });
    expect(r.text).toBe(line.toString('latin1').replace('AKIAIOSFODNN7EXAMPLE', '[REDACTED:aws-access-key-id]'));
  });

  test('bytes that are not valid UTF-8 pass through unchanged', () => {
    const raw = Buffer.concat([Buffer.from('caf'), Buffer.from([0xe9, 0xff, 0xfe, 0x80]), Buffer.from(' ghp_0123456789abcdefghijABCDEFGHIJ012345\n')]);
    const r = streamed(raw, () => 3, { block: 16, window: 64 });
    expect(Buffer.from(r.text, 'latin1').subarray(0, 7)).toEqual(raw.subarray(0, 7));
    expect(r.text.endsWith(' [REDACTED:github-token]\n')).toBe(true);
  });

  test('random bytes without secrets come out identical', () => {
    const data = randomBytes(200_000);
    const r = streamed(data, (i) => 1000 + i, { block: 8192, window: 1024 });
    expect(r.total).toBe(0);
    expect(Buffer.from(r.text, 'latin1').equals(data)).toBe(true);
  });
});

test('a NUL byte in the first 8000 bytes marks a file binary', () => {
  expect(looksBinary(Buffer.from('plain text\n'))).toBe(false);
  expect(looksBinary(Buffer.from([0x1f, 0x8b, 0x08, 0x00]))).toBe(true);
  expect(looksBinary(Buffer.concat([Buffer.alloc(8000, 0x61), Buffer.from([0])]))).toBe(false);
});
