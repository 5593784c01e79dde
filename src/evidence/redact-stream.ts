import { BUILTIN_RULES, type RedactionRule } from '../redact.js';

/**
 * Redaction of text that arrives in chunks, with memory bounded by
 * `block + window` whatever the size of the file or the length of its lines.
 *
 * A secret can straddle a chunk boundary, and a PEM key spans many lines, so
 * text is scanned in blocks that overlap by `window` characters: a block is
 * scanned whole, but only the part before a cut point is emitted, and the rest
 * is carried into the next block and scanned again. The cut is placed after a
 * newline where there is one, and never inside a match, so every match shorter
 * than `window` is seen whole exactly once. Longer matches (a private key of
 * more than 64 KiB) are beyond what the window guarantees.
 *
 * Bytes are read as Latin-1, which maps each byte to one character and back,
 * so everything outside a redacted value is kept byte for byte, even when a
 * "text" file holds invalid UTF-8. Patterns therefore match bytes: ASCII
 * patterns (every secret format drloop knows) behave as written.
 */

interface CompiledRule {
  kind: string;
  pattern: RegExp;
  group?: number;
}

interface Match {
  /** The whole match, which must not be split by a cut. */
  start: number;
  end: number;
  /** The part replaced (a capture group, or the whole match). */
  from: number;
  to: number;
  kind: string;
  order: number;
}

export const DEFAULT_BLOCK = 1024 * 1024;
export const DEFAULT_WINDOW = 64 * 1024;

function compile(rules: readonly RedactionRule[]): CompiledRule[] {
  // Each redactor owns its RegExp objects: `lastIndex` is state, and the
  // shared rule objects are used elsewhere at the same time.
  return rules.map((r) => {
    let flags = r.pattern.flags;
    if (!flags.includes('g')) flags += 'g';
    if (r.group !== undefined && !flags.includes('d')) flags += 'd';
    const rule: CompiledRule = { kind: r.kind, pattern: new RegExp(r.pattern.source, flags) };
    if (r.group !== undefined) rule.group = r.group;
    return rule;
  });
}

export class StreamRedactor {
  readonly counts: Record<string, number> = {};
  total = 0;
  private pending = '';
  private readonly rules: CompiledRule[];
  private readonly block: number;
  private readonly window: number;

  constructor(extra: readonly RedactionRule[] = [], options: { block?: number; window?: number } = {}) {
    this.rules = compile([...BUILTIN_RULES, ...extra]);
    this.block = options.block ?? DEFAULT_BLOCK;
    this.window = options.window ?? DEFAULT_WINDOW;
  }

  /** Feeds bytes; returns the redacted bytes that are final so far (possibly none). */
  push(chunk: Uint8Array): Buffer {
    this.pending += Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
    if (this.pending.length < this.block + this.window) return Buffer.alloc(0);
    return this.flush(false);
  }

  /** Ends the input; returns the rest of the redacted bytes. */
  end(): Buffer {
    return this.flush(true);
  }

  private findMatches(text: string): Match[] {
    const matches: Match[] = [];
    this.rules.forEach((rule, order) => {
      const re = rule.pattern;
      re.lastIndex = 0;
      for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        if (m[0] === '') {
          re.lastIndex += 1;
          continue;
        }
        const start = m.index;
        const end = start + m[0].length;
        let from = start;
        let to = end;
        if (rule.group !== undefined) {
          const span = m.indices?.[rule.group];
          if (!span) continue;
          [from, to] = span;
          if (from === to) continue;
        }
        matches.push({ start, end, from, to, kind: rule.kind, order });
      }
    });
    return matches;
  }

  private flush(final: boolean): Buffer {
    const text = this.pending;
    if (text.length === 0) return Buffer.alloc(0);
    const matches = this.findMatches(text);

    let cut = text.length;
    if (!final) {
      const limit = text.length - this.window;
      const nl = text.lastIndexOf('\n', limit - 1);
      // Prefer a line boundary; a line longer than half the block is cut where it must be.
      cut = nl >= 0 && nl + 1 >= limit / 2 ? nl + 1 : limit;
      // Move the cut back to the start of any match it would split; that match
      // is then scanned again, whole, in the next block.
      for (let moved = true; moved; ) {
        moved = false;
        for (const m of matches) {
          if (m.start < cut && m.end > cut) {
            cut = m.start;
            moved = true;
          }
        }
      }
      if (cut === 0) {
        // One match fills the whole window: keep it as found rather than loop.
        cut = Math.max(...matches.filter((m) => m.start === 0).map((m) => m.end), limit);
      }
    }

    const applied = matches.filter((m) => m.end <= cut).sort((a, b) => a.from - b.from || a.order - b.order);
    const parts: string[] = [];
    let pos = 0;
    for (const m of applied) {
      if (m.from < pos) {
        // Overlaps a value already replaced (two rules, one secret): widen, count once.
        if (m.to > pos) pos = m.to;
        continue;
      }
      parts.push(text.slice(pos, m.from), `[REDACTED:${m.kind}]`);
      pos = m.to;
      this.counts[m.kind] = (this.counts[m.kind] ?? 0) + 1;
      this.total += 1;
    }
    parts.push(text.slice(pos, cut));
    this.pending = text.slice(cut);
    return Buffer.from(parts.join(''), 'latin1');
  }
}

/** Redacts a whole buffer (small files, the alert payload) with the same rules and semantics. */
export function redactBuffer(data: Uint8Array, extra: readonly RedactionRule[] = []): { data: Buffer; counts: Record<string, number>; total: number } {
  const r = new StreamRedactor(extra, { block: Number.POSITIVE_INFINITY });
  const out = Buffer.concat([r.push(data), r.end()]);
  return { data: out, counts: r.counts, total: r.total };
}

/** Git's rule of thumb: a NUL byte in the first 8000 bytes makes a file binary. */
export function looksBinary(head: Uint8Array): boolean {
  return head.subarray(0, 8000).includes(0);
}
