/**
 * Citations of a streamed Anthropic response. They arrive as `citations_delta` events inside a text
 * block (https://docs.anthropic.com/en/docs/build-with-claude/citations#streaming-support), but the
 * shared assembler folds consecutive text blocks into one text part and knows no citations. So the
 * stream reader records which block each text delta and each citation belongs to, and this module
 * replays the assembler's text-part rule to put every citation on the text part its block became.
 */
import type { ContentPart, StreamDelta } from '../../model/conversation';

/** What the stream reader records while reading. */
export interface CitationTracker {
  /** Block key of each text delta (by object identity). */
  textBlockOf: Map<StreamDelta, string>;
  /** Citations per block key, in arrival order. */
  citationsOf: Map<string, unknown[]>;
}

export function newCitationTracker(): CitationTracker {
  return { textBlockOf: new Map(), citationsOf: new Map() };
}

export function recordCitation(tracker: CitationTracker, blockKey: string, citation: unknown): void {
  const list = tracker.citationsOf.get(blockKey);
  if (list) list.push(citation);
  else tracker.citationsOf.set(blockKey, [citation]);
}

/**
 * Ordinal of the text part each block's text lands in, following assemble-stream.ts: a non-empty
 * text delta extends the last part when it is text, else starts a text part; reasoning and a new
 * tool call end the run of text.
 */
function textPartOrdinals(deltas: readonly StreamDelta[], tracker: CitationTracker): Map<string, number> {
  const ordinals = new Map<string, number>();
  const calls = new Set<string>();
  let ordinal = -1;
  let lastIsText = false;
  for (const delta of deltas) {
    if (delta.kind === 'text') {
      if (delta.text === '') continue;
      if (!lastIsText) ordinal += 1;
      lastIsText = true;
      const block = tracker.textBlockOf.get(delta);
      if (block !== undefined && !ordinals.has(block)) ordinals.set(block, ordinal);
    } else if (delta.kind === 'reasoning') {
      lastIsText = false;
    } else if (
      delta.kind === 'tool-call-start' ||
      delta.kind === 'tool-call-args' ||
      delta.kind === 'server-tool-result'
    ) {
      // Only a call the assembler has not seen yet adds a part (a result for an unseen call too).
      if (!calls.has(delta.key)) lastIsText = false;
      if (delta.kind !== 'server-tool-result') calls.add(delta.key);
    }
  }
  return ordinals;
}

/** Put each block's citations on its text part (in place); citations of a block without text are kept too. */
export function attachCitations(
  parts: ContentPart[],
  deltas: readonly StreamDelta[],
  tracker: CitationTracker,
): void {
  if (tracker.citationsOf.size === 0) return;
  const ordinals = textPartOrdinals(deltas, tracker);
  const textParts = parts.filter((part) => part.kind === 'text');
  for (const [block, citations] of tracker.citationsOf) {
    const ordinal = ordinals.get(block);
    const target = ordinal === undefined ? undefined : textParts[ordinal];
    if (target && target.kind === 'text') target.citations = [...(target.citations ?? []), ...citations];
    else parts.push({ kind: 'unknown', label: 'citations', raw: citations });
  }
}
