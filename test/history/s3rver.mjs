#!/usr/bin/env node
// s3rver in a process of its own, for the history tests and bench figure 8:
// ListObjectsV2 pagination makes s3rver encrypt its continuation token with
// DES, which OpenSSL 3 only offers with --openssl-legacy-provider, and that
// flag must not leak into the test process. Usage:
//   node --openssl-legacy-provider test/history/s3rver.mjs DIR BUCKET
// Prints `{"port":N}` once listening; stops on SIGTERM.
import S3rver from 's3rver';

const [directory, bucket] = process.argv.slice(2);
const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
const { port } = await server.run();
process.stdout.write(`${JSON.stringify({ port })}\n`);
process.on('SIGTERM', () => {
  server.httpServer?.closeAllConnections();
  server.close().finally(() => process.exit(0));
});
