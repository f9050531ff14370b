/**
 * Runs one share job in its own short-lived worker (as file-loader.ts does for loading), so a
 * crash or an out-of-memory in masking only fails that job, with a message.
 */
import type { PreparedShare, ShareRequest } from '../../core/share/prepare-share';
import type { ShareWorkerRequest, ShareWorkerResponse } from './share-protocol';

function run(request: ShareWorkerRequest, transfer: Transferable[]): Promise<ShareWorkerResponse> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./share-worker.ts', import.meta.url), {
        type: 'module',
        name: 'cassette-share',
      });
    } catch (error) {
      resolve({ kind: 'error', message: `Could not start the share worker (${String(error)}).` });
      return;
    }
    const done = (response: ShareWorkerResponse) => {
      worker.terminate();
      resolve(response);
    };
    worker.onmessage = (event: MessageEvent<ShareWorkerResponse>) => done(event.data);
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      done({ kind: 'error', message: `The share worker stopped (${event.message || 'out of memory?'}).` });
    };
    worker.postMessage(request, transfer);
  });
}

export async function prepareShareInWorker(request: ShareRequest): Promise<PreparedShare> {
  const response = await run({ kind: 'prepare', request }, [request.bytes.buffer]);
  if (response.kind === 'prepared') return response.result;
  return {
    ok: false,
    message: response.kind === 'error' ? response.message : 'Unexpected answer from the share worker.',
  };
}

/** Decodes a `#c=` payload to the file bytes; rejects with a user-facing message. */
export async function decodeShareInWorker(payload: string): Promise<{ fileName: string; bytes: Uint8Array }> {
  const response = await run({ kind: 'decode', payload }, []);
  if (response.kind === 'decoded') return { fileName: response.fileName, bytes: response.bytes };
  throw new Error(response.kind === 'error' ? response.message : 'Unexpected answer from the share worker.');
}
