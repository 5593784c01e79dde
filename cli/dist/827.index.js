export const id = 827;
export const ids = [827];
export const modules = {

/***/ 2358:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {

const { PutObjectCommand, ChecksumAlgorithm, CreateMultipartUploadCommand, AbortMultipartUploadCommand, UploadPartCommand, CompleteMultipartUploadCommand, PutObjectTaggingCommand } = __webpack_require__(3711);
const { toEndpointV1, getEndpointFromInstructions } = __webpack_require__(2085);
const { extendedEncodeURIComponent } = __webpack_require__(3422);
const { EventEmitter } = __webpack_require__(4434);
const { Buffer } = __webpack_require__(181);
const { statSync, ReadStream } = __webpack_require__(3024);
const { Readable } = __webpack_require__(2203);

const runtimeConfigShared = {
    statSync: () => { },
    isFileReadStream(f) {
        return false;
    },
};

const runtimeConfig = {
    ...runtimeConfigShared,
    runtime: "node",
    statSync,
    isFileReadStream(f) {
        return f instanceof ReadStream;
    },
};

const byteLength = (input) => {
    if (input == null) {
        return 0;
    }
    if (typeof input === "string") {
        return Buffer.byteLength(input);
    }
    if (typeof input.byteLength === "number") {
        return input.byteLength;
    }
    else if (typeof input.length === "number") {
        return input.length;
    }
    else if (typeof input.size === "number") {
        return input.size;
    }
    else if (typeof input.start === "number" && typeof input.end === "number") {
        return input.end + 1 - input.start;
    }
    else if (runtimeConfig.isFileReadStream(input)) {
        try {
            return runtimeConfig.statSync(input.path).size;
        }
        catch (error) {
            return undefined;
        }
    }
    return undefined;
};

var BYTE_LENGTH_SOURCE;
(function (BYTE_LENGTH_SOURCE) {
    BYTE_LENGTH_SOURCE["EMPTY_INPUT"] = "a null or undefined Body";
    BYTE_LENGTH_SOURCE["CONTENT_LENGTH"] = "the ContentLength property of the params set by the caller";
    BYTE_LENGTH_SOURCE["STRING_LENGTH"] = "the encoded byte length of the Body string";
    BYTE_LENGTH_SOURCE["TYPED_ARRAY"] = "the byteLength of a typed byte array such as Uint8Array";
    BYTE_LENGTH_SOURCE["LENGTH"] = "the value of Body.length";
    BYTE_LENGTH_SOURCE["SIZE"] = "the value of Body.size";
    BYTE_LENGTH_SOURCE["START_END_DIFF"] = "the numeric difference between Body.start and Body.end";
    BYTE_LENGTH_SOURCE["STAT"] = "the size of the file given by Body.path on disk as reported by statSync";
})(BYTE_LENGTH_SOURCE || (BYTE_LENGTH_SOURCE = {}));
const byteLengthSource = (input, override) => {
    if (override != null) {
        return BYTE_LENGTH_SOURCE.CONTENT_LENGTH;
    }
    if (input == null) {
        return BYTE_LENGTH_SOURCE.EMPTY_INPUT;
    }
    if (typeof input === "string") {
        return BYTE_LENGTH_SOURCE.STRING_LENGTH;
    }
    if (typeof input.byteLength === "number") {
        return BYTE_LENGTH_SOURCE.TYPED_ARRAY;
    }
    else if (typeof input.length === "number") {
        return BYTE_LENGTH_SOURCE.LENGTH;
    }
    else if (typeof input.size === "number") {
        return BYTE_LENGTH_SOURCE.SIZE;
    }
    else if (typeof input.start === "number" && typeof input.end === "number") {
        return BYTE_LENGTH_SOURCE.START_END_DIFF;
    }
    else if (runtimeConfig.isFileReadStream(input)) {
        try {
            runtimeConfig.statSync(input.path).size;
            return BYTE_LENGTH_SOURCE.STAT;
        }
        catch (error) {
            return undefined;
        }
    }
    return undefined;
};

async function* getChunkStream(data, partSize, getNextData) {
    let partNumber = 1;
    const currentBuffer = { chunks: [], length: 0 };
    for await (const datum of getNextData(data)) {
        currentBuffer.chunks.push(datum);
        currentBuffer.length += datum.byteLength;
        while (currentBuffer.length > partSize) {
            const dataChunk = currentBuffer.chunks.length > 1 ? Buffer.concat(currentBuffer.chunks) : currentBuffer.chunks[0];
            yield {
                partNumber,
                data: dataChunk.subarray(0, partSize),
            };
            currentBuffer.chunks = [dataChunk.subarray(partSize)];
            currentBuffer.length = currentBuffer.chunks[0].byteLength;
            partNumber += 1;
        }
    }
    yield {
        partNumber,
        data: currentBuffer.chunks.length !== 1 ? Buffer.concat(currentBuffer.chunks) : currentBuffer.chunks[0],
        lastPart: true,
    };
}

async function* getChunkUint8Array(data, partSize) {
    let partNumber = 1;
    let startByte = 0;
    let endByte = partSize;
    while (endByte < data.byteLength) {
        yield {
            partNumber,
            data: data.subarray(startByte, endByte),
        };
        partNumber += 1;
        startByte = endByte;
        endByte = startByte + partSize;
    }
    yield {
        partNumber,
        data: data.subarray(startByte),
        lastPart: true,
    };
}

async function* getDataReadable(data) {
    for await (const chunk of data) {
        if (Buffer.isBuffer(chunk) || chunk instanceof Uint8Array) {
            yield chunk;
        }
        else {
            yield Buffer.from(chunk);
        }
    }
}

async function* getDataReadableStream(data) {
    const reader = data.getReader();
    try {
        while (true) {
            const { done, value } = await reader.read();
            if (done) {
                return;
            }
            if (Buffer.isBuffer(value) || value instanceof Uint8Array) {
                yield value;
            }
            else {
                yield Buffer.from(value);
            }
        }
    }
    catch (e) {
        throw e;
    }
    finally {
        reader.releaseLock();
    }
}

const getChunk = (data, partSize) => {
    if (data instanceof Uint8Array) {
        return getChunkUint8Array(data, partSize);
    }
    if (data instanceof Readable) {
        return getChunkStream(data, partSize, getDataReadable);
    }
    if (data instanceof String || typeof data === "string") {
        return getChunkUint8Array(Buffer.from(data), partSize);
    }
    if (typeof data.stream === "function") {
        return getChunkStream(data.stream(), partSize, getDataReadableStream);
    }
    if (data instanceof ReadableStream) {
        return getChunkStream(data, partSize, getDataReadableStream);
    }
    throw new Error("Body Data is unsupported format, expected data to be one of: string | Uint8Array | Buffer | Readable | ReadableStream | Blob;.");
};

class Upload extends EventEmitter {
    static MIN_PART_SIZE = 1024 * 1024 * 5;
    MAX_PARTS = 10_000;
    queueSize = 4;
    partSize;
    leavePartsOnError = false;
    tags = [];
    client;
    params;
    totalBytes;
    totalBytesSource;
    bytesUploadedSoFar;
    abortController;
    concurrentUploaders = [];
    createMultiPartPromise;
    abortMultipartUploadCommand = null;
    uploadedParts = [];
    uploadEnqueuedPartsCount = 0;
    expectedPartsCount;
    uploadId;
    uploadEvent;
    isMultiPart = true;
    singleUploadResult;
    sent = false;
    constructor(options) {
        super();
        this.queueSize = options.queueSize || this.queueSize;
        this.leavePartsOnError = options.leavePartsOnError || this.leavePartsOnError;
        this.tags = options.tags || this.tags;
        this.client = options.client;
        this.params = options.params;
        if (!this.params) {
            throw new Error(`InputError: Upload requires params to be passed to upload.`);
        }
        this.totalBytes = this.params.ContentLength ?? byteLength(this.params.Body);
        this.totalBytesSource = byteLengthSource(this.params.Body, this.params.ContentLength);
        this.bytesUploadedSoFar = 0;
        this.abortController = options.abortController ?? new AbortController();
        this.partSize =
            options.partSize || Math.max(Upload.MIN_PART_SIZE, Math.ceil((this.totalBytes || 0) / this.MAX_PARTS));
        if (this.totalBytes !== undefined) {
            this.expectedPartsCount = Math.ceil(this.totalBytes / this.partSize);
        }
        this.__validateInput();
    }
    async abort() {
        this.abortController.abort();
    }
    async done() {
        if (this.sent) {
            throw new Error("@aws-sdk/lib-storage: this instance of Upload has already executed .done(). Create a new instance.");
        }
        this.sent = true;
        return await Promise.race([this.__doMultipartUpload(), this.__abortTimeout(this.abortController.signal)]);
    }
    on(event, listener) {
        this.uploadEvent = event;
        return super.on(event, listener);
    }
    async __uploadUsingPut(dataPart) {
        this.isMultiPart = false;
        const params = { ...this.params, Body: dataPart.data };
        const clientConfig = this.client.config;
        const requestHandler = clientConfig.requestHandler;
        const eventEmitter = requestHandler instanceof EventEmitter ? requestHandler : null;
        const uploadEventListener = (event) => {
            this.bytesUploadedSoFar = event.loaded;
            this.totalBytes = event.total;
            this.__notifyProgress({
                loaded: this.bytesUploadedSoFar,
                total: this.totalBytes,
                part: dataPart.partNumber,
                Key: this.params.Key,
                Bucket: this.params.Bucket,
            });
        };
        if (eventEmitter !== null) {
            eventEmitter.on("xhr.upload.progress", uploadEventListener);
        }
        const resolved = await Promise.all([this.client.send(new PutObjectCommand(params)), clientConfig?.endpoint?.()]);
        const putResult = resolved[0];
        let endpoint = resolved[1];
        if (!endpoint) {
            endpoint = toEndpointV1(await getEndpointFromInstructions(params, PutObjectCommand, {
                ...clientConfig,
            }));
        }
        if (!endpoint) {
            throw new Error('Could not resolve endpoint from S3 "client.config.endpoint()" nor EndpointsV2.');
        }
        if (eventEmitter !== null) {
            eventEmitter.off("xhr.upload.progress", uploadEventListener);
        }
        const locationKey = this.params
            .Key.split("/")
            .map((segment) => extendedEncodeURIComponent(segment))
            .join("/");
        const locationBucket = extendedEncodeURIComponent(this.params.Bucket);
        const Location = (() => {
            const endpointHostnameIncludesBucket = endpoint.hostname.startsWith(`${locationBucket}.`);
            const forcePathStyle = this.client.config.forcePathStyle;
            const optionalPort = endpoint.port ? `:${endpoint.port}` : ``;
            if (forcePathStyle) {
                return `${endpoint.protocol}//${endpoint.hostname}${optionalPort}/${locationBucket}/${locationKey}`;
            }
            if (endpointHostnameIncludesBucket) {
                return `${endpoint.protocol}//${endpoint.hostname}${optionalPort}/${locationKey}`;
            }
            return `${endpoint.protocol}//${locationBucket}.${endpoint.hostname}${optionalPort}/${locationKey}`;
        })();
        this.singleUploadResult = {
            ...putResult,
            Bucket: this.params.Bucket,
            Key: this.params.Key,
            Location,
        };
        const totalSize = byteLength(dataPart.data);
        this.__notifyProgress({
            loaded: totalSize,
            total: totalSize,
            part: 1,
            Key: this.params.Key,
            Bucket: this.params.Bucket,
        });
    }
    async __createMultipartUpload() {
        const requestChecksumCalculation = await this.client.config.requestChecksumCalculation();
        if (!this.createMultiPartPromise) {
            const createCommandParams = { ...this.params, Body: undefined };
            if (requestChecksumCalculation === "WHEN_SUPPORTED") {
                createCommandParams.ChecksumAlgorithm = this.params.ChecksumAlgorithm || ChecksumAlgorithm.CRC32;
            }
            this.createMultiPartPromise = this.client
                .send(new CreateMultipartUploadCommand(createCommandParams))
                .then((createMpuResponse) => {
                this.abortMultipartUploadCommand = new AbortMultipartUploadCommand({
                    Bucket: this.params.Bucket,
                    Key: this.params.Key,
                    UploadId: createMpuResponse.UploadId,
                });
                return createMpuResponse;
            });
        }
        return this.createMultiPartPromise;
    }
    async __doConcurrentUpload(dataFeeder) {
        for await (const dataPart of dataFeeder) {
            if (this.uploadEnqueuedPartsCount > this.MAX_PARTS) {
                throw new Error(`Exceeded ${this.MAX_PARTS} parts in multipart upload to Bucket: ${this.params.Bucket} Key: ${this.params.Key}.`);
            }
            if (this.abortController.signal.aborted) {
                return;
            }
            if (dataPart.partNumber === 1 && dataPart.lastPart) {
                return await this.__uploadUsingPut(dataPart);
            }
            if (!this.uploadId) {
                const { UploadId } = await this.__createMultipartUpload();
                this.uploadId = UploadId;
                if (this.abortController.signal.aborted) {
                    return;
                }
            }
            const partSize = byteLength(dataPart.data) || 0;
            const requestHandler = this.client.config.requestHandler;
            const eventEmitter = requestHandler instanceof EventEmitter ? requestHandler : null;
            let lastSeenBytes = 0;
            const uploadEventListener = (event, request) => {
                const requestPartSize = Number(request.query["partNumber"]) || -1;
                if (requestPartSize !== dataPart.partNumber) {
                    return;
                }
                if (event.total && partSize) {
                    this.bytesUploadedSoFar += event.loaded - lastSeenBytes;
                    lastSeenBytes = event.loaded;
                }
                this.__notifyProgress({
                    loaded: this.bytesUploadedSoFar,
                    total: this.totalBytes,
                    part: dataPart.partNumber,
                    Key: this.params.Key,
                    Bucket: this.params.Bucket,
                });
            };
            if (eventEmitter !== null) {
                eventEmitter.on("xhr.upload.progress", uploadEventListener);
            }
            this.uploadEnqueuedPartsCount += 1;
            this.__validateUploadPart(dataPart);
            const partResult = await this.client.send(new UploadPartCommand({
                ...this.params,
                ContentLength: undefined,
                UploadId: this.uploadId,
                Body: dataPart.data,
                PartNumber: dataPart.partNumber,
            }));
            if (eventEmitter !== null) {
                eventEmitter.off("xhr.upload.progress", uploadEventListener);
            }
            if (this.abortController.signal.aborted) {
                return;
            }
            if (!partResult.ETag) {
                throw new Error(`Part ${dataPart.partNumber} is missing ETag in UploadPart response. Missing Bucket CORS configuration for ETag header?`);
            }
            this.uploadedParts.push({
                PartNumber: dataPart.partNumber,
                ETag: partResult.ETag,
                ...(partResult.ChecksumCRC32 && { ChecksumCRC32: partResult.ChecksumCRC32 }),
                ...(partResult.ChecksumCRC32C && { ChecksumCRC32C: partResult.ChecksumCRC32C }),
                ...(partResult.ChecksumCRC64NVME && { ChecksumCRC64NVME: partResult.ChecksumCRC64NVME }),
                ...(partResult.ChecksumSHA1 && { ChecksumSHA1: partResult.ChecksumSHA1 }),
                ...(partResult.ChecksumSHA256 && { ChecksumSHA256: partResult.ChecksumSHA256 }),
            });
            if (eventEmitter === null) {
                this.bytesUploadedSoFar += partSize;
            }
            this.__notifyProgress({
                loaded: this.bytesUploadedSoFar,
                total: this.totalBytes,
                part: dataPart.partNumber,
                Key: this.params.Key,
                Bucket: this.params.Bucket,
            });
        }
    }
    async __doMultipartUpload() {
        const dataFeeder = getChunk(this.params.Body, this.partSize);
        const concurrentUploaderFailures = [];
        for (let index = 0; index < this.queueSize; index++) {
            const currentUpload = this.__doConcurrentUpload(dataFeeder).catch((err) => {
                concurrentUploaderFailures.push(err);
            });
            this.concurrentUploaders.push(currentUpload);
        }
        await Promise.all(this.concurrentUploaders);
        if (concurrentUploaderFailures.length >= 1) {
            await this.markUploadAsAborted();
            throw concurrentUploaderFailures[0];
        }
        if (this.abortController.signal.aborted) {
            await this.markUploadAsAborted();
            throw Object.assign(new Error("Upload aborted."), { name: "AbortError" });
        }
        let result;
        if (this.isMultiPart) {
            const { expectedPartsCount, uploadedParts, totalBytes, totalBytesSource } = this;
            if (totalBytes !== undefined && expectedPartsCount !== undefined && uploadedParts.length !== expectedPartsCount) {
                await this.markUploadAsAborted();
                throw new Error(`Expected ${expectedPartsCount} part(s) but uploaded ${uploadedParts.length} part(s).
The expected part count is based on the byte-count of the input.params.Body,
which was read from ${totalBytesSource} and is ${totalBytes}.
If this is not correct, provide an override value by setting a number
to input.params.ContentLength in bytes.
`);
            }
            this.uploadedParts.sort((a, b) => a.PartNumber - b.PartNumber);
            const uploadCompleteParams = {
                ...this.params,
                Body: undefined,
                UploadId: this.uploadId,
                MultipartUpload: {
                    Parts: this.uploadedParts,
                },
            };
            try {
                result = await this.client.send(new CompleteMultipartUploadCommand(uploadCompleteParams));
            }
            catch (e) {
                await this.markUploadAsAborted().catch((abortError) => {
                    if (e instanceof Error && e.cause === undefined) {
                        e.cause = abortError;
                    }
                });
                throw e;
            }
            if (typeof result?.Location === "string" && result.Location.includes("%2F")) {
                result.Location = result.Location.replace(/%2F/g, "/");
            }
        }
        else {
            result = this.singleUploadResult;
        }
        this.abortMultipartUploadCommand = null;
        if (this.tags.length) {
            await this.client.send(new PutObjectTaggingCommand({
                ...this.params,
                Tagging: {
                    TagSet: this.tags,
                },
            }));
        }
        return result;
    }
    async markUploadAsAborted() {
        if (this.uploadId && !this.leavePartsOnError && null !== this.abortMultipartUploadCommand) {
            await this.client.send(this.abortMultipartUploadCommand);
            this.abortMultipartUploadCommand = null;
        }
    }
    __notifyProgress(progress) {
        if (this.uploadEvent) {
            this.emit(this.uploadEvent, progress);
        }
    }
    async __abortTimeout(abortSignal) {
        return new Promise((resolve, reject) => {
            abortSignal.onabort = () => {
                const abortError = new Error("Upload aborted.");
                abortError.name = "AbortError";
                reject(abortError);
            };
        });
    }
    __validateUploadPart(dataPart) {
        const actualPartSize = byteLength(dataPart.data);
        if (actualPartSize === undefined) {
            throw new Error(`A dataPart was generated without a measurable data chunk size for part number ${dataPart.partNumber}`);
        }
        if (dataPart.partNumber === 1 && dataPart.lastPart) {
            return;
        }
        if (!dataPart.lastPart && actualPartSize !== this.partSize) {
            throw new Error(`The byte size for part number ${dataPart.partNumber}, size ${actualPartSize} does not match expected size ${this.partSize}`);
        }
    }
    __validateInput() {
        if (!this.client) {
            throw new Error(`InputError: Upload requires a AWS client to do uploads with.`);
        }
        if (this.partSize < Upload.MIN_PART_SIZE) {
            throw new Error(`EntityTooSmall: Your proposed upload part size [${this.partSize}] is smaller than the minimum allowed size [${Upload.MIN_PART_SIZE}] (5MB)`);
        }
        if (this.queueSize < 1) {
            throw new Error(`Queue size: Must have at least one uploading queue.`);
        }
    }
}

exports._ = Upload;


/***/ }),

/***/ 2827:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   StoreError: () => (/* binding */ StoreError),
/* harmony export */   attempt: () => (/* binding */ attempt),
/* harmony export */   createS3Client: () => (/* binding */ createS3Client),
/* harmony export */   openObject: () => (/* binding */ openObject),
/* harmony export */   readBackObject: () => (/* binding */ readBackObject),
/* harmony export */   storeBundle: () => (/* binding */ storeBundle)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3711);
/* harmony import */ var _aws_sdk_lib_storage__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2358);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _verify_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9856);
/* harmony import */ var _s3_uri_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9612);
/**
 * Everything drloop does with S3. This module is only ever loaded with a
 * dynamic import, on the paths that use S3, so the AWS SDK costs nothing to a
 * run that keeps its evidence local.
 */







/** Credentials come from the standard AWS chain (env, profile, web identity / OIDC, instance role). */
function createS3Client(options) {
    const when = options.checksum === 'when-required' ? 'WHEN_REQUIRED' : 'WHEN_SUPPORTED';
    return new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_6__.S3Client({
        ...(options.endpoint ? { endpoint: options.endpoint } : {}),
        ...(options.region ? { region: options.region } : {}),
        forcePathStyle: options.forcePathStyle,
        requestChecksumCalculation: when,
        responseChecksumValidation: when,
        // A store that stops answering must fail the step, not hang it.
        requestHandler: { connectionTimeout: 15_000, requestTimeout: 120_000 },
    });
}
/** An S3 failure with the operation and location in its message. */
class StoreError extends Error {
    name = 'StoreError';
}
function s3Message(err) {
    const e = err;
    const status = e.$metadata?.httpStatusCode;
    const name = e.name && e.name !== 'Error' && !(e.message ?? '').includes(e.name) ? `${e.name}: ` : '';
    return `${name}${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .describeError */ .Uc)(err)}${status ? ` (HTTP ${status})` : ''}`;
}
function isNotFound(err) {
    const e = err;
    return e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404;
}
function isCredentialsProblem(err) {
    const e = err;
    return e.name === 'CredentialsProviderError' || /Region is missing|Could not load credentials/i.test(e.message ?? '');
}
async function attempt(what, fn) {
    try {
        return await fn();
    }
    catch (err) {
        if (err instanceof StoreError || err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1)
            throw err;
        if (isCredentialsProblem(err)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${what}: ${s3Message(err)} (set AWS credentials and region, e.g. with aws-actions/configure-aws-credentials)`);
        }
        throw new StoreError(`${what}: ${s3Message(err)}`);
    }
}
/** Size and sha256 of an object, read back in full: what the store will actually serve. */
async function readBackObject(client, loc) {
    const uri = (0,_s3_uri_js__WEBPACK_IMPORTED_MODULE_5__/* .formatS3Uri */ .EO)(loc);
    const head = await attempt(`reading back ${uri}`, async () => {
        try {
            return await client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_6__.HeadObjectCommand({ Bucket: loc.bucket, Key: loc.key }));
        }
        catch (err) {
            if (isNotFound(err))
                return null;
            throw err;
        }
    });
    if (!head)
        return null;
    return attempt(`reading back ${uri}`, async () => {
        const res = await client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_6__.GetObjectCommand({ Bucket: loc.bucket, Key: loc.key }));
        const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
        let size = 0;
        for await (const chunk of res.Body) {
            hash.update(chunk);
            size += chunk.length;
        }
        return { size, sha256: hash.digest('hex'), headSize: head.ContentLength };
    });
}
function sha256Of(data) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(data).digest('hex');
}
/**
 * Writes `<name>.manifest.json` (the bundle's manifest, byte for byte) and
 * `<name>.tar.gz.sha256` (`sha256sum -c` lines for the bundle and that copy)
 * beside a verified bundle, each read back. They come before the pointer, so
 * the bundle the pointer names always has them.
 */
async function storeSidecars(client, bundle, bundleSha256, manifestBytes, logger) {
    const keys = (0,_verify_js__WEBPACK_IMPORTED_MODULE_4__/* .sidecarPaths */ .g9)(bundle.key);
    const base = (k) => k.slice(k.lastIndexOf('/') + 1);
    const sums = `${bundleSha256}  ${base(bundle.key)}\n${sha256Of(manifestBytes)}  ${base(keys.manifest)}\n`;
    const objects = [
        { key: keys.manifest, body: manifestBytes, type: 'application/json' },
        { key: keys.sha256, body: Buffer.from(sums, 'utf8'), type: 'text/plain' },
    ];
    for (const obj of objects) {
        const loc = { bucket: bundle.bucket, key: obj.key };
        const uri = (0,_s3_uri_js__WEBPACK_IMPORTED_MODULE_5__/* .formatS3Uri */ .EO)(loc);
        await attempt(`writing ${uri}`, () => client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_6__.PutObjectCommand({ Bucket: loc.bucket, Key: loc.key, Body: obj.body, ContentType: obj.type })));
        const back = await readBackObject(client, loc);
        if (!back || back.sha256 !== sha256Of(obj.body))
            throw new StoreError(`verifying ${uri}: what was read back differs from what was written; the pointer was not moved`);
    }
    logger.info(`Stored ${base(keys.manifest)} and ${base(keys.sha256)} beside the bundle`);
}
/** Opens an object for reading; null when it does not exist. */
async function openObject(client, loc) {
    return attempt(`reading ${(0,_s3_uri_js__WEBPACK_IMPORTED_MODULE_5__/* .formatS3Uri */ .EO)(loc)}`, async () => {
        try {
            const res = await client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_6__.GetObjectCommand({ Bucket: loc.bucket, Key: loc.key }));
            return res.Body;
        }
        catch (err) {
            if (isNotFound(err))
                return null;
            throw err;
        }
    });
}
/**
 * Uploads the bundle, proves the store holds exactly it, then moves the
 * pointer. The order is the guarantee: any failure before the last step
 * leaves `current.json` where it was, naming a bundle that was verified.
 */
async function storeBundle(o) {
    const { client, target, logger } = o;
    const pointerLoc = { bucket: target.bucket, key: (0,_s3_uri_js__WEBPACK_IMPORTED_MODULE_5__/* .joinKey */ .ID)(target.key, _s3_uri_js__WEBPACK_IMPORTED_MODULE_5__/* .POINTER_NAME */ .Wg) };
    const pointerUri = (0,_s3_uri_js__WEBPACK_IMPORTED_MODULE_5__/* .formatS3Uri */ .EO)(pointerLoc);
    // Bundles are immutable records: never replace one. Two jobs of the same
    // commit in the same second get the same name, so the later one takes the
    // next free `-<n>` suffix instead.
    let bundle;
    const stem = o.name.replace(/\.tar\.gz$/, '');
    for (let i = 1; i <= 100 && !bundle; i++) {
        const candidate = { bucket: target.bucket, key: (0,_s3_uri_js__WEBPACK_IMPORTED_MODULE_5__/* .joinKey */ .ID)(target.key, 'bundles', i === 1 ? o.name : `${stem}-${i}.tar.gz`) };
        const existing = await attempt(`checking ${(0,_s3_uri_js__WEBPACK_IMPORTED_MODULE_5__/* .formatS3Uri */ .EO)(candidate)}`, async () => {
            try {
                return await client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_6__.HeadObjectCommand({ Bucket: candidate.bucket, Key: candidate.key }));
            }
            catch (err) {
                if (isNotFound(err))
                    return null;
                throw err;
            }
        });
        if (!existing)
            bundle = candidate;
    }
    if (!bundle)
        throw new StoreError(`no free name for ${o.name} under ${(0,_s3_uri_js__WEBPACK_IMPORTED_MODULE_5__/* .formatS3Uri */ .EO)({ bucket: target.bucket, key: (0,_s3_uri_js__WEBPACK_IMPORTED_MODULE_5__/* .joinKey */ .ID)(target.key, 'bundles') })}`);
    const bundleUri = (0,_s3_uri_js__WEBPACK_IMPORTED_MODULE_5__/* .formatS3Uri */ .EO)(bundle);
    logger.info(`Uploading ${o.name} (${o.size} bytes) to ${bundleUri}`);
    await attempt(`uploading ${bundleUri}`, async () => {
        const upload = new _aws_sdk_lib_storage__WEBPACK_IMPORTED_MODULE_2__/* .Upload */ ._({
            client,
            params: {
                Bucket: bundle.bucket,
                Key: bundle.key,
                Body: (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(o.bundlePath),
                ContentType: 'application/gzip',
                Metadata: { 'drloop-sha256': o.sha256, ...(o.manifestBytes ? { 'drloop-manifest-sha256': sha256Of(o.manifestBytes) } : {}) },
            },
            // Parts are buffered in memory: queueSize × partSize at most.
            partSize: o.partSizeMiB * 1024 * 1024,
            queueSize: 4,
            leavePartsOnError: false,
        });
        await upload.done();
    });
    const back = await readBackObject(client, bundle);
    if (!back)
        throw new StoreError(`verifying ${bundleUri}: the store does not have it after the upload`);
    const problems = [];
    if (back.headSize !== undefined && back.headSize !== o.size)
        problems.push(`size ${back.headSize} bytes, expected ${o.size}`);
    if (back.size !== o.size)
        problems.push(`${back.size} bytes read back, expected ${o.size}`);
    if (back.sha256 !== o.sha256)
        problems.push(`sha256 ${back.sha256}, expected ${o.sha256}`);
    if (problems.length > 0) {
        throw new StoreError(`verifying ${bundleUri}: the stored object differs from the bundle (${problems.join('; ')}); the pointer was not moved. ` +
            `If this store rewrites streamed uploads, try s3-checksum: when-required`);
    }
    logger.info(`Verified ${bundleUri}: ${back.size} bytes, sha256 ${back.sha256}`);
    let retainUntil = null;
    if (o.objectLock) {
        const until = new Date(o.now().getTime() + o.objectLock.days * 86_400_000);
        await attempt(`setting Object Lock retention on ${bundleUri}`, () => client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_6__.PutObjectRetentionCommand({ Bucket: bundle.bucket, Key: bundle.key, Retention: { Mode: o.objectLock.mode, RetainUntilDate: until } })));
        retainUntil = until.toISOString();
        logger.info(`Object Lock ${o.objectLock.mode} on ${bundleUri} until ${retainUntil}`);
    }
    if (o.manifestBytes)
        await storeSidecars(client, bundle, o.sha256, o.manifestBytes, logger);
    const pointer = {
        schema: _s3_uri_js__WEBPACK_IMPORTED_MODULE_5__/* .POINTER_SCHEMA */ .Az,
        bundle_uri: bundleUri,
        bundle_sha256: o.sha256,
        bundle_size: o.size,
        created_at: o.pointer.createdAt,
        git_sha: o.pointer.gitSha,
        run_id: o.pointer.runId,
        run_attempt: o.pointer.runAttempt,
        repository: o.pointer.repository,
    };
    const body = `${JSON.stringify(pointer, null, 2)}\n`;
    await attempt(`writing ${pointerUri}`, () => client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_6__.PutObjectCommand({ Bucket: pointerLoc.bucket, Key: pointerLoc.key, Body: body, ContentType: 'application/json', CacheControl: 'no-cache' })));
    const pointerBack = await readBackObject(client, pointerLoc);
    if (!pointerBack || pointerBack.sha256 !== (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(body).digest('hex')) {
        throw new StoreError(`verifying ${pointerUri}: the pointer read back differs from what was written`);
    }
    logger.info(`Moved ${pointerUri} to ${bundleUri}`);
    return { bundleUri, pointerUri, pointer, retainUntil };
}


/***/ })

};
