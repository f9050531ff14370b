/**
 * Putting recorded text into a markdown transcript so it renders as recorded (CommonMark 0.31,
 * https://spec.commonmark.org/0.31.2/, and GitHub Flavored Markdown, https://github.github.com/gfm/).
 *
 * - Prompts (system, user, tool results) are plain text to the reader of a transcript: every
 *   character markdown would read as syntax is backslash-escaped (CommonMark §2.4: any ASCII
 *   punctuation may be), `&` is written `&amp;` so no entity is decoded, and each line break is
 *   a hard break (§6.7: a backslash at the end of a line), so `*args*`, `<script>` or `# not a
 *   heading` show as typed, on their own lines.
 * - Model output (assistant text, reasoning) is markdown the model wrote, as the page renders it:
 *   kept, except that raw HTML is turned into text (`<` → `&lt;` outside code, since GitHub and
 *   editors would render it), and an unclosed code fence is closed, so it cannot swallow the rest
 *   of the transcript.
 * - Code (tool arguments, JSON, raw bodies) goes in a fence longer than any backtick run inside.
 */
import { maxOf } from '../../lib/arrays';

/** Characters escaped anywhere in a line of plain text: inline syntax (emphasis, code, links, HTML, tables, strikethrough). */
const INLINE = /[\\`*_[\]<>!|~{}]/g;

/** Escapes one line of plain text, including what only means something at a line's start. */
function escapeLine(line: string): string {
  let out = line.replace(/&/g, '&amp;').replace(INLINE, (char) => `\\${char}`);
  // Leading spaces would make an indented code block (4+) or be dropped: keep them as spaces.
  out = out.replace(/^[ \t]+/, (spaces) => spaces.replace(/\t/g, '    ').replace(/ /g, '&#32;'));
  // Block starts: ATX headings, block quotes (already escaped), list markers, thematic breaks,
  // setext underlines, fences of tildes, ordered list markers (`1.` / `1)`).
  const lead = /^((?:&#32;)*)([#+\-=])/.exec(out);
  if (lead) out = `${lead[1]}\\${out.slice((lead[1] ?? '').length)}`;
  const ordered = /^((?:&#32;)*\d{1,9})([.)])/.exec(out);
  if (ordered) out = `${ordered[1]}\\${out.slice((ordered[1] ?? '').length)}`;
  return out;
}

/**
 * Plain text as markdown that renders exactly as the text reads: syntax escaped, line breaks kept
 * (a backslash hard break between lines; blank lines stay paragraph breaks).
 */
export function escapeMarkdownText(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map(escapeLine);
  return lines
    .map((line, index) => {
      const next = lines[index + 1];
      const breaks = next !== undefined && line.trim() !== '' && next.trim() !== '';
      return breaks ? `${line}\\` : line;
    })
    .join('\n');
}

/** Text on one line (a name, a URL, a model): escaped, line breaks as spaces. */
export function escapeInline(text: string): string {
  return escapeLine(text.replace(/[\r\n]+/g, ' ')).replace(/^(?:&#32;)+/, '');
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;

/** Escapes `<` outside inline code spans of one line (CommonMark §6.1: spans of equal backtick runs). */
function neutralizeHtmlInLine(line: string): string {
  let out = '';
  let rest = line;
  for (;;) {
    const open = /`+/.exec(rest);
    if (!open) return out + rest.replace(/</g, '&lt;');
    const closeAt = rest.indexOf(open[0], open.index + open[0].length);
    if (closeAt < 0) return out + rest.replace(/</g, '&lt;');
    out += rest.slice(0, open.index).replace(/</g, '&lt;') + rest.slice(open.index, closeAt + open[0].length);
    rest = rest.slice(closeAt + open[0].length);
  }
}

/**
 * Model-written markdown made safe to embed: raw HTML shown as text outside code, and a fence
 * left open at the end closed (CommonMark §4.5: an unclosed fence runs to the end of the document).
 */
export function embedModelMarkdown(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let fence: string | null = null;
  const out = lines.map((line) => {
    const marker = FENCE_OPEN.exec(line)?.[1];
    if (fence !== null) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker)
        fence = null;
      return line;
    }
    if (marker) {
      fence = marker;
      return line;
    }
    return neutralizeHtmlInLine(line);
  });
  if (fence !== null) out.push(fence);
  return out.join('\n');
}

/** A fenced code block around `text`, with a fence longer than any backtick run in it. */
export function fenced(text: string, language = ''): string {
  const longest = maxOf(
    Array.from(text.matchAll(/`+/g), (m) => m[0].length),
    2,
  );
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${text.replace(/\r\n?/g, '\n')}\n${fence}`;
}

/** Inline code around `text`, with backtick runs longer than any inside (CommonMark §6.1). */
export function inlineCode(text: string): string {
  const flat = text.replace(/[\r\n]+/g, ' ');
  const longest = maxOf(
    Array.from(flat.matchAll(/`+/g), (m) => m[0].length),
    0,
  );
  const ticks = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${flat}${pad}${ticks}`;
}
