#!/usr/bin/env node
// The restore example's WAL archiver: what PostgreSQL's archive_command and
// restore_command call, in the shape of WAL-G's `wal-push` / `wal-fetch`:
//
//   node wal.mjs --config FILE push  %p %f   archive one WAL file (archive_command)
//   node wal.mjs --config FILE fetch %f %p   restore one WAL file (restore_command)
//   node wal.mjs --config FILE list  [PREFIX] print the archive's keys, sizes and times
//
// FILE is JSON: { endpoint, bucket, prefix, region, accessKeyId, secretAccessKey,
// log }. Objects go to s3://<bucket>/<prefix>wal/<file>. `log` (optional) gets a
// line per push and fetch, which is how the drill measures the archive lag and
// the WAL replayed.
//
// PostgreSQL runs this as its own account (`postgres` when drloop runs as
// root), which may not be able to read the repository or its node_modules:
// so this is one file with no dependency but Node itself, speaking S3 with
// Signature Version 4 over node:http(s). The drill and the plan copy it next
// to the data directory it serves. To use WAL-G, pgBackRest or your cloud's
// tooling instead, replace the two commands (docs/drill.md).
import { createHash, createHmac } from 'node:crypto';
import { appendFileSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { pathToFileURL } from 'node:url';

const sha256 = (data) => createHash('sha256').update(data).digest('hex');
const hmac = (key, data) => createHmac('sha256', key).update(data).digest();
const encode = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Reads and checks the archive configuration. */
export function readConfig(path) {
  let c;
  try {
    c = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`cannot read the archive configuration ${path}: ${err.message}`);
  }
  for (const k of ['endpoint', 'bucket', 'accessKeyId', 'secretAccessKey']) {
    if (typeof c?.[k] !== 'string' || c[k] === '') throw new Error(`${path}: key '${k}' must be a non-empty string`);
  }
  return { region: 'us-east-1', prefix: '', ...c };
}

/**
 * The Signature Version 4 headers of a request: `headers` plus host,
 * x-amz-date, x-amz-content-sha256 and authorization, every one signed.
 * `path` is the encoded path, `qs` the canonical (sorted, encoded) query.
 */
export function signV4(config, { method, host, path, qs = '', headers = {}, payloadHash, now = new Date() }) {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const day = stamp.slice(0, 8);
  const all = { ...headers, host, 'x-amz-date': stamp, 'x-amz-content-sha256': payloadHash };
  const lower = Object.fromEntries(Object.entries(all).map(([k, v]) => [k.toLowerCase(), String(v).trim()]));
  const names = Object.keys(lower).sort();
  const canonical = [method, path, qs, names.map((h) => `${h}:${lower[h]}\n`).join(''), names.join(';'), payloadHash].join('\n');
  const scope = `${day}/${config.region}/s3/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', stamp, scope, sha256(canonical)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${config.secretAccessKey}`, day), config.region), 's3'), 'aws4_request');
  const signature = createHmac('sha256', key).update(toSign).digest('hex');
  lower.authorization = `AWS4-HMAC-SHA256 Credential=${config.accessKeyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}`;
  return lower;
}

/**
 * One signed S3 request (path-style: endpoint/bucket/key). Returns
 * { status, headers, body: Buffer }; `body` may be a Buffer to send.
 */
export function s3(config, method, key, { query = {}, body = null, headers = {} } = {}) {
  const url = new URL(config.endpoint);
  const path = `/${encode(config.bucket)}${key ? `/${key.split('/').map(encode).join('/')}` : ''}`;
  const qs = Object.keys(query)
    .sort()
    .map((k) => `${encode(k)}=${encode(String(query[k]))}`)
    .join('&');
  const extra = body ? { ...headers, 'content-length': String(body.length) } : headers;
  const lower = signV4(config, { method, host: url.host, path, qs, headers: extra, payloadHash: sha256(body ?? '') });
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      { method, hostname: url.hostname, port: url.port, path: `${path}${qs ? `?${qs}` : ''}`, headers: lower, timeout: 60_000 },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${path}: no answer within 60s`)));
    req.on('error', reject);
    req.end(body ?? undefined);
  });
}

const walKey = (config, name) => `${config.prefix}wal/${name}`;

/** Every object under a prefix: [{ key, size, lastModified }], following continuation tokens. */
export async function listObjects(config, prefix) {
  const out = [];
  let token = null;
  for (;;) {
    const r = await s3(config, 'GET', '', { query: { 'list-type': '2', prefix, ...(token ? { 'continuation-token': token } : {}) } });
    if (r.status !== 200) throw new Error(`listing s3://${config.bucket}/${prefix}: HTTP ${r.status} ${r.body.toString('utf8').slice(0, 200)}`);
    const xml = r.body.toString('utf8');
    for (const m of xml.matchAll(/<Contents>([\s\S]*?)<\/Contents>/g)) {
      const field = (n) => new RegExp(`<${n}>([^<]*)</${n}>`).exec(m[1])?.[1] ?? '';
      out.push({ key: field('Key').replace(/&amp;/g, '&'), size: Number(field('Size')), lastModified: field('LastModified') });
    }
    token = /<IsTruncated>true<\/IsTruncated>/.test(xml) ? (/<NextContinuationToken>([^<]*)</.exec(xml)?.[1] ?? null) : null;
    if (!token) return out;
  }
}

function logLine(config, line) {
  if (config.log) appendFileSync(config.log, `${new Date().toISOString()} ${line}\n`);
}

/** archive_command: never overwrites a different file of the same name (PostgreSQL manual, "Setting Up WAL Archiving"). */
async function push(config, path, name) {
  const data = readFileSync(path);
  const digest = sha256(data);
  const key = walKey(config, name);
  const head = await s3(config, 'HEAD', key);
  if (head.status === 200) {
    if (head.headers['x-amz-meta-sha256'] === digest) {
      logLine(config, `pushed ${name} ${data.length} (already archived)`);
      return;
    }
    throw new Error(`s3://${config.bucket}/${key} already exists with different content: refusing to overwrite an archived WAL file`);
  }
  const r = await s3(config, 'PUT', key, { body: data, headers: { 'x-amz-meta-sha256': digest, 'content-type': 'application/octet-stream' } });
  if (r.status !== 200) throw new Error(`PUT s3://${config.bucket}/${key}: HTTP ${r.status} ${r.body.toString('utf8').slice(0, 200)}`);
  logLine(config, `pushed ${name} ${data.length}`);
}

/** restore_command: exit 1 when the file is not archived (the normal end of the archive), written atomically otherwise. */
async function fetchWal(config, name, path) {
  const key = walKey(config, name);
  const r = await s3(config, 'GET', key);
  if (r.status === 404) {
    logLine(config, `missing ${name}`);
    return false;
  }
  if (r.status !== 200) throw new Error(`GET s3://${config.bucket}/${key}: HTTP ${r.status}`);
  const expected = r.headers['x-amz-meta-sha256'];
  if (expected && expected !== sha256(r.body)) throw new Error(`s3://${config.bucket}/${key}: content does not match its sha256`);
  writeFileSync(`${path}.part`, r.body);
  renameSync(`${path}.part`, path);
  logLine(config, `fetched ${name} ${r.body.length}`);
  return true;
}

async function main(argv) {
  const args = [...argv];
  let configPath = process.env.DRLOOP_WAL_CONFIG ?? null;
  if (args[0] === '--config') {
    configPath = args[1] ?? null;
    args.splice(0, 2);
  }
  const [cmd, a, b] = args;
  if (!configPath) throw new Error('no archive configuration: pass --config FILE (or set DRLOOP_WAL_CONFIG)');
  const config = readConfig(configPath);
  if (cmd === 'push' && a && b) return push(config, a, b);
  if (cmd === 'fetch' && a && b) {
    if (!(await fetchWal(config, a, b))) {
      console.error(`wal.mjs: ${a} is not in the archive`);
      process.exitCode = 1;
    }
    return;
  }
  if (cmd === 'list') {
    for (const o of await listObjects(config, a ?? config.prefix)) console.log(`${o.lastModified} ${String(o.size).padStart(10)} ${o.key}`);
    return;
  }
  throw new Error(`usage: wal.mjs --config FILE push %p %f | fetch %f %p | list [PREFIX] (got ${JSON.stringify(args.join(' '))})`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((err) => {
    console.error(`wal.mjs: ${err.message}`);
    process.exit(2);
  });
}
