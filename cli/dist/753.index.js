export const id = 753;
export const ids = [753];
export const modules = {

/***/ 7753:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  x0: () => (/* binding */ collectEvidenceInputs),
  uN: () => (/* binding */ collectEvidenceOutputs),
  j3: () => (/* binding */ runCollectEvidence)
});

// UNUSED EXPORTS: DEFAULT_ARTIFACT_NAME, DEFAULT_OUTPUT_DIR, destinationsOf, headCommit

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 8 modules
var schemas = __webpack_require__(2716);
// EXTERNAL MODULE: ./src/context.ts
var context = __webpack_require__(788);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/fs-atomic.ts
var fs_atomic = __webpack_require__(1056);
// EXTERNAL MODULE: ./src/inputs.ts
var inputs = __webpack_require__(8422);
// EXTERNAL MODULE: ./src/redact.ts
var redact = __webpack_require__(6670);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: external "node:string_decoder"
var external_node_string_decoder_ = __webpack_require__(6193);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
// EXTERNAL MODULE: ./node_modules/tar-stream/index.js
var tar_stream = __webpack_require__(6118);
// EXTERNAL MODULE: ./src/evidence/manifest.ts
var evidence_manifest = __webpack_require__(9240);
// EXTERNAL MODULE: ./src/evidence/redact-stream.ts
var redact_stream = __webpack_require__(5197);
;// CONCATENATED MODULE: ./src/evidence/bundle.ts













/**
 * Files up to this size are read, redacted and hashed in memory; larger ones
 * stream through a spool file (see `addLargeFile`). Either way at most this
 * much of one file is held at a time.
 */
const IN_MEMORY_LIMIT = 1024 * 1024;
const READ_CHUNK = 256 * 1024;
/**
 * How far the archive may run ahead of the compressor. gzip runs on another
 * thread; with stream defaults (16 KiB) the redactor would wait for it after
 * every block and the two would take turns. With a few MiB queued, the next
 * file is redacted while the last one is compressed.
 */
const GZIP_QUEUE = 8 * 1024 * 1024;
const GZIP_CHUNK = 64 * 1024;
/** `20260102T030405Z-abc1234.tar.gz`: sorts by time, names the commit. */
function bundleName(now, commit) {
    const stamp = now
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d+Z$/, 'Z');
    const sha = commit && /^[0-9a-f]{7,}$/i.test(commit) ? commit.slice(0, 7).toLowerCase() : 'nogit';
    return `${stamp}-${sha}.tar.gz`;
}
/** Writes a buffer or a stream of chunks into one tar entry, waiting whenever the archive is behind. */
async function writeEntry(pack, header, body) {
    await new Promise((resolve, reject) => {
        const entry = pack.entry({ ...header, mode: 0o644, type: 'file' }, (err) => (err ? reject(err) : resolve()));
        if (Buffer.isBuffer(body)) {
            entry.end(body);
            return;
        }
        void (async () => {
            for await (const chunk of body) {
                if (!entry.write(chunk)) {
                    await new Promise((res, rej) => {
                        const onClose = () => rej(new Error('the archive was closed while writing'));
                        entry.once('drain', () => {
                            entry.off('close', onClose);
                            res();
                        });
                        entry.once('close', onClose);
                    });
                }
            }
            // tar-stream's entries are streamx streams; their end() takes no callback.
            entry.end();
        })().catch((err) => {
            entry.destroy(err);
            reject(err);
        });
    });
}
/** Reads exactly `size` bytes (the size seen when the file was opened): a log that grows meanwhile cannot break the tar header. */
async function* readExactly(handle, size, from = 0) {
    let pos = from;
    while (pos < size) {
        const buf = Buffer.allocUnsafe(Math.min(READ_CHUNK, size - pos));
        const { bytesRead } = await handle.read(buf, 0, buf.length, pos);
        if (bytesRead === 0)
            throw new Error(`file shrank while being bundled (read ${pos} of ${size} bytes)`);
        pos += bytesRead;
        yield buf.subarray(0, bytesRead);
    }
}
/**
 * Streams the evidence into `<outputDir>/<name>` as tar + gzip (level 6, as
 * gzip's default), with manifest.json as the last entry.
 *
 * A tar header carries the entry's size, and redaction changes sizes, so a
 * large text file is redacted into a spool file first (its size and sha256
 * computed on the way), then copied into the archive. Small files are done in
 * memory. Binary files are stored as found. Memory stays at a few MiB however
 * much evidence there is; disk needs room for the bundle plus the largest
 * text file. The bundle is written to a temporary name, flushed, then renamed,
 * so a bundle at its final name is always whole.
 */
async function writeBundle(options) {
    const { outputDir, name, warn } = options;
    await (0,promises_.mkdir)(outputDir, { recursive: true });
    const finalPath = (0,external_node_path_.join)(outputDir, name);
    const tmpPath = (0,external_node_path_.join)(outputDir, `.${name}.${process.pid}.${(0,external_node_crypto_.randomBytes)(4).toString('hex')}.partial`);
    const spoolDir = await (0,promises_.mkdtemp)((0,external_node_path_.join)(outputDir, '.spool-'));
    const hash = (0,external_node_crypto_.createHash)('sha256');
    let size = 0;
    const tap = new external_node_stream_.Transform({
        transform(chunk, _enc, cb) {
            hash.update(chunk);
            size += chunk.length;
            cb(null, chunk);
        },
    });
    const pack = (0,tar_stream.pack)();
    const out = await (0,promises_.open)(tmpPath, 'wx', 0o644);
    const written = (0,external_node_stream_promises_.pipeline)(pack, (0,external_node_zlib_.createGzip)({ level: 6, chunkSize: GZIP_CHUNK, writableHighWaterMark: GZIP_QUEUE }), tap, out.createWriteStream());
    // The writer side stops at once if the archive side fails (disk full, ...).
    written.catch((err) => pack.destroy(err));
    const files = [];
    const extraWarnings = [];
    let manifest;
    let manifestBytes;
    try {
        const produce = async () => {
            const names = new Set();
            for (const item of options.items) {
                // A secret in a file name would reach the tar header and the manifest: names are redacted too.
                const named = (0,redact/* redact */.E$)(item.bundlePath, options.extraRules);
                let name = named.text;
                for (let i = 2; names.has(name); i++)
                    name = `${named.text}~${i}`;
                names.add(name);
                const redacted = { ...item, origin: (0,redact/* redact */.E$)(item.origin, options.extraRules).text };
                const file = await addItem(pack, redacted, name, options.extraRules, spoolDir, (m) => {
                    extraWarnings.push(m);
                    warn(m);
                });
                if (!file)
                    continue;
                for (const [k, n] of Object.entries(named.counts))
                    file.redactions[k] = (file.redactions[k] ?? 0) + n;
                files.push(file);
            }
            manifest = options.manifest(files, extraWarnings);
            manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
            await writeEntry(pack, { name: evidence_manifest/* MANIFEST_NAME */.ir, size: manifestBytes.length, mtime: new Date(manifest.createdAt) }, manifestBytes);
            pack.finalize();
        };
        await Promise.all([produce(), written]);
        const flush = await (0,promises_.open)(tmpPath, 'r+');
        try {
            await flush.sync();
        }
        finally {
            await flush.close();
        }
        await (0,promises_.rename)(tmpPath, finalPath);
    }
    catch (err) {
        pack.destroy();
        await (0,promises_.rm)(tmpPath, { force: true });
        throw err;
    }
    finally {
        await out.close().catch(() => undefined);
        await (0,promises_.rm)(spoolDir, { recursive: true, force: true });
    }
    return { path: finalPath, sha256: hash.digest('hex'), size, manifest: manifest, manifestBytes: manifestBytes };
}
/** Archive formats drloop cannot look inside: stored as found, marked `not-inspected`. */
const OPAQUE = [
    { name: 'zip', magic: [0x50, 0x4b, 0x03, 0x04] },
    { name: 'xz', magic: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
    { name: 'bzip2', magic: [0x42, 0x5a, 0x68] },
    { name: 'zstd', magic: [0x28, 0xb5, 0x2f, 0xfd] },
    { name: '7z', magic: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
    { name: 'lz4', magic: [0x04, 0x22, 0x4d, 0x18] },
];
/** A gzip member decompressing past this is not inspected (a gzip bomb would fill the disk). */
const MAX_INFLATED_BYTES = 4 * 1024 * 1024 * 1024;
const startsWith = (head, magic) => magic.every((b, i) => head[i] === b);
const printable = (b) => b !== undefined && (b === 0x09 || b === 0x0a || b === 0x0d || (b >= 0x20 && b < 0x7f));
/**
 * Judges a file by its first bytes: gzip and UTF-16 (with a byte order mark,
 * or ASCII text with every other byte NUL) are decoded and redacted; known
 * archive formats cannot be inspected; anything else, text or binary, is
 * scanned byte for byte.
 */
function classifyContent(head) {
    if (head[0] === 0x1f && head[1] === 0x8b)
        return { content: 'gzip' };
    for (const o of OPAQUE)
        if (startsWith(head, o.magic))
            return { content: 'compressed', note: `a ${o.name} archive, which drloop cannot read` };
    if (head[0] === 0xff && head[1] === 0xfe)
        return { content: 'utf-16le' };
    if (head[0] === 0xfe && head[1] === 0xff)
        return { content: 'utf-16be' };
    const pairs = Math.floor(Math.min(head.length, 4096) / 2);
    if (pairs >= 2) {
        let le = 0;
        let be = 0;
        for (let i = 0; i < pairs * 2; i += 2) {
            if (head[i + 1] === 0 && printable(head[i]))
                le += 1;
            if (head[i] === 0 && printable(head[i + 1]))
                be += 1;
        }
        if (le >= pairs * 0.9)
            return { content: 'utf-16le' };
        if (be >= pairs * 0.9)
            return { content: 'utf-16be' };
    }
    return { content: (0,redact_stream/* looksBinary */.Wb)(head) ? 'binary' : 'text' };
}
/**
 * Redacted output on its way into the archive: hashed and counted as it
 * comes, kept in memory up to IN_MEMORY_LIMIT and spooled to disk past it (a
 * tar header needs the size before the body).
 */
class Collector {
    hash = (0,external_node_crypto_.createHash)('sha256');
    size = 0;
    chunks = [];
    file;
    path;
    constructor(spoolDir) {
        this.path = (0,external_node_path_.join)(spoolDir, (0,external_node_crypto_.randomBytes)(8).toString('hex'));
    }
    async write(buf) {
        if (buf.length === 0)
            return;
        this.hash.update(buf);
        this.size += buf.length;
        if (!this.file && this.size <= IN_MEMORY_LIMIT) {
            this.chunks.push(buf);
            return;
        }
        if (!this.file) {
            this.file = await (0,promises_.open)(this.path, 'wx', 0o600);
            for (const c of this.chunks)
                await this.file.write(c);
            this.chunks = [];
        }
        await this.file.write(buf);
    }
    /** Writes what was collected as one tar entry. */
    async writeTo(pack, name, mtime) {
        if (!this.file) {
            await writeEntry(pack, { name, size: this.size, mtime }, Buffer.concat(this.chunks));
            return;
        }
        await this.file.close();
        this.file = undefined;
        const spooled = await (0,promises_.open)(this.path, 'r');
        try {
            await writeEntry(pack, { name, size: this.size, mtime }, readExactly(spooled, this.size));
        }
        finally {
            await spooled.close();
        }
    }
    async dispose() {
        await this.file?.close().catch(() => undefined);
        await (0,promises_.rm)(this.path, { force: true });
    }
}
/** Swaps each pair of bytes (UTF-16BE ⇄ UTF-16LE), carrying an odd byte over to the next chunk. */
function byteSwapper() {
    let carry = Buffer.alloc(0);
    return (chunk) => {
        const data = carry.length > 0 ? Buffer.concat([carry, chunk]) : Buffer.from(chunk);
        const even = data.length - (data.length % 2);
        carry = data.subarray(even);
        return data.subarray(0, even).swap16();
    };
}
/** Redacts text read as UTF-16: decoded to UTF-8 for the redactor, encoded back as it was. */
async function redactUtf16(source, bigEndian, redactor, out) {
    const toLe = bigEndian ? byteSwapper() : (b) => b;
    const decode = new external_node_string_decoder_.StringDecoder('utf16le');
    const reencode = new external_node_string_decoder_.StringDecoder('utf8');
    const emit = async (redacted, final) => {
        const le = Buffer.from(reencode.write(redacted) + (final ? reencode.end() : ''), 'utf16le');
        await out.write(bigEndian ? le.swap16() : le);
    };
    for await (const chunk of source)
        await emit(redactor.push(Buffer.from(decode.write(toLe(chunk)), 'utf8')), false);
    await emit(Buffer.concat([redactor.push(Buffer.from(decode.end(), 'utf8')), redactor.end()]), true);
}
class InflateLimit extends Error {
}
/** Redacts the text inside a gzip file and compresses it again. */
async function redactGzip(source, redactor, out) {
    let inflated = 0;
    await (0,external_node_stream_promises_.pipeline)(external_node_stream_.Readable.from(source), (0,external_node_zlib_.createGunzip)(), new external_node_stream_.Transform({
        transform(chunk, _enc, cb) {
            inflated += chunk.length;
            if (inflated > MAX_INFLATED_BYTES)
                cb(new InflateLimit(`it expands past ${MAX_INFLATED_BYTES} bytes`));
            else
                cb(null, redactor.push(chunk));
        },
        flush(cb) {
            cb(null, redactor.end());
        },
    }), (0,external_node_zlib_.createGzip)({ level: 6 }), new external_node_stream_.Writable({
        write(chunk, _enc, cb) {
            out.write(chunk).then(() => cb(), cb);
        },
    }));
}
/**
 * Opens a file to bundle, refusing what could smuggle in a file from
 * elsewhere: a symbolic link swapped in since the file was listed, anything
 * but a regular file, and a file with more than one hard link (the other name
 * may be outside the workspace, and nothing tells which name is the original).
 */
async function openEvidence(item, warn) {
    let handle;
    try {
        handle = await (0,promises_.open)(item.file, external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NOFOLLOW | external_node_fs_.constants.O_NONBLOCK);
    }
    catch (err) {
        warn(`${item.origin}: skipped, it could not be read (${(0,errors/* describeError */.Uc)(err)})`);
        return undefined;
    }
    const st = await handle.stat();
    let why;
    if (!st.isFile())
        why = 'it is not a regular file';
    else if (st.nlink > 1)
        why = `it has ${st.nlink} hard links, and another name of the same file may be outside the workspace; bundle a copy instead`;
    if (why) {
        await handle.close();
        warn(`${item.origin}: skipped, ${why}`);
        return undefined;
    }
    return { handle, size: st.size, mtime: st.mtime };
}
async function addItem(pack, item, name, rules, spoolDir, warn) {
    const base = { path: name, source: item.source, origin: item.origin };
    if (item.data) {
        const out = new Collector(spoolDir);
        try {
            const redactor = new redact_stream/* StreamRedactor */.d6(rules);
            await out.write(redactor.push(item.data));
            await out.write(redactor.end());
            await out.writeTo(pack, name, new Date());
            return entryOf(base, out, 'text', 'applied', redactor.counts);
        }
        finally {
            await out.dispose();
        }
    }
    const opened = await openEvidence(item, warn);
    if (!opened)
        return undefined;
    const { handle, size, mtime } = opened;
    try {
        const head = Buffer.alloc(Math.min(8000, size));
        await handle.read(head, 0, head.length, 0);
        const kind = classifyContent(head);
        if (kind.content !== 'compressed') {
            const out = new Collector(spoolDir);
            try {
                const redactor = new redact_stream/* StreamRedactor */.d6(rules);
                const source = readExactly(handle, size);
                if (kind.content === 'gzip')
                    await redactGzip(source, redactor, out);
                else if (kind.content === 'utf-16le' || kind.content === 'utf-16be')
                    await redactUtf16(source, kind.content === 'utf-16be', redactor, out);
                else {
                    for await (const chunk of source)
                        await out.write(redactor.push(chunk));
                    await out.write(redactor.end());
                }
                await out.writeTo(pack, name, mtime);
                return entryOf(base, out, kind.content, 'applied', redactor.counts);
            }
            catch (err) {
                // A gzip file that does not decompress is kept as found, and said to be uninspected.
                if (kind.content !== 'gzip' || (!(err instanceof InflateLimit) && !isZlibError(err)))
                    throw err;
                kind.note = `gzip data that could not be read (${(0,errors/* describeError */.Uc)(err)})`;
            }
            finally {
                await out.dispose();
            }
        }
        const hash = (0,external_node_crypto_.createHash)('sha256');
        const hashed = async function* () {
            for await (const chunk of readExactly(handle, size)) {
                hash.update(chunk);
                yield chunk;
            }
        };
        await writeEntry(pack, { name, size, mtime }, hashed());
        return { ...entryOf(base, { size, hash }, kind.content, 'not-inspected', {}), note: kind.note ?? 'could not be read' };
    }
    catch (err) {
        throw new Error(`${item.origin}: ${(0,errors/* describeError */.Uc)(err)}`);
    }
    finally {
        await handle.close();
    }
}
function isZlibError(err) {
    const code = err.code;
    return typeof code === 'string' && code.startsWith('Z_');
}
/** A manifest entry, keys in the order an auditor reads them. */
function entryOf(base, out, content, redaction, redactions) {
    return { path: base.path, size: out.size, sha256: out.hash.digest('hex'), source: base.source, origin: base.origin, content, redaction, redactions: { ...redactions } };
}

// EXTERNAL MODULE: ./src/alerts/alertmanager.ts
var alertmanager = __webpack_require__(3222);
// EXTERNAL MODULE: ./src/workspace.ts
var src_workspace = __webpack_require__(3338);
;// CONCATENATED MODULE: ./src/evidence/gather.ts





function isInside(root, path) {
    const rel = (0,external_node_path_.relative)(root, path);
    return rel === '' || (!rel.startsWith(`..${external_node_path_.sep}`) && rel !== '..' && !(0,external_node_path_.isAbsolute)(rel));
}
function toPosix(p) {
    return p.split(external_node_path_.sep).join('/');
}
/** How a path is shown: workspace-relative when inside the workspace, else absolute. */
function displayPath(workspace, abs) {
    return isInside(workspace, abs) ? toPosix((0,external_node_path_.relative)(workspace, abs)) || '.' : abs;
}
/** Whether a relative path is, or is under, a `.git` directory (or is a `.git` file of a worktree). */
function isGitPath(rel) {
    return rel.split(/[\\/]/).some((part) => part.toLowerCase() === '.git');
}
/**
 * Lists a directory tree without following links: regular files, and symbolic
 * links (which the caller judges one by one), sorted, with forward slashes.
 * Files under a `.git` directory are listed apart, to be left out.
 */
async function walk(root) {
    const files = [];
    const links = [];
    const gitFiles = [];
    const visit = async (dir, prefix, inGit) => {
        const entries = await (0,promises_.readdir)(dir, { withFileTypes: true });
        for (const e of entries) {
            const rel = prefix === '' ? e.name : `${prefix}/${e.name}`;
            const git = inGit || e.name.toLowerCase() === '.git';
            if (e.isDirectory())
                await visit((0,external_node_path_.join)(dir, e.name), rel, git);
            else if (git)
                gitFiles.push(rel);
            else if (e.isSymbolicLink())
                links.push(rel);
            else if (e.isFile())
                files.push(rel);
        }
    };
    await visit(root, '', false);
    return { files: files.sort(), links: links.sort(), gitFiles };
}
async function realOrUndefined(p) {
    return (0,promises_.realpath)(p).catch(() => undefined);
}
/**
 * Lists what goes into the bundle, in a stable order. Nothing is read yet
 * except the alert; problems with the user's inputs (a glob leaving the
 * workspace, an alert file that does not exist) are ConfigurationErrors,
 * while missing evidence is only a warning: an evidence step runs after
 * failures too, and a thin bundle is better than none.
 */
async function gatherEvidence(options) {
    const { logger } = options;
    const workspace = (0,external_node_path_.resolve)(options.workspace);
    const realWorkspace = (await realOrUndefined(workspace)) ?? workspace;
    const warnings = [];
    const warn = (m) => {
        warnings.push(m);
        logger.warning(m);
    };
    const outputDir = (0,external_node_path_.resolve)(workspace, options.outputDir);
    const realOutput = (await realOrUndefined(outputDir)) ?? outputDir;
    const inOutput = (real) => isInside(realOutput, real) || isInside(outputDir, real);
    const items = [];
    const seen = new Set();
    const skippedGit = new Set();
    // 1. The evidence directory shared with cost-decision and dr-execute.
    const evidenceDir = (0,external_node_path_.resolve)(workspace, options.evidenceDir);
    if (isInside(outputDir, evidenceDir) || isInside(outputDir, workspace)) {
        // Nothing under output-dir is collected, so this would bundle nothing at all.
        throw new errors/* ConfigurationError */.j1(`input 'output-dir': '${options.outputDir}' contains the ${isInside(outputDir, workspace) ? 'workspace' : 'evidence directory'}; write bundles to a directory of their own, outside 'evidence-dir'`);
    }
    const realEvidence = await realOrUndefined(evidenceDir);
    if (!realEvidence) {
        warn(`evidence-dir '${options.evidenceDir}' does not exist: no cost decision or run receipts to collect`);
    }
    else if (!(await (0,promises_.stat)(realEvidence)).isDirectory()) {
        throw new errors/* ConfigurationError */.j1(`input 'evidence-dir': '${options.evidenceDir}' is not a directory`);
    }
    else {
        const { files, links, gitFiles } = await walk(realEvidence);
        for (const g of gitFiles)
            skippedGit.add((0,external_node_path_.resolve)(realEvidence, g));
        for (const f of files) {
            const abs = (0,external_node_path_.resolve)(realEvidence, f);
            if (inOutput(abs))
                continue;
            seen.add(abs);
            items.push({ bundlePath: `evidence/${f}`, source: 'evidence-dir', origin: displayPath(workspace, abs), file: abs });
        }
        // Symbolic links are followed only to a regular file inside the evidence directory or the workspace; every other one is named.
        for (const f of links) {
            const abs = (0,external_node_path_.resolve)(realEvidence, f);
            const shown = `${options.evidenceDir}/${f}`;
            const real = await realOrUndefined(abs);
            const st = real ? await (0,promises_.stat)(real).catch(() => undefined) : undefined;
            if (!real || !st)
                warn(`${shown}: skipped, it is a symbolic link to nothing`);
            else if (!isInside(realEvidence, real) && !isInside(realWorkspace, real))
                warn(`${shown}: skipped, it is a symbolic link to a file outside the evidence directory and the workspace`);
            else if (!st.isFile())
                warn(`${shown}: skipped, it is a symbolic link to a ${st.isDirectory() ? 'directory (links to directories are not followed)' : 'special file'}`);
            else if (isGitPath((0,external_node_path_.relative)(realWorkspace, real)) || isGitPath((0,external_node_path_.relative)(realEvidence, real)))
                skippedGit.add(real);
            else if (!inOutput(real) && !seen.has(real)) {
                seen.add(real);
                items.push({ bundlePath: `evidence/${f}`, source: 'evidence-dir', origin: displayPath(workspace, abs), file: real });
            }
        }
        if (files.length === 0 && links.length === 0)
            warn(`evidence-dir '${options.evidenceDir}' is empty`);
    }
    // 2. The user's globs: logs, plans, anything else worth keeping.
    if (options.paths.length > 0) {
        const matches = await (0,src_workspace/* expandGlobs */.GE)(options.paths, workspace, "input 'paths'");
        for (const m of matches) {
            if (m.files.length === 0 && !m.pattern.startsWith('!'))
                warn(`input 'paths': '${m.pattern}' matches no file`);
            for (const f of m.files) {
                const real = await realOrUndefined((0,external_node_path_.resolve)(realWorkspace, f));
                if (!real || inOutput(real) || seen.has(real))
                    continue;
                if (isGitPath(f) || isGitPath((0,external_node_path_.relative)(realWorkspace, real))) {
                    skippedGit.add(real);
                    continue;
                }
                seen.add(real);
                items.push({ bundlePath: `files/${f}`, source: 'paths', origin: f, file: real });
            }
        }
    }
    // 3. The alert that started it all, inline JSON or a file (e.g. the event payload).
    let alert = null;
    const alertInput = options.alert?.trim();
    if (alertInput) {
        let text;
        let origin;
        let where;
        if (alertInput.startsWith('{')) {
            text = alertInput;
            origin = "input 'alert'";
            where = "input 'alert'";
        }
        else {
            const file = await (0,alertmanager.readAlertFile)(alertInput, workspace);
            text = file.text;
            origin = displayPath(realWorkspace, file.path);
            where = alertInput;
        }
        // The payload is kept whatever its shape: evidence records what came in,
        // and a malformed alert is exactly what an auditor would want to see.
        try {
            alert = (0,alertmanager.alertFromJson)(JSON.parse(text), where);
        }
        catch (err) {
            warn(`input 'alert': kept as received but not understood as an alert: ${(0,errors/* describeError */.Uc)(err)}`);
        }
        items.push({ bundlePath: 'alert.json', source: 'alert', origin, data: Buffer.from(text, 'utf8') });
    }
    if (skippedGit.size > 0) {
        warn(`skipped ${skippedGit.size} file(s) under .git/: a checkout's .git holds credentials (its config can carry the token it was cloned with), so drloop never bundles it`);
    }
    items.sort((a, b) => (a.bundlePath < b.bundlePath ? -1 : a.bundlePath > b.bundlePath ? 1 : 0));
    return { items, alert, warnings };
}

// EXTERNAL MODULE: ./src/history/summary.ts
var summary = __webpack_require__(1048);
// EXTERNAL MODULE: ./src/evidence/s3-uri.ts
var s3_uri = __webpack_require__(9612);
// EXTERNAL MODULE: ./src/evidence/verify.ts
var verify = __webpack_require__(9856);
;// CONCATENATED MODULE: ./src/evidence/run.ts















/** Bundles go here by default: outside the evidence directory, so no bundle ever contains an earlier one. */
const DEFAULT_OUTPUT_DIR = 'drloop-bundles';
/** `{run-id}` and `{run-attempt}` are filled in, so a re-run gets its own artifact. */
const DEFAULT_ARTIFACT_NAME = 'drloop-evidence-{run-id}-{run-attempt}';
const optionalInt = (min, max) => schemas/* string */.YjP().regex(/^\d+$/, 'expected a whole number').transform(Number).pipe(schemas/* number */.aig().int().min(min).max(max)).optional();
/**
 * The inputs of `actions/collect-evidence` and `drloop evidence`. action.yml
 * declares exactly these names with the same defaults (a test holds them together).
 */
const collectEvidenceInputs = schemas/* object */.Ikc({
    'evidence-dir': schemas/* string */.YjP().default(context/* DEFAULT_EVIDENCE_DIR */.C$),
    paths: (0,inputs/* listInput */.dt)(),
    alert: (0,inputs/* textInput */._Z)(),
    redact: (0,inputs/* listInput */.dt)(),
    'output-dir': schemas/* string */.YjP().default(DEFAULT_OUTPUT_DIR),
    's3-uri': (0,inputs/* textInput */._Z)().refine((v) => v === undefined || (0,s3_uri/* parseS3Uri */.yc)(v) !== undefined, 'expected s3://bucket or s3://bucket/prefix'),
    's3-endpoint': (0,inputs/* textInput */._Z)().refine((v) => v === undefined || /^https?:\/\/[^\s/]+/.test(v), 'expected an http:// or https:// URL'),
    's3-force-path-style': (0,inputs/* boolInput */.Hm)(false),
    's3-checksum': (0,inputs/* enumInput */.gX)(['when-supported', 'when-required'], 'when-supported'),
    's3-part-size': (0,inputs/* intInput */.O1)(8, 5, 5120),
    'object-lock-days': optionalInt(1, 36500),
    'object-lock-mode': (0,inputs/* enumInput */.gX)(['GOVERNANCE', 'COMPLIANCE'], 'GOVERNANCE'),
    'artifact-name': schemas/* string */.YjP().default(DEFAULT_ARTIFACT_NAME),
    'retention-days': optionalInt(1, 90),
    /** An empty collection (no file, no alert) fails unless this is set. */
    'allow-empty': (0,inputs/* boolInput */.Hm)(false),
});
/** The commit of the workspace, for a run outside GitHub Actions; null when it is not a git checkout. */
function headCommit(workspace) {
    return new Promise((res) => {
        (0,external_node_child_process_.execFile)('git', ['rev-parse', 'HEAD'], { cwd: workspace, timeout: 10_000 }, (err, stdout) => {
            const sha = String(stdout).trim();
            res(!err && /^[0-9a-f]{40,64}$/.test(sha) ? sha : null);
        });
    });
}
function ruleKinds(rules) {
    return [...new Set(rules.map((r) => r.kind))];
}
/** Picks `<name>` or, if a bundle of that name exists already (same second, same commit), `<stem>-2.tar.gz`, ... */
async function freeName(dir, name) {
    const stem = name.replace(/\.tar\.gz$/, '');
    for (let i = 1;; i++) {
        const candidate = i === 1 ? name : `${stem}-${i}.tar.gz`;
        const taken = await (0,promises_.stat)((0,external_node_path_.join)(dir, candidate)).then(() => true, () => false);
        if (!taken)
            return candidate;
    }
}
/**
 * Gathers, redacts and bundles the evidence, writes it locally, then stores
 * it in S3 and as an artifact when asked. Input problems fail before anything
 * is written. A store that fails does not stop the others; it is reported in
 * `failures` and the local bundle stays for a re-run.
 */
async function runCollectEvidence(inputs, deps) {
    const { logger } = deps;
    const workspace = (0,external_node_path_.resolve)(deps.workspace);
    const context = deps.context ?? {};
    const now = deps.now();
    let extraRules;
    try {
        extraRules = (0,redact/* compileExtraRules */.fI)(inputs.redact);
    }
    catch (err) {
        throw new errors/* ConfigurationError */.j1(`input 'redact': ${(0,errors/* describeError */.Uc)(err)}`);
    }
    const target = inputs['s3-uri'] ? (0,s3_uri/* parseS3Uri */.yc)(inputs['s3-uri']) : null;
    if (inputs['object-lock-days'] !== undefined && !target)
        throw new errors/* ConfigurationError */.j1("input 'object-lock-days': needs 's3-uri' (Object Lock is an S3 feature)");
    const outputDir = (0,external_node_path_.resolve)(workspace, inputs['output-dir']);
    const gathered = await gatherEvidence({
        workspace,
        evidenceDir: inputs['evidence-dir'],
        paths: inputs.paths,
        alert: inputs.alert,
        outputDir: inputs['output-dir'],
        logger,
    });
    if (gathered.items.length > verify/* MAX_ENTRIES */.Sd) {
        throw new errors/* ConfigurationError */.j1(`${gathered.items.length} files to collect, more than the ${verify/* MAX_ENTRIES */.Sd} a bundle may hold (verify-evidence refuses larger ones); narrow 'paths' or 'evidence-dir'`);
    }
    if (gathered.items.length === 0) {
        if (!inputs['allow-empty']) {
            throw new errors/* ConfigurationError */.j1(`nothing to collect: no file under evidence-dir '${inputs['evidence-dir']}'${inputs.paths.length > 0 ? ', none matching paths' : ''} and no alert; a DR run leaves receipts there, so this usually means the wrong directory. Set allow-empty (--allow-empty) to write a bundle that holds only its manifest`);
        }
        const m = 'nothing to collect: the bundle holds only its manifest (allow-empty is set)';
        gathered.warnings.push(m);
        logger.warning(m);
    }
    const warnings = [...gathered.warnings];
    const commit = context.sha ?? (await (deps.headCommit ?? headCommit)(workspace));
    const allRules = [...redact/* BUILTIN_RULES */.Yb, ...extraRules];
    const metadata = (0,evidence_manifest/* redactDeep */.KL)(await (0,evidence_manifest/* readMetadata */._6)(gathered.items, gathered.alert, context, commit, (m) => {
        warnings.push(m);
        logger.warning(m);
    }), allRules);
    const name = await freeName(outputDir, bundleName(now, commit));
    const bundle = await logger.group(`Bundling ${gathered.items.length} file(s) into ${name}`, () => writeBundle({
        items: gathered.items,
        outputDir,
        name,
        extraRules,
        warn: (m) => logger.warning(m),
        manifest: (files, bundleWarnings) => {
            const byKind = {};
            for (const f of files)
                for (const [k, n] of Object.entries(f.redactions))
                    byKind[k] = (byKind[k] ?? 0) + n;
            return {
                schema: evidence_manifest/* MANIFEST_SCHEMA */.KB,
                createdAt: now.toISOString(),
                bundle: name,
                ...metadata,
                summary: (0,summary/* summarize */.eh)(metadata, now.toISOString()),
                sources: {
                    evidenceDir: (0,redact/* redact */.E$)(inputs['evidence-dir'], allRules).text,
                    paths: inputs.paths.map((p) => (0,redact/* redact */.E$)(p, allRules).text),
                    alert: gathered.items.find((i) => i.source === 'alert')?.origin ?? null,
                },
                redaction: {
                    rules: ruleKinds(allRules),
                    total: Object.values(byKind).reduce((a, b) => a + b, 0),
                    byKind,
                    notInspected: files.filter((f) => f.redaction === 'not-inspected').length,
                },
                warnings: (0,evidence_manifest/* redactDeep */.KL)([...warnings, ...bundleWarnings], allRules),
                files,
            };
        },
    }));
    const uninspected = bundle.manifest.files.filter((f) => f.redaction === 'not-inspected');
    if (uninspected.length > 0) {
        logger.warning(`${uninspected.length} file(s) stored as found, their content could not be inspected for secrets: ${uninspected.map((f) => `${f.path} (${f.note ?? f.content})`).join(', ')}`);
    }
    // Beside the bundle: its checksum in `sha256sum -c` format and a readable copy of the manifest.
    const side = (0,verify/* sidecarPaths */.g9)(bundle.path);
    await (0,fs_atomic/* writeFileAtomic */.Z)(side.sha256, `${bundle.sha256}  ${(0,external_node_path_.basename)(bundle.path)}\n`);
    await (0,fs_atomic/* writeFileAtomic */.Z)(side.manifest, bundle.manifestBytes);
    logger.info(`Bundle ${displayPath(workspace, bundle.path)}: ${bundle.size} bytes, sha256 ${bundle.sha256}, ${bundle.manifest.files.length} file(s), ${bundle.manifest.redaction.total} value(s) redacted`);
    const result = {
        name,
        bundlePath: bundle.path,
        manifestPath: side.manifest,
        bundleDisplayPath: displayPath(workspace, bundle.path),
        manifestDisplayPath: displayPath(workspace, side.manifest),
        sha256: bundle.sha256,
        size: bundle.size,
        manifest: bundle.manifest,
        s3: null,
        artifact: null,
        failures: [],
    };
    if (target) {
        try {
            const s3 = await Promise.all(/* import() */[__webpack_require__.e(711), __webpack_require__.e(827)]).then(__webpack_require__.bind(__webpack_require__, 2827));
            const options = { endpoint: inputs['s3-endpoint'], forcePathStyle: inputs['s3-force-path-style'], checksum: inputs['s3-checksum'], region: deps.s3Region };
            const client = await (deps.s3Client ?? s3.createS3Client)(options);
            try {
                const stored = await logger.group(`Storing in ${inputs['s3-uri']}`, () => s3.storeBundle({
                    client,
                    target,
                    bundlePath: bundle.path,
                    name,
                    sha256: bundle.sha256,
                    size: bundle.size,
                    manifestBytes: bundle.manifestBytes,
                    partSizeMiB: inputs['s3-part-size'],
                    objectLock: inputs['object-lock-days'] !== undefined ? { mode: inputs['object-lock-mode'], days: inputs['object-lock-days'] } : undefined,
                    pointer: {
                        createdAt: now.toISOString(),
                        gitSha: commit,
                        runId: context.runId ?? null,
                        runAttempt: context.runAttempt ?? null,
                        repository: context.repository ?? null,
                    },
                    now: deps.now,
                    logger,
                }));
                result.s3 = { bundleUri: stored.bundleUri, pointerUri: stored.pointerUri, retainUntil: stored.retainUntil };
            }
            finally {
                client.destroy();
            }
        }
        catch (err) {
            // Reported once, by the caller, with the local bundle's path; the pointer still names the last verified bundle.
            const message = (0,errors/* describeError */.Uc)(err);
            result.failures.push(`S3: ${message}${message.includes('pointer was not moved') ? '' : '; the pointer was not moved'}`);
        }
    }
    if (deps.artifact && inputs['artifact-name'].trim() !== '') {
        const artifactName = inputs['artifact-name'].replaceAll('{run-id}', context.runId ?? 'local').replaceAll('{run-attempt}', context.runAttempt ?? '1');
        try {
            const options = {};
            if (inputs['retention-days'] !== undefined)
                options.retentionDays = inputs['retention-days'];
            const res = await deps.artifact.uploadArtifact(artifactName, [bundle.path, side.sha256, side.manifest], (0,external_node_path_.dirname)(bundle.path), options);
            const id = res.id ?? null;
            const url = id !== null && context.runUrl ? `${context.runUrl}/artifacts/${id}` : null;
            result.artifact = { name: artifactName, id, url };
            logger.info(`Uploaded artifact ${artifactName}${id !== null ? ` (id ${id})` : ''}`);
        }
        catch (err) {
            result.failures.push(`artifact ${artifactName}: ${(0,errors/* describeError */.Uc)(err)}`);
        }
    }
    return result;
}
function collectEvidenceOutputs(r) {
    return {
        'bundle-path': r.bundleDisplayPath,
        'bundle-sha256': r.sha256,
        'manifest-path': r.manifestDisplayPath,
        'bundle-uri': r.s3?.bundleUri ?? '',
        'pointer-uri': r.s3?.pointerUri ?? '',
        'artifact-id': r.artifact?.id !== null && r.artifact?.id !== undefined ? String(r.artifact.id) : '',
        'artifact-url': r.artifact?.url ?? '',
    };
}
/** What the summary needs about where the bundle went. */
function destinationsOf(r) {
    return { localPath: r.bundleDisplayPath, sha256: r.sha256, size: r.size, s3: r.s3, artifact: r.artifact, failures: r.failures };
}


/***/ }),

/***/ 1048:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   eh: () => (/* binding */ summarize),
/* harmony export */   hX: () => (/* binding */ summaryOfManifest)
/* harmony export */ });
/* unused harmony export manifestForHistorySchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2716);

/** Derives the summary from the metadata the manifest already carries (so an older manifest gets the same row). */
function summarize(m, createdAt) {
    return {
        plan: m.drill?.plan?.name ?? null,
        runId: m.drill?.runId ?? null,
        date: m.drill?.startedAt ?? createdAt,
        mode: m.drill?.mode ?? m.cost?.mode ?? null,
        target: m.cost?.target ?? null,
        decision: m.cost?.decision ?? null,
        status: m.drill?.status ?? null,
        rtoSeconds: m.objectives.rtoSeconds,
        rpoSeconds: m.objectives.rpoSeconds,
        rtoObjectiveSeconds: m.objectives.rtoObjectiveSeconds,
        rpoObjectiveSeconds: m.objectives.rpoObjectiveSeconds,
        rtoMet: m.objectives.rtoMet,
        rpoMet: m.objectives.rpoMet,
        runUrl: m.run.runUrl,
    };
}
const str = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
    .nullish()
    .catch(null)
    .transform((v) => v ?? null);
const num = zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig()
    .finite()
    .nullish()
    .catch(null)
    .transform((v) => v ?? null);
const bool = zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY()
    .nullish()
    .catch(null)
    .transform((v) => v ?? null);
const summarySchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({
    plan: str,
    runId: str,
    date: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    mode: str,
    target: str,
    decision: str,
    status: str,
    rtoSeconds: num,
    rpoSeconds: num,
    rtoObjectiveSeconds: num,
    rpoObjectiveSeconds: num,
    rtoMet: bool,
    rpoMet: bool,
    runUrl: str,
});
/**
 * What history reads from a manifest, leniently: every manifest drloop ever
 * wrote parses, and a field it lacks is an unknown, never an error.
 */
const manifestForHistorySchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({
    schema: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz('drloop.evidence-manifest/v1'),
    createdAt: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    bundle: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullish(),
    summary: summarySchema.optional().catch(undefined),
    run: zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({ runUrl: str }).nullish().catch(null),
    cost: zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({ decision: str, mode: str, target: str }).nullish().catch(null),
    drill: zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({ runId: str, mode: str, status: str, startedAt: str, plan: zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({ name: str }).nullish().catch(null) })
        .nullish()
        .catch(null),
    objectives: zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({ rtoSeconds: num, rpoSeconds: num, rtoObjectiveSeconds: num, rpoObjectiveSeconds: num, rtoMet: bool, rpoMet: bool }).nullish().catch(null),
});
/** The history row of a manifest: its summary block, else derived from the fields an older manifest has. */
function summaryOfManifest(data) {
    const parsed = manifestForHistorySchema.safeParse(data);
    if (!parsed.success)
        return null;
    const m = parsed.data;
    if (m.summary)
        return { summary: m.summary, source: 'summary', createdAt: m.createdAt };
    const o = m.objectives;
    const summary = summarize({
        run: { runUrl: m.run?.runUrl ?? null },
        cost: m.cost ? { decision: m.cost.decision ?? '', mode: m.cost.mode, target: m.cost.target } : null,
        drill: m.drill ? { runId: m.drill.runId ?? '', mode: m.drill.mode, status: m.drill.status, startedAt: m.drill.startedAt, plan: m.drill.plan ?? null } : null,
        objectives: {
            rtoSeconds: o?.rtoSeconds ?? null,
            rpoSeconds: o?.rpoSeconds ?? null,
            rtoObjectiveSeconds: o?.rtoObjectiveSeconds ?? null,
            rpoObjectiveSeconds: o?.rpoObjectiveSeconds ?? null,
            rtoMet: o?.rtoMet ?? null,
            rpoMet: o?.rpoMet ?? null,
        },
    }, m.createdAt);
    if (summary.decision === '')
        summary.decision = null;
    if (summary.runId === '')
        summary.runId = null;
    return { summary, source: m.drill || m.cost ? 'manifest' : 'none', createdAt: m.createdAt };
}


/***/ })

};
