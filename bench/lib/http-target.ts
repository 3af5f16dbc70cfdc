// A loopback HTTP target for benchmarks: answers 200 "ok" to everything, on PORT.
import http from 'node:http';

// With HOSTS=n it also listens on 127.0.0.2 .. 127.0.0.n (all loopback), to stand for n targets.
const handler: http.RequestListener = (_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '2' });
  res.end('ok');
};
const hosts = Number(process.env.HOSTS ?? 1);
const servers = Array.from({ length: hosts }, (_, i) => http.createServer(handler).listen(Number(process.env.PORT), `127.0.0.${i + 1}`, 4096));
process.on('SIGTERM', () => {
  for (const s of servers) s.close();
  process.exit(0);
});
