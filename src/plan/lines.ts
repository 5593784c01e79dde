/**
 * Splits a step's output, a byte stream, into batches of whole lines.
 *
 * Each batch is decoded on its own from the bytes and an unfinished line is
 * kept as a copy of its bytes, so no string outlives its batch and none holds
 * on to the chunk it came in. Batches are small (`BATCH_BYTES`): what is
 * alive while one is redacted and logged is all that a garbage collection
 * during that work finds alive, and the less survives, the less V8 grows its
 * young generation. A step printing gigabytes thus runs in flat memory.
 *
 * Splitting at the byte 0x0A is safe in UTF-8, which never uses it inside a
 * character; a carriage return before a newline is dropped.
 */

/** The most bytes of whole lines handed on at once. */
export const BATCH_BYTES = 16 * 1024;
/** A line longer than this (in bytes) is handed on in pieces, so one endless line cannot grow memory. */
export const MAX_LINE = 64 * 1024;

export class LineSplitter {
  private rest: Buffer | null = null;

  /**
   * @param emit gets each batch: one or more lines joined by `\n`, without the
   *   last newline; `terminated` is false for the output's unfinished end.
   */
  constructor(
    private readonly emit: (text: string, terminated: boolean) => void,
    private readonly max = MAX_LINE,
    private readonly batch = Math.min(BATCH_BYTES, max),
  ) {}

  push(data: Buffer): void {
    const buf = this.rest ? Buffer.concat([this.rest, data]) : data;
    this.rest = null;
    let start = 0;
    while (start < buf.length) {
      // The last newline within a batch's reach: every line before it goes at once.
      let nl = buf.lastIndexOf(10, Math.min(buf.length, start + this.batch) - 1);
      if (nl < start) nl = buf.indexOf(10, start);
      if (nl >= 0 && nl - start <= this.max) {
        this.text(buf, start, nl, true);
        start = nl + 1;
      } else if (nl >= 0 || buf.length - start > this.max) {
        start = this.piece(buf, start);
      } else break;
    }
    if (start < buf.length) this.rest = Buffer.from(buf.subarray(start));
  }

  /** The output ended: an unfinished last line is handed on as it is. */
  end(): void {
    if (this.rest) this.text(this.rest, 0, this.rest.length, false);
    this.rest = null;
  }

  private text(buf: Buffer, start: number, end: number, terminated: boolean): void {
    const text = buf.toString('utf8', start, end);
    this.emit(text.includes('\r') ? text.replace(/\r$/gm, '') : text, terminated);
  }

  /** Hands on `max` bytes of a longer line from `start`, cut before a character; returns where the rest begins. */
  private piece(buf: Buffer, start: number): number {
    let cut = start + this.max;
    for (let back = 0; back < 3 && cut > start + 1 && (buf[cut]! & 0xc0) === 0x80; back++) cut--;
    this.emit(buf.toString('utf8', start, cut), true);
    return cut;
  }
}
