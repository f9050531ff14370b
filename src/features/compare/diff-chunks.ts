/**
 * Splits a diff (TextChange[]) into blocks of bounded size so a very long diff renders as many
 * small blocks the browser can skip while off screen (CSS `content-visibility: auto`,
 * https://drafts.csswg.org/css-contain-2/#content-visibility) instead of one huge inline run. Nothing
 * is cut: the blocks together hold every character, in order (issue 7: "no length cap").
 */
import type { TextChange } from '../../core/model/diff';

/** Default block size: a few screens of text. */
const CHUNK_CHARS = 4000;

/**
 * Blocks end at a line break once they hold `maxChars` characters, so a block boundary never falls
 * inside a line, except for single lines longer than `2 * maxChars`, which are split hard.
 */
export function chunkChanges(changes: readonly TextChange[], maxChars = CHUNK_CHARS): TextChange[][] {
  const chunks: TextChange[][] = [];
  let current: TextChange[] = [];
  let size = 0;
  const flush = () => {
    if (current.length > 0) chunks.push(current);
    current = [];
    size = 0;
  };
  for (const change of changes) {
    let text = change.text;
    while (text.length > 0) {
      const room = maxChars - size;
      if (text.length <= room) {
        current.push({ op: change.op, text });
        size += text.length;
        break;
      }
      // Prefer a line break after the block is full, within a second block's worth of text.
      const newline = text.indexOf('\n', Math.max(0, room - 1));
      const cut = newline >= 0 && newline < room + maxChars ? newline + 1 : Math.max(room, 1);
      current.push({ op: change.op, text: text.slice(0, cut) });
      text = text.slice(cut);
      flush();
    }
  }
  flush();
  return chunks;
}

/** Characters added and removed, for the "+12 −4 words" style summary. */
export function changeStats(changes: readonly TextChange[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const change of changes) {
    if (change.op === 'added') added += change.text.length;
    else if (change.op === 'removed') removed += change.text.length;
  }
  return { added, removed };
}
