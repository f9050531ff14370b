/**
 * A local static server for end-to-end tests that fetch from another origin (`#url=` links,
 * remote images): scripts/serve.mjs on loopback, on a free port, with or without CORS headers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export interface StaticServer {
  origin: string;
  child: ChildProcess;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts serve.mjs on `dir` and resolves with its origin once it prints the address it listens on. */
export async function serveDirectory(dir: string, cors: boolean): Promise<StaticServer> {
  const args = ['scripts/serve.mjs', dir, '--port', String(await freePort()), '--host', '127.0.0.1'];
  if (cors) args.push('--cors');
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const origin = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`serve.mjs exited (${code}): ${output}`)));
  });
  return { origin, child };
}
