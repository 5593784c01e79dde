export const id = 827;
export const ids = [827];
export const modules = {

/***/ 92827:
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
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(53711);
/* harmony import */ var _aws_sdk_lib_storage__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(22358);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83916);
/* harmony import */ var _verify_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(59856);
/* harmony import */ var _s3_uri_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(19612);
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
