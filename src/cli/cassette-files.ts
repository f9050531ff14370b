/**
 * Which files a command that takes `FILE… | DIR…` works on (`cassette-viewer DIR`, `doctor PATH…`):
 * a named file as it is, and inside a named folder every regular file whose name looks like a
 * cassette's, recursively, in a stable (sorted) order.
 *
 * Inside a folder, symbolic links are skipped, never followed: a link could point outside the
 * folder (the local server promises to serve nothing else) or back up the tree (a walk that never
 * ends). A file named on the command line is the user's choice and may be a link.
 */
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';

/** Extensions, lower case, of files that may hold a cassette (the formats of docs/cassette-formats.md). */
const CASSETTE_EXTENSIONS = new Set(['yaml', 'yml', 'json', 'har', 'toml', 'gz', 'zz', 'cassette', 'httprr']);

/** Hidden files and folders (`.git`), dependency folders and OS litter are not walked. */
const SKIPPED_NAME = /^(\.|node_modules$|Thumbs\.db$|desktop\.ini$)/i;

/** A folder holds at most this many files that are read; more is refused, not silently cut. */
export const MAX_FOLDER_FILES = 20_000;

export interface FoundFile {
  /** Absolute, resolved path on disk. */
  absolute: string;
  /** The path as shown: relative to the named folder (`/`-separated), or the named file's own name. */
  shown: string;
  size: number;
  /** True when the file was found inside a named folder, false when it was named itself. */
  inFolder: boolean;
}

export interface FoundPaths {
  /** What the user named, resolved: the folder when one folder was named, else the current folder. */
  root: string;
  /** `folder` when exactly one folder was named (the page then opens the folder overview). */
  kind: 'files' | 'folder';
  files: FoundFile[];
}

/** True when a file inside a folder should be read as a possible cassette. */
export function looksLikeCassette(name: string): boolean {
  if (SKIPPED_NAME.test(name)) return false;
  const dot = name.lastIndexOf('.');
  return dot > 0 && CASSETTE_EXTENSIONS.has(name.slice(dot + 1).toLowerCase());
}

/** Thrown with a message fit for one line on stderr. */
export class PathProblem extends Error {}

/** Walks the named paths; rejects with a PathProblem for a path that does not exist or is neither. */
export async function findCassetteFiles(paths: readonly string[], cwd = process.cwd()): Promise<FoundPaths> {
  const files: FoundFile[] = [];
  const folders: string[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    let info;
    try {
      info = await stat(absolute);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new PathProblem(`${path}: ${code === 'ENOENT' ? 'no such file or folder' : String(code)}`);
    }
    if (info.isDirectory()) {
      const real = await realpath(absolute);
      folders.push(real);
      await walk(real, real, files);
    } else if (info.isFile()) {
      files.push({
        absolute: await realpath(absolute),
        shown: basename(absolute),
        size: info.size,
        inFolder: false,
      });
    } else {
      throw new PathProblem(`${path}: not a regular file or a folder`);
    }
    if (files.length > MAX_FOLDER_FILES)
      throw new PathProblem(`more than ${MAX_FOLDER_FILES} cassette files; name fewer folders`);
  }
  const kind = folders.length === 1 && paths.length === 1 ? 'folder' : 'files';
  return {
    root:
      kind === 'folder' ? folders[0]! : commonFolder([...folders, ...files.map((f) => dirname(f.absolute))]),
    kind,
    files,
  };
}

/** The deepest folder holding all of `folders` (what the page names as the files' origin). */
export function commonFolder(folders: readonly string[]): string {
  if (folders.length === 0) return resolve('.');
  let common = folders[0]!.split(sep);
  for (const folder of folders.slice(1)) {
    const parts = folder.split(sep);
    let same = 0;
    while (same < common.length && same < parts.length && common[same] === parts[same]) same += 1;
    common = common.slice(0, same);
  }
  return common.join(sep) || sep;
}

async function walk(root: string, folder: string, out: FoundFile[]): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (SKIPPED_NAME.test(entry.name)) continue;
    const path = join(folder, entry.name);
    // Dirent types come from lstat: a symbolic link is neither a file nor a folder here.
    if (entry.isDirectory()) await walk(root, path, out);
    else if (entry.isFile() && looksLikeCassette(entry.name)) {
      const { size } = await lstat(path);
      out.push({ absolute: path, shown: relative(root, path).split(sep).join('/'), size, inFolder: true });
    }
    if (out.length > MAX_FOLDER_FILES) return;
  }
}
