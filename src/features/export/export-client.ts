/**
 * Runs one export in its own short-lived worker (as the Share does, share-client.ts), so a crash
 * or an out-of-memory while masking fails that export alone, with a message.
 */
import type { ExportWorkerRequest, ExportWorkerResponse } from './export-protocol';

export function exportInWorker(request: ExportWorkerRequest): Promise<ExportWorkerResponse> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./export-worker.ts', import.meta.url), {
        type: 'module',
        name: 'cassette-export',
      });
    } catch (error) {
      resolve({ ok: false, message: `Could not start the export worker (${String(error)}).` });
      return;
    }
    const done = (response: ExportWorkerResponse) => {
      worker.terminate();
      resolve(response);
    };
    worker.onmessage = (event: MessageEvent<ExportWorkerResponse>) => done(event.data);
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      done({ ok: false, message: `The export worker stopped (${event.message || 'out of memory?'}).` });
    };
    worker.postMessage(request, [request.bytes.buffer]);
  });
}

/** Saves text as a file through a temporary object URL: nothing leaves the browser. */
export function saveText(text: string, fileName: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
