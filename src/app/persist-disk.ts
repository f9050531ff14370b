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

/** What asking for files with the browser's picker gave. */
export type HandlePick =
  | { kind: 'picked'; files: Array<{ file: File; handle: FileSystemFileHandle }> }
  /** The user closed the picker: nothing happens, and no error is shown. */
  | { kind: 'cancelled' }
  /**
   * No picker here (Firefox, Safari), or it refused (a SecurityError in a cross-origin frame, a
   * file it could not read): the caller asks with its file input instead.
   */
  | { kind: 'use-input' };

/**
 * Asks for files with the browser's picker, so each comes with a handle that "Reload from disk"
 * reads again without asking and that is kept with the file in IndexedDB (issue 17). Never rejects.
 * Callers test `canPickWithHandle` first, synchronously, so that where it is false their file input
 * is clicked inside the user's click (a picker needs that "transient activation").
 */
export async function pickFilesWithHandles(
  options: { multiple: boolean },
  scope: object = globalThis,
): Promise<HandlePick> {
  const picker = (scope as PickerWindow).showOpenFilePicker;
  if (!picker) return { kind: 'use-input' };
  try {
    const handles = await picker.call(scope, { multiple: options.multiple });
    if (handles.length === 0) return { kind: 'cancelled' };
    const files = await Promise.all(
      handles.map(async (handle) => ({ file: await handle.getFile(), handle })),
    );
    return { kind: 'picked', files };
  } catch (error) {
    // AbortError: the user closed the picker (https://wicg.github.io/file-system-access/#api-showopenfilepicker).
    if (error instanceof DOMException && error.name === 'AbortError') return { kind: 'cancelled' };
    return { kind: 'use-input' };
  }
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
