/** Messages between the page and the share worker (share-worker.ts). */
import type { PreparedShare, ShareRequest } from '../../core/share/prepare-share';

export type ShareWorkerRequest =
  { kind: 'prepare'; request: ShareRequest } | { kind: 'decode'; payload: string };

export type ShareWorkerResponse =
  | { kind: 'prepared'; result: PreparedShare }
  | { kind: 'decoded'; fileName: string; bytes: Uint8Array }
  | { kind: 'error'; message: string };
