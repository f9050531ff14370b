/**
 * Server-Sent Events framing, following the WHATWG "event stream interpretation" rules
 * (https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation):
 * lines end with CRLF, LF or CR; `:` starts a comment; `data:` lines of one block are joined with
 * LF; a blank line dispatches the block; a block without `data:` is not an event.
 *
 * Field parsing is done by the maintained `eventsource-parser` library
 * (https://github.com/rexxars/eventsource-parser). We split lines ourselves only to know the line
 * number of each event and of each line that breaks the grammar, and feed the library one line at a
 * time, so its callbacks fire while we still know the line. The framer is incremental: feeding the
 * body in any chunks yields the same trace (property-tested in sse.test.ts).
 */
import { createParser, type EventSourceParser, type ParseError } from 'eventsource-parser';
import type { StreamEvent, StreamIssue, StreamTrace } from '../model/stream';
import { StreamJsonReader } from './event-json';

/** Hard limits: a hostile body must not exhaust memory. */
export const SSE_LIMITS = {
  maxEvents: 1_000_000,
  maxIssues: 1_000,
  /** Longest line or event the parser buffers, in characters. */
  maxBufferChars: 64 * 1024 * 1024,
  /** Issue texts are cut to this many characters. */
  maxIssueTextChars: 200,
};

const LF = 10;
const CR = 13;

/** Incremental SSE framer: `feed` text chunks in order, then `finish` once. */
export class SseFramer {
  private readonly parser: EventSourceParser;
  private readonly events: StreamEvent[] = [];
  private readonly json = new StreamJsonReader();
  private readonly issues: StreamIssue[] = [];
  private commentCount = 0;
  private partial = '';
  /** A CR ended the previous chunk: a LF at the start of the next one belongs to it. */
  private pendingCr = false;
  private lineNumber = 0;
  private currentLine = '';
  /** 1-based line where the current (not yet dispatched) block started. */
  private blockStartLine: number | null = null;
  /** The current block has a `data` field: a missing blank line would drop an event. */
  private blockHasData = false;
  /** Position in `issues` of the first issue met inside the current block, if any. */
  private blockIssuesFrom: number | null = null;
  private overflow = false;
  private first = true;

  constructor() {
    this.parser = createParser({
      onEvent: (message) => {
        if (this.events.length >= SSE_LIMITS.maxEvents) {
          this.overflow = true;
          return;
        }
        const event: StreamEvent = {
          index: this.events.length,
          event: message.event ?? null,
          id: message.id ?? null,
          data: message.data,
          line: this.blockStartLine ?? this.lineNumber,
        };
        // A bad line inside a block that became an event belongs to that event (the doctor names it).
        for (let i = this.blockIssuesFrom ?? this.issues.length; i < this.issues.length; i++)
          this.issues[i]!.eventIndex = event.index;
        this.events.push(this.json.attach(event));
      },
      onComment: () => {
        this.commentCount += 1;
      },
      onError: (error: ParseError) =>
        this.addIssue(this.lineNumber, error.line ?? this.currentLine, error.message),
      maxBufferSize: SSE_LIMITS.maxBufferChars,
    });
  }

  /** Feed the next piece of the body. */
  feed(chunk: string): void {
    if (chunk.length === 0) return;
    if (this.first) {
      this.first = false;
      // WHATWG: one leading U+FEFF BOM is ignored.
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    let start = 0;
    if (this.pendingCr) {
      this.pendingCr = false;
      if (chunk.charCodeAt(0) === LF) start = 1;
    }
    // Find terminators with a sticky-free global regex: much faster than a per-character loop.
    const terminator = /[\r\n]/g;
    terminator.lastIndex = start;
    for (let match = terminator.exec(chunk); match !== null; match = terminator.exec(chunk)) {
      let i = match.index;
      const line = this.partial + chunk.slice(start, i);
      this.partial = '';
      this.handleLine(line);
      if (chunk.charCodeAt(i) === CR) {
        if (i + 1 < chunk.length) {
          if (chunk.charCodeAt(i + 1) === LF) i += 1;
        } else {
          this.pendingCr = true;
        }
      }
      start = i + 1;
      terminator.lastIndex = start;
    }
    if (start < chunk.length) {
      this.partial += chunk.slice(start);
      if (this.partial.length > SSE_LIMITS.maxBufferChars) {
        this.addIssue(
          this.lineNumber + 1,
          this.partial,
          'line longer than the parser accepts; rest of body ignored',
        );
        this.partial = '';
        this.overflow = true;
      }
    }
  }

  /** End of body: flush what is pending and return the trace. */
  finish(): StreamTrace {
    let truncated = false;
    if (this.partial.length > 0) {
      // The body ended without a line terminator: the last line was cut (or the writer omitted it).
      truncated = true;
      const line = this.partial;
      this.partial = '';
      this.handleLine(line);
    }
    if (this.blockHasData) {
      // WHATWG drops an undispatched block at end of stream; a viewer keeps it and says so.
      truncated = true;
      this.handleLine('');
    }
    if (this.overflow) this.addIssue(this.lineNumber, '', `stopped after ${SSE_LIMITS.maxEvents} events`);
    return {
      format: 'sse',
      events: this.events,
      commentCount: this.commentCount,
      issues: this.issues,
      truncated,
    };
  }

  private handleLine(line: string): void {
    this.lineNumber += 1;
    if (this.overflow) return;
    this.currentLine = line;
    if (line === '') {
      this.parser.feed('\n');
      this.blockStartLine = null;
      this.blockHasData = false;
      this.blockIssuesFrom = null;
      return;
    }
    if (line.charCodeAt(0) !== 58 /* ':' comment */) {
      if (this.blockStartLine === null) this.blockStartLine = this.lineNumber;
      if (isDataField(line, 0, line.length)) this.blockHasData = true;
    }
    this.parser.feed(line + '\n');
  }

  private addIssue(line: number, text: string, message: string): void {
    if (this.issues.length >= SSE_LIMITS.maxIssues) return;
    if (this.blockStartLine !== null) this.blockIssuesFrom ??= this.issues.length;
    this.issues.push({ line, text: text.slice(0, SSE_LIMITS.maxIssueTextChars), message });
  }
}

/**
 * Whether the line text[start..end) is a `data` field (`data` alone or `data:…`): a block with one
 * is dispatched as an event (WHATWG "dispatch the event" skips a block whose data buffer is empty).
 */
function isDataField(text: string, start: number, end: number): boolean {
  return text.startsWith('data', start) && (end === start + 4 || text.charCodeAt(start + 4) === 58);
}

/** Frame a whole SSE body. Never throws. */
export function parseSse(text: string): StreamTrace {
  return readSseWhole(text) ?? parseSseByLine(text);
}

/** The framer fed the whole body: the reference readSseWhole is tested against. */
export function parseSseByLine(text: string): StreamTrace {
  const framer = new SseFramer();
  framer.feed(text);
  return framer.finish();
}

/**
 * The common body, framed with one `feed` of the whole text instead of one per line (issue 15:
 * eventsource-parser's per-call cost made the per-line framing 8× slower than one call on the bench
 * file's bodies). Only for a body the line framer would frame without a word to say: LF line ends
 * only, no BOM, every block with data closed by a blank line, and no line the library reports. Each
 * event's line is its block's first non-comment line, found by a scan of the lines as handleLine
 * finds it. Null when any of that does not hold, or when the library dispatches other events than
 * the scan counted: the line framer then frames the body.
 */
export function readSseWhole(text: string): StreamTrace | null {
  if (!text.endsWith('\n') || text.includes('\r') || text.charCodeAt(0) === 0xfeff) return null;
  if (text.length > SSE_LIMITS.maxBufferChars) return null;
  const eventLines: number[] = [];
  let line = 0;
  let blockStart = 0;
  let blockHasData = false;
  for (let start = 0, nl = text.indexOf('\n'); nl !== -1; start = nl + 1, nl = text.indexOf('\n', start)) {
    line += 1;
    if (nl === start) {
      if (blockHasData) eventLines.push(blockStart);
      blockStart = 0;
      blockHasData = false;
      continue;
    }
    if (text.charCodeAt(start) === 58 /* ':' comment */) continue;
    if (blockStart === 0) blockStart = line;
    if (isDataField(text, start, nl)) blockHasData = true;
  }
  if (blockHasData || eventLines.length > SSE_LIMITS.maxEvents) return null;
  const events: StreamEvent[] = [];
  const json = new StreamJsonReader();
  let commentCount = 0;
  let differs = false;
  const parser = createParser({
    onEvent: (message) => {
      const at = eventLines[events.length];
      if (at === undefined) {
        differs = true;
        return;
      }
      const event: StreamEvent = {
        index: events.length,
        event: message.event ?? null,
        id: message.id ?? null,
        data: message.data,
        line: at,
      };
      events.push(json.attach(event));
    },
    onComment: () => {
      commentCount += 1;
    },
    onError: () => {
      differs = true;
    },
    maxBufferSize: SSE_LIMITS.maxBufferChars,
  });
  parser.feed(text);
  if (differs || events.length !== eventLines.length) return null;
  return { format: 'sse', events, commentCount, issues: [], truncated: false };
}

/** Frame an SSE body delivered as byte chunks (UTF-8), split anywhere, even inside a character. */
export function parseSseChunks(chunks: Iterable<Uint8Array>): StreamTrace {
  const decoder = new TextDecoder('utf-8');
  const framer = new SseFramer();
  for (const chunk of chunks) framer.feed(decoder.decode(chunk, { stream: true }));
  framer.feed(decoder.decode());
  return framer.finish();
}

/**
 * Cheap test whether a text body looks like SSE even without the content type: its first
 * non-blank, non-comment line is a known field.
 */
export function looksLikeSse(text: string): boolean {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '');
  for (const raw of head.split(/\r\n|\r|\n/)) {
    const line = raw.trimEnd();
    if (line === '' || line.startsWith(':')) continue;
    return /^(data|event|id|retry)(:|$)/.test(line);
  }
  return false;
}
