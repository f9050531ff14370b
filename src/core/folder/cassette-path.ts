/**
 * Which files of a folder the folder overview tries to read (issue 19). A folder of tests also
 * holds code, images and notes; those are skipped and counted, not listed as failures. A file is
 * read when its name ends the way a cassette's does (every name in tests/fixtures/corpus, the
 * formats of docs/cassette-formats.md, whole-file gzip/zlib as core/cassette/file-decoder
 * unwraps them) or has no extension at all (httprr traces and hand-made files often have none).
 * What is read is then told apart by its bytes (core/cassette detectFormat), never by the name.
 */

/** Extensions, lower case, of files that may hold a cassette. */
const CASSETTE_EXTENSIONS = new Set([
  'yaml',
  'yml',
  'json',
  'har',
  'toml',
  'gz',
  'zz',
  'cassette',
  'httprr',
  'rr',
  'txt',
]);

/** OS litter and hidden files (as the drop walker skips them). */
const IGNORED_NAME = /^(\.|Thumbs\.db$|desktop\.ini$)/i;

/** The file's own name, after the last `/`. */
function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** True when the folder overview should try to read this file. */
export function looksLikeCassettePath(path: string): boolean {
  const name = baseName(path);
  if (name === '' || IGNORED_NAME.test(name)) return false;
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return true;
  return CASSETTE_EXTENSIONS.has(name.slice(dot + 1).toLowerCase());
}
