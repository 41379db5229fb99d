// The static host of the package tests (consumer project, CDN release, framework demos): a folder on 127.0.0.1,
// `index.html` for a folder's URL, extra headers per path, and fixed answers for some paths (the demo feed).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join } from 'node:path';

const types = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.map': 'application/json',
};

/**
 * Serves `dir` on `port` and resolves once listening. `answers` maps a path suffix to what to send instead of a
 * file: bytes, or a function returning them at each request (e.g. `{ '/feed.json': feed }`); `headersFor(path)`
 * adds response headers.
 */
export async function serveFolder(dir, port, { answers = {}, headersFor = () => ({}) } = {}) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://127.0.0.1').pathname);
    const file = path.endsWith('/') ? `${path}index.html` : path;
    const [, answer] = Object.entries(answers).find(([suffix]) => path.endsWith(suffix)) ?? [];
    try {
      const body = typeof answer === 'function' ? answer() : (answer ?? readFileSync(join(dir, file)));
      const type = types[extname(file)] ?? 'application/octet-stream';
      response.writeHead(200, { 'content-type': type, ...headersFor(path) }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}
