/**
 * Secrets that span lines: private key blocks in the live log (line by
 * line), in block-streamed files and in whole texts, complete or cut off
 * before their END line, with memory bounded whatever arrives.
 */
import { describe, expect, test } from '@jest/globals';
import { redact } from '../../src/redact.js';
import { LineRedactor, MAX_HELD_CHARS, StreamRedactor } from '../../src/evidence/redact-stream.js';

const BODY = Array.from({ length: 20 }, (_, i) => `MIIEow${String(i).padStart(2, '0')}${'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0NTY3ODkwYWJjZGVmZ2hpams'.slice(0, 56)}`);
const PEM = ['-----BEGIN RSA PRIVATE KEY-----', ...BODY, '-----END RSA PRIVATE KEY-----'];
const PGP = ['-----BEGIN PGP PRIVATE KEY BLOCK-----', 'Version: GnuPG v2', '', ...BODY, '=Ab3d', '-----END PGP PRIVATE KEY BLOCK-----'];

function live(lines: string[], options?: { maxHeld?: number }): { shown: string[]; r: LineRedactor } {
  const r = new LineRedactor([], options);
  const shown: string[] = [];
  for (const l of lines) shown.push(...r.push(l));
  shown.push(...r.end());
  return { shown, r };
}

describe('the live log, line by line', () => {
  test.each([
    ['a PEM private key', PEM],
    ['a PGP private key block', PGP],
  ])('%s printed over many lines is shown as one redaction', (_name, key) => {
    const { shown, r } = live(['restoring', ...key, 'restored']);
    expect(shown).toEqual(['restoring', '[REDACTED:pem-private-key]', 'restored']);
    expect(r.counts).toEqual({ 'pem-private-key': 1 });
  });

  test('lines are handed back at once while no key is open', () => {
    const r = new LineRedactor();
    expect(r.push('token ghp_0123456789abcdefghijABCDEFGHIJ012345')).toEqual(['token [REDACTED:github-token]']);
    expect(r.push(PEM[0]!)).toEqual([]);
    expect(r.push(BODY[0]!)).toEqual([]);
  });

  test('a key cut off before its END line is redacted when a line that is not key material comes', () => {
    const { shown } = live(['start', ...PEM.slice(0, 10), 'Error: connection reset', 'next']);
    expect(shown).toEqual(['start', '[REDACTED:pem-private-key]', 'Error: connection reset', 'next']);
  });

  test('a key cut off at the end of the output is redacted', () => {
    expect(live(PEM.slice(0, 8)).shown).toEqual(['[REDACTED:pem-private-key]']);
  });

  test(`a BEGIN without END is never held past ${MAX_HELD_CHARS} characters`, () => {
    const r = new LineRedactor([], { maxHeld: 4096 });
    let shownBeforeEnd = 0;
    r.push(PEM[0]!);
    for (let i = 0; i < 1000; i++) shownBeforeEnd += r.push(BODY[i % BODY.length]!).length;
    expect(shownBeforeEnd).toBeGreaterThan(0);
    const all = live([PEM[0]!, ...Array.from({ length: 60 }, (_, i) => BODY[i % BODY.length]!)], { maxHeld: 4096 }).shown.join('\n');
    expect(all.startsWith('[REDACTED:pem-private-key]')).toBe(true);
  });
});

describe('the live log, a chunk of lines at a time', () => {
  const output = ['restoring', 'token ghp_0123456789abcdefghijABCDEFGHIJ012345', ...PEM, 'password: hunter2hunter2', ...PGP.slice(0, 9), 'Error: reset', 'done'];

  test.each([1, 2, 3, 7, output.length])('lines fed %i at a time are shown as they are line by line', (size) => {
    const one = live(output);
    const r = new LineRedactor();
    const shown: string[] = [];
    for (let i = 0; i < output.length; i += size) shown.push(...r.pushLines(output.slice(i, i + size)));
    shown.push(...r.end());
    expect(shown).toEqual(one.shown);
    expect(r.counts).toEqual(one.r.counts);
    expect(shown).toContain('[REDACTED:pem-private-key]');
    expect(shown.join('\n')).not.toContain('hunter2');
  });

  test('a batch of text is redacted whole while no key is open, and split only around a key', () => {
    const r = new LineRedactor();
    expect(r.pushText('a\npassword: hunter2hunter2\nb')).toBe('a\npassword: [REDACTED:secret-assignment]\nb');
    expect(r.pushText(['x', PEM[0], ...BODY.slice(0, 3)].join('\n'))).toBe('x');
    expect(r.pushText([...PEM.slice(4), 'after'].join('\n'))).toBe('[REDACTED:pem-private-key]\nafter');
    expect(r.pushText(PEM.slice(0, 3).join('\n'))).toBeNull();
    expect(r.endText()).toBe('[REDACTED:pem-private-key]');
    expect(r.endText()).toBeNull();
  });

  test('a chunk that opens a key hands back only the lines before it', () => {
    const r = new LineRedactor();
    expect(r.pushLines(['before', PEM[0]!, BODY[0]!])).toEqual(['before']);
    expect(r.pushLines([...PEM.slice(2), 'after'])).toEqual(['[REDACTED:pem-private-key]', 'after']);
  });
});

describe('whole texts and block streams', () => {
  test('a key whose END never comes is redacted in a file', () => {
    const text = ['log line', ...PEM.slice(0, 12)].join('\n');
    const r = redact(text);
    expect(r.text).toBe('log line\n[REDACTED:pem-private-key]');
  });

  test('a truncated key followed by ordinary log lines keeps those lines', () => {
    const r = redact([...PEM.slice(0, 5), 'INFO restore: done in 3.2 s', 'bye'].join('\n'));
    expect(r.text).toBe('[REDACTED:pem-private-key]\nINFO restore: done in 3.2 s\nbye');
  });

  test('a key in a JSON string (escaped line breaks), complete or truncated', () => {
    const whole = JSON.stringify({ private_key: `${PEM.join('\n')}\n` });
    expect(redact(whole).text).toBe('{"private_key":"[REDACTED:pem-private-key]\\n"}');
    const cut = JSON.stringify({ private_key: PEM.slice(0, 6).join('\n') });
    expect(redact(cut).text).toBe('{"private_key":"[REDACTED:pem-private-key]"}');
  });

  test('a block-streamed file with a BEGIN and no END redacts the key and keeps memory to the block and window', () => {
    const r = new StreamRedactor([], { block: 4096, window: 1024 });
    const out: Buffer[] = [r.push(Buffer.from(`${PEM[0]}\n`))];
    let maxPending = 0;
    for (let i = 0; i < 2000; i++) {
      out.push(r.push(Buffer.from(`${BODY[i % BODY.length]}\n`)));
      maxPending = Math.max(maxPending, (r as unknown as { pending: string }).pending.length);
    }
    out.push(r.end());
    const text = Buffer.concat(out).toString('latin1');
    expect(maxPending).toBeLessThan(4096 + 1024 + 200);
    expect(text.startsWith('[REDACTED:pem-private-key]')).toBe(true);
    expect(text).not.toContain(`${PEM[0]}\n${BODY[0]}`);
  });
});
