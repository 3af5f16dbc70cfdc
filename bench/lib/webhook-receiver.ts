// A loopback webhook receiver for the alerts benchmark, in a process of its own as a real receiver
// would be: answers 200 to every POST and notes when the first one naming each monitor arrived.
// GET /results answers { requests, firstAttempt: { monitorId: epoch ms } }.
import http from 'node:http';

const firstAttempt: Record<string, number> = {};
let requests = 0;
const server = http.createServer((req, res) => {
  if (req.method === 'GET') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ requests, firstAttempt }));
    return;
  }
  const at = Date.now();
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    requests++;
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    for (const a of body.message?.alerts ?? []) if (a.labels?.monitor_id && !(a.labels.monitor_id in firstAttempt)) firstAttempt[a.labels.monitor_id] = at;
    res.writeHead(200).end('ok');
  });
});
server.listen(Number(process.env.PORT), '127.0.0.1', 4096);
process.on('SIGTERM', () => {
  server.close();
  process.exit(0);
});
