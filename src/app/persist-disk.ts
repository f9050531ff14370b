/**
 * Reading a file again from disk ("Reload from disk", issue 17) through the File System Access API
 * (https://wicg.github.io/file-system-access/), where the browser has it: a FileSystemFileHandle
 * from `showOpenFilePicker()` or from a drop (`DataTransferItem.getAsFileSystemHandle()`) reads the
 * file as it is now, and can be kept in IndexedDB for the next visit (drops take theirs in
 * features/file-drop/collect-dropped-files.ts `handlesFromDrop`). Reading it after a reload
 * needs the user's permission again (`queryPermission`, then `requestPermission` inside the click).
 * Elsewhere (Firefox, Safari) the caller asks for the file again with a file input.
 *
 * These members are not in TypeScript's DOM library (they are a WICG draft), hence the local types
 * and the feature tests.
 */

type PermissionMode = { mode: 'read' | 'readwrite' };

interface PermissionHandle {
  queryPermission?: (descriptor: PermissionMode) => Promise<PermissionState>;
  requestPermission?: (descriptor: PermissionMode) => Promise<PermissionState>;
}

interface PickerWindow {
  showOpenFilePicker?: (options?: {
    multiple?: boolean;
    excludeAcceptAllOption?: boolean;
  }) => Promise<FileSystemFileHandle[]>;
}

/** True where the browser can pick a file and hand back a handle to read it again later. */
export function canPickWithHandle(scope: object = globalThis): boolean {
  return typeof (scope as PickerWindow).showOpenFilePicker === 'function';
}

/** Asks for one file with the browser's picker; null when the user cancels. */
export async function pickWithHandle(
  scope: object = globalThis,
): Promise<{ file: File; handle: FileSystemFileHandle } | null> {
  const picker = (scope as PickerWindow).showOpenFilePicker;
  if (!picker) return null;
  let handles: FileSystemFileHandle[];
  try {
    handles = await picker.call(scope, { multiple: false });
  } catch (error) {
    // AbortError: the user closed the picker.
    if (error instanceof DOMException && error.name === 'AbortError') return null;
    throw error;
  }
  const handle = handles[0];
  return handle ? { file: await handle.getFile(), handle } : null;
}

export type HandleRead =
  | { ok: true; file: File }
  /** No permission (denied, or asked outside a click), or the file is gone: ask for it instead. */
  | { ok: false; reason: string };

/** Reads the file a handle points to, asking for read permission when it is not granted yet. */
export async function readHandle(handle: FileSystemFileHandle): Promise<HandleRead> {
  const permissions = handle as FileSystemFileHandle & PermissionHandle;
  try {
    let state: PermissionState = (await permissions.queryPermission?.({ mode: 'read' })) ?? 'granted';
    if (state === 'prompt' && permissions.requestPermission)
      state = await permissions.requestPermission({ mode: 'read' });
    if (state !== 'granted')
      return { ok: false, reason: `the browser was not allowed to read ${handle.name}` };
    return { ok: true, file: await handle.getFile() };
  } catch (error) {
    // NotFoundError: moved or deleted; NotAllowedError: permission asked without a user gesture.
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `${handle.name} could not be read again (${reason})` };
  }
}
