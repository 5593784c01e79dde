export const id = 32;
export const ids = [32];
export const modules = {

/***/ 6032:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   verifyEvidenceCommand: () => (/* binding */ verifyEvidenceCommand)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2716);
/* harmony import */ var _src_inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8422);
/* harmony import */ var _src_evidence_verify_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9856);
/* harmony import */ var _cli_kit_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3545);





const USAGE = `usage: drloop verify-evidence <bundle.tar.gz | s3://bucket/prefix/current.json>
                              [--s3-endpoint URL] [--s3-force-path-style] [--s3-checksum when-supported|when-required] [--json]
Checks every file of the bundle against its manifest, and the bundle against its pointer (S3)
or its .sha256 file (local). AWS credentials and region come from the standard AWS environment.
Exit status: 0 when everything matches, 1 naming every mismatch, 2 on bad input.`;
const verifyInputs = zod__WEBPACK_IMPORTED_MODULE_4__/* .object */ .Ikc({
    's3-endpoint': zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().optional(),
    's3-force-path-style': (0,_src_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .boolInput */ .Hm)(false),
    's3-checksum': (0,_src_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .enumInput */ .gX)(['when-supported', 'when-required'], 'when-supported'),
});
function describe(report) {
    const lines = [];
    if (report.ok) {
        lines.push(`OK: ${report.subject}`);
        lines.push(`  ${report.files} file(s) match the manifest; bundle sha256 ${report.bundleSha256} (${report.bundleSize} bytes)`);
        if (report.pointer)
            lines.push(`  pointer names ${report.pointer.bundle_uri}, created ${report.pointer.created_at}`);
    }
    else {
        lines.push(`MISMATCH: ${report.subject}`);
        for (const m of report.mismatches)
            lines.push(`  - ${m}`);
    }
    for (const n of report.notes)
        lines.push(`  note: ${n}`);
    return `${lines.join('\n')}\n`;
}
const verifyEvidenceCommand = {
    name: 'verify-evidence',
    summary: 'check an evidence bundle (file or S3 pointer) against its manifest and checksums',
    usage: USAGE,
    async run(ctx) {
        const { raw, positionals } = (0,_cli_kit_js__WEBPACK_IMPORTED_MODULE_3__/* .parseFlags */ .bQ)(ctx.argv, {
            's3-endpoint': { type: 'string' },
            's3-force-path-style': { type: 'boolean' },
            's3-checksum': { type: 'string' },
            json: { type: 'boolean' },
        }, USAGE, 1);
        if (positionals.length !== 1)
            throw new _cli_kit_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`expected one bundle or pointer, got ${positionals.length}\n${USAGE}`);
        const json = raw.json === 'true';
        delete raw.json;
        const inputs = (0,_src_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .parseInputs */ .TL)(verifyInputs, raw);
        const subject = positionals[0];
        let report;
        try {
            report = subject.startsWith('s3://')
                ? await (0,_src_evidence_verify_js__WEBPACK_IMPORTED_MODULE_2__/* .verifyPointer */ .NW)(subject, {
                    endpoint: inputs['s3-endpoint'],
                    forcePathStyle: inputs['s3-force-path-style'],
                    checksum: inputs['s3-checksum'],
                    region: ctx.env.AWS_REGION || ctx.env.AWS_DEFAULT_REGION || (inputs['s3-endpoint'] ? 'us-east-1' : undefined),
                })
                : await (0,_src_evidence_verify_js__WEBPACK_IMPORTED_MODULE_2__/* .verifyBundle */ .IF)((0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(ctx.cwd, subject));
        }
        catch (err) {
            // A store that cannot be read is a failed verification, not drloop's own failure.
            if (err.name !== 'StoreError')
                throw err;
            ctx.stderr.write(`drloop verify-evidence: cannot verify ${subject}: ${err.message}\n`);
            return _cli_kit_js__WEBPACK_IMPORTED_MODULE_3__/* .EXIT */ .dc.failed;
        }
        if (!subject.startsWith('s3://'))
            report.subject = subject;
        if (json)
            ctx.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        else
            ctx.stdout.write(describe(report));
        return report.ok ? _cli_kit_js__WEBPACK_IMPORTED_MODULE_3__/* .EXIT */ .dc.ok : _cli_kit_js__WEBPACK_IMPORTED_MODULE_3__/* .EXIT */ .dc.failed;
    },
};


/***/ })

};
