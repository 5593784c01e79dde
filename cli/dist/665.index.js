export const id = 665;
export const ids = [665];
export const modules = {

/***/ 6665:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   startLocalS3: () => (/* binding */ startLocalS3)
/* harmony export */ });
/* unused harmony export DRILL_BUCKET */
/* harmony import */ var _postgres_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6042);

/**
 * A local S3-protocol server for `drloop drill --s3`: s3rver, in this process,
 * on 127.0.0.1 and a free port, storing its objects as files under a
 * directory the drill keeps. The evidence goes through drloop's real S3 code
 * (multipart upload, read-back, pointer) and is verified through the pointer.
 * This module is loaded only with `--s3`, so other drills never load the AWS SDK.
 */
const DRILL_BUCKET = 'drloop-drill';
/** s3rver's built-in account. */
const ACCESS_KEY = 'S3RVER';
async function startLocalS3(directory) {
    // Resolved from node_modules at run time (the CLI bundle leaves it out).
    const name = 's3rver';
    const mod = (await import(/* webpackIgnore: true */ name));
    const server = new mod.default({ address: _postgres_js__WEBPACK_IMPORTED_MODULE_0__/* .PG_HOST */ .bY, port: 0, silent: true, directory, configureBuckets: [{ name: DRILL_BUCKET }] });
    const { port } = await server.run();
    const endpoint = `http://${_postgres_js__WEBPACK_IMPORTED_MODULE_0__/* .PG_HOST */ .bY}:${port}`;
    const options = { endpoint, forcePathStyle: true, checksum: 'when-required', region: 'us-east-1' };
    const { S3Client: Client } = await __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
    const factory = (o) => new Client({
        endpoint: o.endpoint ?? endpoint,
        region: o.region ?? 'us-east-1',
        forcePathStyle: true,
        credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: ACCESS_KEY },
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
    });
    let stopped;
    return {
        endpoint,
        bucket: DRILL_BUCKET,
        directory,
        options,
        factory,
        stop() {
            stopped ??= (async () => {
                server.httpServer?.closeAllConnections();
                await server.close().catch(() => undefined);
            })();
            return stopped;
        },
    };
}


/***/ })

};
