#!/usr/bin/env node
// A plain static file server for the built app (`npm start` runs it on dist/). It is deliberately
// dumb — files, MIME types, index.html — to show that dist/ needs nothing a static host lacks:
// no rewrites, no headers, no server code. Node built-ins only.
//
//   node scripts/serve.mjs [DIR] [--port N] [--host H] [--cors]
//
// --cors adds `Access-Control-Allow-Origin: *` (the end-to-end tests use it to serve fixtures to
// `#url=` links from another origin).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import process from 'node:process';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
};
const root = resolve(
  args.find((a, i) => !a.startsWith('--') && !['--port', '--host'].includes(args[i - 1])) ?? 'dist',
);
const host = option('--host', process.env.HOST ?? '127.0.0.1');
const wantedPort = Number(option('--port', process.env.PORT ?? 4173));
const cors = args.includes('--cors');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
  '.yml': 'text/yaml; charset=utf-8',
  '.har': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

const server = createServer(async (request, response) => {
  const headers = cors ? { 'Access-Control-Allow-Origin': '*' } : {};
  try {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep))
      throw Object.assign(new Error('outside'), { code: 'ENOENT' });
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    const body = await readFile(file);
    response.writeHead(200, {
      ...headers,
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  } catch {
    response.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('Not found\n');
  }
});

function listen(port, triesLeft) {
  server.once('error', (error) => {
    if (error.code === 'EADDRINUSE' && triesLeft > 0) listen(port + 1, triesLeft - 1);
    else {
      process.stderr.write(`serve: ${error.message}\n`);
      process.exit(1);
    }
  });
  server.listen(port, host, () => {
    process.stdout.write(
      `Cassette Viewer is running at http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/\n`,
    );
    process.stdout.write(`Serving ${root}${cors ? ' with CORS' : ''}. Press Ctrl+C to stop.\n`);
  });
}

listen(wantedPort, 10);
