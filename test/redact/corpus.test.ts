/**
 * Redaction measured against a corpus of secret formats (synthetic values of
 * real token formats, test/fixtures/secrets/positives.json) and of ordinary
 * log lines that must be left alone (negatives.txt): in plain text, inside a
 * JSON string, and inside a JSON string escaped once more, through the
 * whole-text, block-streaming and line-by-line redactors.
 */
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { applyMatches, BUILTIN_RULES, compileRules, findMatches, redact } from '../../src/redact.js';
import { LineRedactor, redactBuffer, StreamRedactor } from '../../src/evidence/redact-stream.js';

const dir = new URL('../fixtures/secrets/', import.meta.url);
const positives = JSON.parse(readFileSync(new URL('positives.json', dir), 'utf8')) as { kind: string; value: string; line: string }[];
const negatives = readFileSync(new URL('negatives.txt', dir), 'utf8')
  .split('\n')
  .filter((l) => l !== '');

const lineOf = (p: { value: string; line: string }) => p.line.replace('{}', p.value);
/** JSON's escaping of a string, without the quotes. */
const escaped = (s: string) => JSON.stringify(s).slice(1, -1);
/** The pieces of a value that must not survive: the value, or each line of a multi-line one. */
const pieces = (value: string) => value.split('\n').filter((l) => l.length >= 8 && !l.startsWith('-----') && !/^Version: /.test(l));

const forms: [string, (line: string) => string, (piece: string) => string][] = [
  ['plain', (l) => l, (p) => p],
  ['in a JSON string', (l) => JSON.stringify({ log: l }), escaped],
  ['in a JSON string escaped again', (l) => JSON.stringify(JSON.stringify({ log: l })), (p) => escaped(escaped(p))],
];

function runLines(text: string): string {
  const r = new LineRedactor();
  return [...text.split('\n').flatMap((l) => r.push(l)), ...r.end()].join('\n');
}

describe('every format of the corpus is redacted', () => {
  test('the corpus covers every built-in kind', () => {
    expect(positives.length).toBeGreaterThanOrEqual(50);
  });

  describe.each(forms)('%s', (_form, wrap, encode) => {
    test.each(positives.map((p, i) => [p.kind, i, p] as const))('%s #%d', (kind, _i, p) => {
      const text = `before\n${wrap(lineOf(p))}\nafter`;
      const r = redact(text);
      for (const piece of pieces(p.value)) expect(r.text).not.toContain(encode(piece));
      expect(r.counts[kind]).toBeGreaterThanOrEqual(1);
      expect(r.text.startsWith('before\n') && r.text.endsWith('\nafter')).toBe(true);
    });
  });

  test('the line-by-line redactor (the live log) never shows a piece of any secret, multi-line keys included', () => {
    const text = positives.map((p, i) => `line ${i}\n${lineOf(p)}`).join('\n');
    const shown = runLines(text);
    for (const p of positives) for (const piece of pieces(p.value)) expect(shown).not.toContain(piece);
    expect(shown).toContain('line 0\nkey:\n[REDACTED:pem-private-key]\nkey done');
  });

  test('the block-streaming redactor gives the same result as the whole text, with secrets straddling every block edge', () => {
    const text = Buffer.from(
      positives
        .map((p, i) => `line ${i}\n${lineOf(p)}\n`)
        .join('')
        .repeat(3),
    );
    const whole = redactBuffer(text);
    const r = new StreamRedactor([], { block: 2048, window: 8192 });
    const out: Buffer[] = [];
    for (let pos = 0; pos < text.length; pos += 333) out.push(r.push(text.subarray(pos, pos + 333)));
    out.push(r.end());
    expect(Buffer.concat(out).toString('latin1')).toBe(whole.data.toString('latin1'));
    expect(r.counts).toEqual(whole.counts);
  });
});

describe('ordinary log lines are left alone (false positives)', () => {
  test.each(forms.map(([name, wrap]) => [name, wrap] as const))('%s: no line of the negative corpus is redacted', (_form, wrap) => {
    const redacted = negatives.filter((l) => redact(wrap(l)).total > 0);
    expect(redacted).toEqual([]);
  });

  test('the line-by-line redactor shows the negative corpus unchanged, certificates and public keys included', () => {
    expect(runLines(negatives.join('\n'))).toBe(negatives.join('\n'));
  });
});

describe('hints (the literal text a rule needs) only skip work, never matches', () => {
  test('redaction with and without hints is the same on any mix of corpus lines, their JSON forms and noise', () => {
    const withHints = compileRules(BUILTIN_RULES);
    const without = compileRules(BUILTIN_RULES.map(({ hints: _h, ...rule }) => rule));
    const piece = fc.oneof(
      fc.constantFrom(...positives.map(lineOf), ...negatives),
      fc.constantFrom(...positives.map((p) => JSON.stringify({ log: lineOf(p) }))),
      fc.string({ maxLength: 40 }),
      fc.constantFrom('\n', '\\n', '"', ' ', ';', '=', ': '),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.constantFrom('', '\n', ' '), (parts, sep) => {
        const text = parts.join(sep);
        const a = applyMatches(text, findMatches(text, withHints), text.length, {});
        const b = applyMatches(text, findMatches(text, without), text.length, {});
        expect(a.text).toBe(b.text);
      }),
      { seed: 20261201, numRuns: 300 },
    );
  });

  test('a line rule (run only over the lines holding its hints) finds what it finds over the whole text, upper case and line breaks included', () => {
    const withHints = compileRules(BUILTIN_RULES);
    const without = compileRules(BUILTIN_RULES.map(({ hints: _h, line: _l, ...rule }) => rule));
    expect(withHints.filter((r) => r.line).length).toBeGreaterThanOrEqual(8);
    const piece = fc.oneof(
      fc.constantFrom(...positives.map(lineOf), ...positives.map((p) => lineOf(p).toUpperCase())),
      fc.constantFrom('PASSWORD=', 'Api-Key: ', 'Authorization: Bearer ', ';Pwd=', 'x_token="', 'İ', 'ß', '\r\n', '\n', '\r', ' ', 'abc123XYZ/+=defghijklmnop'),
      fc.string({ maxLength: 20 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }), (parts) => {
        const text = parts.join('');
        const spans = (rules: typeof withHints) =>
          findMatches(text, rules)
            .map((m) => [m.order, m.start, m.end, m.from, m.to].join(':'))
            .sort();
        expect(spans(withHints)).toEqual(spans(without));
      }),
      { seed: 20261202, numRuns: 400 },
    );
  });

  test('a case-insensitive hint is found wherever it falls, across the pieces the text is lower-cased in', () => {
    for (let pad = 32 * 1024 - 12; pad <= 32 * 1024 + 2; pad++) {
      const text = `${'x'.repeat(pad)} Client_Secret="s3cr3t value 42"\nnext line`;
      const r = redact(text);
      expect(r.text).toBe(`${'x'.repeat(pad)} Client_Secret="[REDACTED:secret-assignment]"\nnext line`);
    }
  });
});
