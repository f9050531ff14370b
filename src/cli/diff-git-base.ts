/**
 * `diff --git-base REF PATH…`: every cassette under PATH… that changed since REF, compared with its
 * version at REF (`git show REF:path`). Git runs through execFile with an argument list, never a
 * shell, so a path or ref cannot become a command; `--` ends git's options before the paths, and a
 * REF that starts with `-` is refused.
 *
 * A file new since REF has no old version: all its calls are "added"; a deleted one, "removed".
 */
import { execFile } from 'node:child_process';
import { realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { looksLikeCassette } from './cassette-files';

/** Cassettes of LLM traffic can be large; git's output is kept in memory up to this. */
const MAX_GIT_OUTPUT = 256 * 1024 * 1024;

export interface ChangedCassette {
  /** Path relative to the repository's top folder, `/`-separated (as git prints it). */
  path: string;
  /** The version at REF; null when the file is new. */
  before: Uint8Array | null;
  /** The version in the working tree; null when the file was deleted. */
  after: Uint8Array | null;
}

export type RunGit = (args: string[], cwd: string) => Promise<Buffer>;

/** Runs git with `args`, no shell; rejects with git's own message (its first stderr line). */
export const runGit: RunGit = (args, cwd) =>
  new Promise((resolvePromise, reject) => {
    execFile(
      'git',
      args,
      { cwd, encoding: 'buffer', maxBuffer: MAX_GIT_OUTPUT, windowsHide: true },
      (error, stdout, stderr) => {
        if (!error) return resolvePromise(stdout);
        const said = stderr.toString('utf8').trim().split('\n')[0];
        reject(new Error(said || error.message));
      },
    );
  });

/** The cassettes changed between REF and the working tree under `paths`, in path order. */
export async function changedCassettes(
  ref: string,
  paths: readonly string[],
  readFile: (path: string) => Promise<Uint8Array>,
  git: RunGit = runGit,
  cwd = process.cwd(),
): Promise<ChangedCassette[]> {
  if (ref.startsWith('-') || ref.trim() === '') throw new Error(`"${ref}" is not a git revision`);
  // The repository is the one holding the first path (which may be elsewhere than the cwd).
  const first = resolve(cwd, paths[0] ?? '.');
  const from = await stat(first).then(
    (info) => (info.isDirectory() ? first : dirname(first)),
    () => dirname(first),
  );
  const top = (await git(['rev-parse', '--show-toplevel'], from)).toString('utf8').trim();
  const scoped: string[] = [];
  for (const path of paths) {
    // git prints the top folder with links resolved; resolve ours too (macOS /tmp → /private/tmp).
    const absolute = resolve(cwd, path);
    const inside = relative(top, await realpath(absolute).catch(() => absolute));
    if (inside.startsWith('..') || isAbsolute(inside)) throw new Error(`${path} is outside the repository`);
    scoped.push(inside === '' ? '.' : inside);
  }
  // -z: names as they are, NUL-separated (no quoting of unusual names); --no-renames: a moved
  // cassette is a deletion and an addition, each compared with what exists.
  const listed = await git(
    ['diff', '--name-status', '-z', '--no-renames', '--no-ext-diff', ref, '--', ...scoped],
    top,
  );
  const fields = listed.toString('utf8').split('\0').filter(Boolean);
  const out: ChangedCassette[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const status = fields[i]!;
    const path = fields[i + 1]!;
    if (!looksLikeCassette(path.slice(path.lastIndexOf('/') + 1))) continue;
    const before = status === 'A' ? null : new Uint8Array(await git(['show', `${ref}:${path}`], top));
    const after = status === 'D' ? null : await readFile(resolve(top, path));
    out.push({ path, before, after });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
