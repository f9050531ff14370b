/**
 * The fast YAML path's result in the slow path's terms (fast-yaml.ts, yaml-reader.ts): source lines
 * of the mappings, warnings with line and column.
 */
import type { Diagnostic } from '../model/http';
import type { YamlReadResult } from './yaml-reader';

export function readResult(
  text: string,
  root: unknown,
  mapStarts: Iterable<[object, number]>,
  found: ReadonlyArray<{ message: string; offset: number }>,
): YamlReadResult {
  const lines = new WeakMap<object, number>();
  const locateMap = lineLocator(text);
  for (const [map, offset] of mapStarts) lines.set(map, locateMap(offset).line);
  const locateWarning = lineLocator(text);
  const warnings: Diagnostic[] = found.map(({ message, offset }) => {
    const pos = locateWarning(offset);
    return { severity: 'warning', message, line: pos.line, column: pos.col };
  });
  return { root, warnings, lineOf: (map) => lines.get(map) };
}

/**
 * The same result from a reader that knows each early mapping's line already (the line reader,
 * fast-yaml-lines.ts, counts lines as it reads them) and has no warning to place.
 */
export function resultAtLines(root: unknown, mapLines: Iterable<[object, number]>): YamlReadResult {
  const lines = new WeakMap<object, number>(mapLines);
  return { root, warnings: [], lineOf: (map) => lines.get(map) };
}

/**
 * yaml's LineCounter positions (1-based line and column): the Parser reports a new line after
 * every `\n`, inside scalars too. Fastest for offsets in ascending (document) order.
 */
function lineLocator(text: string): (offset: number) => { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  let at = 0;
  return (offset) => {
    if (offset < at) [line, lineStart, at] = [1, 0, 0];
    for (let nl = text.indexOf('\n', at); nl !== -1 && nl < offset; nl = text.indexOf('\n', nl + 1)) {
      line++;
      lineStart = nl + 1;
    }
    at = offset;
    return { line, col: offset - lineStart + 1 };
  };
}
