#!/usr/bin/env node
// Figure 5's stand-in for GitHub's API on loopback: every
// `POST /repos/OWNER/NAME/dispatches` is answered 204 at once (after its body
// has arrived) and counted. `GET /_stats` returns the count and the last
// body, so the bench can check that no notification was lost and send the
// baseline the same bytes. Prints `listening on http://127.0.0.1:PORT`.
import { createServer } from 'node:http';

let dispatches = 0;
let last = '';
const server = createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    if (req.method === 'POST' && /^\/repos\/[^/]+\/[^/]+\/dispatches$/.test(req.url ?? '')) {
      dispatches += 1;
      last = Buffer.concat(chunks).toString('utf8');
      res.writeHead(204).end();
    } else if (req.method === 'GET' && req.url === '/_stats') {
      const body = JSON.stringify({ dispatches, last });
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
    } else {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}');
    }
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`listening on http://127.0.0.1:${server.address().port}\n`));
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
