export const id = 811;
export const ids = [811];
export const modules = {

/***/ 2811:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   serveBundleJob: () => (/* binding */ serveBundleJob),
/* harmony export */   writeBundleInWorker: () => (/* binding */ writeBundleInWorker)
/* harmony export */ });
/* harmony import */ var _worker_job_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9587);
/* harmony import */ var _bundle_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4997);


const asBuffer = (u) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);
async function writeBundleInWorker(workers, options) {
    const { items, outputDir, name, extraRules } = options;
    const data = { items, outputDir, name, extraRules };
    let manifest;
    const r = await (0,_worker_job_js__WEBPACK_IMPORTED_MODULE_0__/* .runJob */ .b5)(workers, 'bundle', data, {
        warn: (m) => options.warn(m),
        manifest: async (p) => (manifest = await options.manifest(p.files, p.warnings)),
    });
    // The manifest is the one built here (the worker's is a copy of it); Buffers arrive as plain Uint8Arrays.
    return { ...r, manifest: manifest, manifestBytes: asBuffer(r.manifestBytes) };
}
/** The worker's side: the bundle itself. */
async function serveBundleJob(data, channel) {
    const items = data.items.map((i) => (i.data ? { ...i, data: asBuffer(i.data) } : i));
    const { manifest: _copy, ...r } = await (0,_bundle_js__WEBPACK_IMPORTED_MODULE_1__/* .writeBundle */ .Mf)({
        ...data,
        items,
        warn: (m) => channel.tell('warn', m),
        manifest: (files, warnings) => channel.call('manifest', { files, warnings }),
    });
    return r;
}


/***/ }),

/***/ 4997:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mf: () => (/* binding */ writeBundle),
/* harmony export */   u1: () => (/* binding */ bundleName)
/* harmony export */ });
/* unused harmony exports MAX_INFLATED_BYTES, classifyContent */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_5___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_5__);
/* harmony import */ var node_string_decoder__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6193);
/* harmony import */ var node_string_decoder__WEBPACK_IMPORTED_MODULE_6___default = /*#__PURE__*/__webpack_require__.n(node_string_decoder__WEBPACK_IMPORTED_MODULE_6__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_7___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_7__);
/* harmony import */ var tar_stream__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(6118);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(3916);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(6670);
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(9240);
/* harmony import */ var _redact_stream_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(5197);













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
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(outputDir, { recursive: true });
    const finalPath = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(outputDir, name);
    const tmpPath = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(outputDir, `.${name}.${process.pid}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}.partial`);
    const spoolDir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(outputDir, '.spool-'));
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    let size = 0;
    const tap = new node_stream__WEBPACK_IMPORTED_MODULE_4__.Transform({
        transform(chunk, _enc, cb) {
            hash.update(chunk);
            size += chunk.length;
            cb(null, chunk);
        },
    });
    const pack = (0,tar_stream__WEBPACK_IMPORTED_MODULE_8__.pack)();
    const out = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.open)(tmpPath, 'wx', 0o644);
    const written = (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_5__.pipeline)(pack, (0,node_zlib__WEBPACK_IMPORTED_MODULE_7__.createGzip)({ level: 6, chunkSize: GZIP_CHUNK, writableHighWaterMark: GZIP_QUEUE }), tap, out.createWriteStream());
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
                const named = (0,_redact_js__WEBPACK_IMPORTED_MODULE_10__/* .redact */ .E$)(item.bundlePath, options.extraRules);
                let name = named.text;
                for (let i = 2; names.has(name); i++)
                    name = `${named.text}~${i}`;
                names.add(name);
                const redacted = { ...item, origin: (0,_redact_js__WEBPACK_IMPORTED_MODULE_10__/* .redact */ .E$)(item.origin, options.extraRules).text };
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
            manifest = await options.manifest(files, extraWarnings);
            manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
            await writeEntry(pack, { name: _manifest_js__WEBPACK_IMPORTED_MODULE_11__/* .MANIFEST_NAME */ .ir, size: manifestBytes.length, mtime: new Date(manifest.createdAt) }, manifestBytes);
            pack.finalize();
        };
        await Promise.all([produce(), written]);
        const flush = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.open)(tmpPath, 'r+');
        try {
            await flush.sync();
        }
        finally {
            await flush.close();
        }
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rename)(tmpPath, finalPath);
    }
    catch (err) {
        pack.destroy();
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(tmpPath, { force: true });
        throw err;
    }
    finally {
        await out.close().catch(() => undefined);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(spoolDir, { recursive: true, force: true });
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
    return { content: (0,_redact_stream_js__WEBPACK_IMPORTED_MODULE_12__/* .looksBinary */ .Wb)(head) ? 'binary' : 'text' };
}
/**
 * Redacted output on its way into the archive: hashed and counted as it
 * comes, kept in memory up to IN_MEMORY_LIMIT and spooled to disk past it (a
 * tar header needs the size before the body).
 */
class Collector {
    hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    size = 0;
    chunks = [];
    file;
    path;
    constructor(spoolDir) {
        this.path = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(spoolDir, (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(8).toString('hex'));
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
            this.file = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.open)(this.path, 'wx', 0o600);
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
        const spooled = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.open)(this.path, 'r');
        try {
            await writeEntry(pack, { name, size: this.size, mtime }, readExactly(spooled, this.size));
        }
        finally {
            await spooled.close();
        }
    }
    async dispose() {
        await this.file?.close().catch(() => undefined);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(this.path, { force: true });
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
    const decode = new node_string_decoder__WEBPACK_IMPORTED_MODULE_6__.StringDecoder('utf16le');
    const reencode = new node_string_decoder__WEBPACK_IMPORTED_MODULE_6__.StringDecoder('utf8');
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
    await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_5__.pipeline)(node_stream__WEBPACK_IMPORTED_MODULE_4__.Readable.from(source), (0,node_zlib__WEBPACK_IMPORTED_MODULE_7__.createGunzip)(), new node_stream__WEBPACK_IMPORTED_MODULE_4__.Transform({
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
    }), (0,node_zlib__WEBPACK_IMPORTED_MODULE_7__.createGzip)({ level: 6 }), new node_stream__WEBPACK_IMPORTED_MODULE_4__.Writable({
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
        handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.open)(item.file, node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_NOFOLLOW | node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_NONBLOCK);
    }
    catch (err) {
        warn(`${item.origin}: skipped, it could not be read (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_9__/* .describeError */ .Uc)(err)})`);
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
            const redactor = new _redact_stream_js__WEBPACK_IMPORTED_MODULE_12__/* .StreamRedactor */ .d6(rules);
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
                const redactor = new _redact_stream_js__WEBPACK_IMPORTED_MODULE_12__/* .StreamRedactor */ .d6(rules);
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
                kind.note = `gzip data that could not be read (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_9__/* .describeError */ .Uc)(err)})`;
            }
            finally {
                await out.dispose();
            }
        }
        const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
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
        throw new Error(`${item.origin}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_9__/* .describeError */ .Uc)(err)}`);
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


/***/ }),

/***/ 5197:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Wb: () => (/* binding */ looksBinary),
/* harmony export */   d6: () => (/* binding */ StreamRedactor),
/* harmony export */   pH: () => (/* binding */ LineRedactor)
/* harmony export */ });
/* unused harmony exports DEFAULT_BLOCK, DEFAULT_WINDOW, redactBuffer, MAX_HELD_CHARS */
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6670);

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
const DEFAULT_BLOCK = 1024 * 1024;
const DEFAULT_WINDOW = 64 * 1024;
class StreamRedactor {
    counts = {};
    total = 0;
    /** Bytes not yet final, kept as the buffers they came in (outside V8's heap, not as a string). */
    pending = [];
    pendingBytes = 0;
    rules;
    block;
    window;
    constructor(extra = [], options = {}) {
        this.rules = (0,_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .compileRules */ .nb)([..._redact_js__WEBPACK_IMPORTED_MODULE_0__/* .BUILTIN_RULES */ .Yb, ...extra]);
        this.block = options.block ?? DEFAULT_BLOCK;
        this.window = options.window ?? DEFAULT_WINDOW;
    }
    /** Feeds bytes; returns the redacted bytes that are final so far (possibly none). The bytes must not change afterwards. */
    push(chunk) {
        if (chunk.byteLength === 0)
            return Buffer.alloc(0);
        this.pending.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        this.pendingBytes += chunk.byteLength;
        if (this.pendingBytes < this.block + this.window)
            return Buffer.alloc(0);
        return this.flush(false);
    }
    /** Ends the input; returns the rest of the redacted bytes. */
    end() {
        return this.flush(true);
    }
    /**
     * Scans the pending bytes as one Latin-1 string. A block of a MiB or more
     * becomes a string whose characters stay outside V8's heap (Node makes
     * large decoded strings external), so the garbage collector never copies
     * or promotes it; the output is assembled from the bytes, not from slices
     * of the text.
     */
    flush(final) {
        if (this.pendingBytes === 0)
            return Buffer.alloc(0);
        const bytes = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending, this.pendingBytes);
        this.pending = [];
        this.pendingBytes = 0;
        const text = bytes.toString('latin1');
        const matches = (0,_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .findMatches */ .Np)(text, this.rules);
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
        const spans = (0,_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redactedSpans */ .e$)(matches, cut, this.counts);
        this.total += spans.length;
        if (cut < bytes.length) {
            this.pending = [bytes.subarray(cut)];
            this.pendingBytes = bytes.length - cut;
        }
        if (spans.length === 0)
            return bytes.subarray(0, cut);
        let size = cut;
        for (const s of spans)
            size += s.replacement.length - (s.to - s.from);
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
function redactBuffer(data, extra = []) {
    const r = new StreamRedactor(extra, { block: Number.POSITIVE_INFINITY });
    const out = Buffer.concat([r.push(data), r.end()]);
    return { data: out, counts: r.counts, total: r.total };
}
/** Git's rule of thumb: a NUL byte in the first 8000 bytes makes a file binary. */
function looksBinary(head) {
    return head.subarray(0, 8000).includes(0);
}
const BEGIN_KEY = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/;
const END_KEY = /-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/;
/** A line that can be part of a PEM/PGP block: base64, an armour header (`Proc-Type: …`), or blank. */
const KEY_LINE = /^\s*(?:[A-Za-z0-9+/=]*|(?:Proc-Type|DEK-Info|Version|Comment|Hash|Charset|MessageID): .*)\s*$/;
/** The most text a LineRedactor holds back while it waits for the end of a private key. */
const MAX_HELD_CHARS = 64 * 1024;
/**
 * Redaction of a live log, line by line, for output shown as it comes (a
 * step's output in the job log). Each line is redacted and handed back at
 * once, except while a private key block is open: from its BEGIN line, lines
 * are held until its END line, a line that cannot be key material, or
 * `maxHeld` characters, then redacted together, so a multi-line key is never
 * printed. Memory is bounded by `maxHeld`; past it, the block so far is
 * redacted as a truncated key.
 */
class LineRedactor {
    counts = {};
    total = 0;
    held = [];
    heldChars = 0;
    extra;
    maxHeld;
    constructor(extra = [], options = {}) {
        this.extra = extra;
        this.maxHeld = options.maxHeld ?? MAX_HELD_CHARS;
    }
    /** Feeds one line (without its newline); returns the lines that can be shown now. */
    push(line) {
        return this.pushLines([line]);
    }
    /**
     * Feeds lines (without their newlines); returns the lines that can be shown
     * now. The lines that can go are redacted together, as one text, so a
     * chunk of output costs one pass of the rules rather than one per line.
     */
    pushLines(lines) {
        const ready = [];
        for (const line of lines) {
            if (this.held.length === 0) {
                const begin = BEGIN_KEY.exec(line);
                if (!begin || END_KEY.test(line.slice(begin.index)))
                    ready.push(line);
                else {
                    this.held.push(line);
                    this.heldChars = line.length;
                }
                continue;
            }
            this.held.push(line);
            this.heldChars += line.length + 1;
            if (END_KEY.test(line) || !KEY_LINE.test(line) || this.heldChars >= this.maxHeld)
                ready.push(...this.takeHeld());
        }
        return ready.length === 0 ? ready : this.release(ready);
    }
    /**
     * Feeds whole lines joined by `\n` (a batch of output); returns the text
     * that can be shown now, or null when all of it is held. While no key is
     * open or opening, the batch is redacted as it is, without being split.
     */
    pushText(text) {
        if (this.held.length === 0 && !BEGIN_KEY.test(text))
            return this.redactText(text);
        const ready = this.pushLines(text.split('\n'));
        return ready.length === 0 ? null : ready.join('\n');
    }
    /** `end()` as one text, or null when nothing was held. */
    endText() {
        const rest = this.end();
        return rest.length === 0 ? null : rest.join('\n');
    }
    /** Ends the input: whatever is held is redacted and returned. */
    end() {
        return this.held.length === 0 ? [] : this.release(this.takeHeld());
    }
    takeHeld() {
        const lines = this.held;
        this.held = [];
        this.heldChars = 0;
        return lines;
    }
    release(lines) {
        return this.redactText(lines.join('\n')).split('\n');
    }
    redactText(text) {
        const r = (0,_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(text, this.extra);
        for (const k in r.counts)
            this.counts[k] = (this.counts[k] ?? 0) + r.counts[k];
        this.total += r.total;
        return r.text;
    }
}


/***/ })

};
