// A tiny static server for the bench: the app build at /, the generated cassettes at /bench-files/.
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.yaml': 'text/plain',
  '.json': 'application/json',
};

export function serveStatic(appDir, filesDir) {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    let path = decodeURIComponent(url.pathname);
    if (path === '/blank')
      return void response
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!doctype html><title>bench</title>');
    const base = path.startsWith('/bench-files/') ? filesDir : appDir;
    if (path.startsWith('/bench-files/')) path = path.slice('/bench-files'.length);
    if (path.endsWith('/')) path += 'index.html';
    const full = join(base, normalize(path).replace(/^(\.\.[/\\])+/, ''));
    try {
      const size = statSync(full).size;
      response.writeHead(200, {
        'content-type': TYPES[extname(full)] ?? 'application/octet-stream',
        'content-length': size,
      });
      createReadStream(full).pipe(response);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, port: server.address().port })),
  );
}
