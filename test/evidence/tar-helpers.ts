/** Reading and re-packing bundles in tests, to inspect them and to tamper with them. */
import { readFile, writeFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { gunzipSync, gzipSync } from 'node:zlib';
import { extract, pack } from 'tar-stream';

/** Every entry of a tar.gz, in order, with its bytes. */
export async function readEntries(path: string): Promise<{ name: string; data: Buffer }[]> {
  const ex = extract();
  const entries: { name: string; data: Buffer }[] = [];
  const done = pipeline(Readable.from([gunzipSync(await readFile(path))]), ex);
  for await (const entry of ex) {
    const chunks: Buffer[] = [];
    for await (const c of entry) chunks.push(c as Buffer);
    entries.push({ name: entry.header.name, data: Buffer.concat(chunks) });
  }
  await done;
  return entries;
}

/** Writes entries as a tar.gz, the way someone tampering with a bundle would. */
export async function writeEntries(path: string, entries: { name: string; data: Buffer }[]): Promise<void> {
  const p = pack();
  const chunks: Buffer[] = [];
  const collected = (async () => {
    for await (const c of p) chunks.push(c as Buffer);
  })();
  for (const e of entries) p.entry({ name: e.name, size: e.data.length }, e.data);
  p.finalize();
  await collected;
  await writeFile(path, gzipSync(Buffer.concat(chunks)));
}

export async function manifestOf(path: string): Promise<any> {
  const m = (await readEntries(path)).find((e) => e.name === 'manifest.json');
  return JSON.parse(m!.data.toString('utf8'));
}
