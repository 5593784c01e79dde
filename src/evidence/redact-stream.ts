import { BUILTIN_RULES, compileRules, findMatches, redact, redactedSpans, type CompiledRule, type RedactionRule } from '../redact.js';

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

export const DEFAULT_BLOCK = 1024 * 1024;
export const DEFAULT_WINDOW = 64 * 1024;

export class StreamRedactor {
  readonly counts: Record<string, number> = {};
  total = 0;
  /** Bytes not yet final, kept as the buffers they came in (outside V8's heap, not as a string). */
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private readonly rules: CompiledRule[];
  private readonly block: number;
  private readonly window: number;

  constructor(extra: readonly RedactionRule[] = [], options: { block?: number; window?: number } = {}) {
    this.rules = compileRules([...BUILTIN_RULES, ...extra]);
    this.block = options.block ?? DEFAULT_BLOCK;
    this.window = options.window ?? DEFAULT_WINDOW;
  }

  /** Feeds bytes; returns the redacted bytes that are final so far (possibly none). The bytes must not change afterwards. */
  push(chunk: Uint8Array): Buffer {
    if (chunk.byteLength === 0) return Buffer.alloc(0);
    this.pending.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    this.pendingBytes += chunk.byteLength;
    if (this.pendingBytes < this.block + this.window) return Buffer.alloc(0);
    return this.flush(false);
  }

  /** Ends the input; returns the rest of the redacted bytes. */
  end(): Buffer {
    return this.flush(true);
  }

  /**
   * Scans the pending bytes as one Latin-1 string. A block of a MiB or more
   * becomes a string whose characters stay outside V8's heap (Node makes
   * large decoded strings external), so the garbage collector never copies
   * or promotes it; the output is assembled from the bytes, not from slices
   * of the text.
   */
  private flush(final: boolean): Buffer {
    if (this.pendingBytes === 0) return Buffer.alloc(0);
    const bytes = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    const text = bytes.toString('latin1');
    const matches = findMatches(text, this.rules);

    let cut = text.length;
    if (!final) {
      const limit = text.length - this.window;
      const nl = bytes.lastIndexOf(10, limit - 1);
      // Prefer a line boundary; a line longer than half the block is cut where it must be.
      cut = nl >= 0 && nl + 1 >= limit / 2 ? nl + 1 : limit;
      // Move the cut back to the start of any match it would split; that match
      // is then scanned again, whole, in the next block.
      for (let moved = true; moved;) {
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

    const spans = redactedSpans(matches, cut, this.counts);
    this.total += spans.length;
    if (cut < bytes.length) {
      this.pending = [bytes.subarray(cut)];
      this.pendingBytes = bytes.length - cut;
    }
    if (spans.length === 0) return bytes.subarray(0, cut);
    let size = cut;
    for (const s of spans) size += s.replacement.length - (s.to - s.from);
    const out = Buffer.allocUnsafe(size);
    let at = 0;
    let pos = 0;
    for (const s of spans) {
      at += bytes.copy(out, at, pos, s.from);
      at += out.write(s.replacement, at, 'latin1');
      pos = s.to;
    }
    bytes.copy(out, at, pos, cut);
    return out;
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

const BEGIN_KEY = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/;
const END_KEY = /-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/;
/** A line that can be part of a PEM/PGP block: base64, an armour header (`Proc-Type: …`), or blank. */
const KEY_LINE = /^\s*(?:[A-Za-z0-9+/=]*|(?:Proc-Type|DEK-Info|Version|Comment|Hash|Charset|MessageID): .*)\s*$/;
/** The most text a LineRedactor holds back while it waits for the end of a private key. */
export const MAX_HELD_CHARS = 64 * 1024;

/**
 * Redaction of a live log, line by line, for output shown as it comes (a
 * step's output in the job log). Each line is redacted and handed back at
 * once, except while a private key block is open: from its BEGIN line, lines
 * are held until its END line, a line that cannot be key material, or
 * `maxHeld` characters, then redacted together, so a multi-line key is never
 * printed. Memory is bounded by `maxHeld`; past it, the block so far is
 * redacted as a truncated key.
 */
export class LineRedactor {
  readonly counts: Record<string, number> = {};
  total = 0;
  private held: string[] = [];
  private heldChars = 0;
  private readonly extra: readonly RedactionRule[];
  private readonly maxHeld: number;

  constructor(extra: readonly RedactionRule[] = [], options: { maxHeld?: number } = {}) {
    this.extra = extra;
    this.maxHeld = options.maxHeld ?? MAX_HELD_CHARS;
  }

  /** Feeds one line (without its newline); returns the lines that can be shown now. */
  push(line: string): string[] {
    return this.pushLines([line]);
  }

  /**
   * Feeds lines (without their newlines); returns the lines that can be shown
   * now. The lines that can go are redacted together, as one text, so a
   * chunk of output costs one pass of the rules rather than one per line.
   */
  pushLines(lines: readonly string[]): string[] {
    const ready: string[] = [];
    for (const line of lines) {
      if (this.held.length === 0) {
        const begin = BEGIN_KEY.exec(line);
        if (!begin || END_KEY.test(line.slice(begin.index))) ready.push(line);
        else {
          this.held.push(line);
          this.heldChars = line.length;
        }
        continue;
      }
      this.held.push(line);
      this.heldChars += line.length + 1;
      if (END_KEY.test(line) || !KEY_LINE.test(line) || this.heldChars >= this.maxHeld) ready.push(...this.takeHeld());
    }
    return ready.length === 0 ? ready : this.release(ready);
  }

  /**
   * Feeds whole lines joined by `\n` (a batch of output); returns the text
   * that can be shown now, or null when all of it is held. While no key is
   * open or opening, the batch is redacted as it is, without being split.
   */
  pushText(text: string): string | null {
    if (this.held.length === 0 && !BEGIN_KEY.test(text)) return this.redactText(text);
    const ready = this.pushLines(text.split('\n'));
    return ready.length === 0 ? null : ready.join('\n');
  }

  /** `end()` as one text, or null when nothing was held. */
  endText(): string | null {
    const rest = this.end();
    return rest.length === 0 ? null : rest.join('\n');
  }

  /** Ends the input: whatever is held is redacted and returned. */
  end(): string[] {
    return this.held.length === 0 ? [] : this.release(this.takeHeld());
  }

  private takeHeld(): string[] {
    const lines = this.held;
    this.held = [];
    this.heldChars = 0;
    return lines;
  }

  private release(lines: string[]): string[] {
    return this.redactText(lines.join('\n')).split('\n');
  }

  private redactText(text: string): string {
    const r = redact(text, this.extra);
    for (const k in r.counts) this.counts[k] = (this.counts[k] ?? 0) + r.counts[k]!;
    this.total += r.total;
    return r.text;
  }
}
