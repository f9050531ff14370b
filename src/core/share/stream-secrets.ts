/**
 * Secrets a streamed reply spells out across several events ("sk-proj-Ab" in one SSE delta,
 * "Cd…" in the next): the providers' own stream reading (core/providers) assembles each channel
 * (text, reasoning, each tool call's arguments), the detector scans the assembled text, and a
 * secret no single event holds whole is masked event by event: its first piece becomes the
 * placeholder, the other pieces become empty, so the assembled reply reads the placeholder once.
 * Each event is rewritten as a whole (`data` → `data'`), which masking then replaces in the file.
 */
import type { HttpExchange } from '../model/http';
import type { StreamDelta } from '../model/conversation';
import { readExchange } from '../providers';
import { scanText } from './scan-text';

interface Part {
  eventIndex: number;
  fragment: string;
  start: number;
}

/** A secret in an assembled stream, and, when it is split across events, the events with its pieces. */
export interface SplitSecret {
  secret: string;
  label: string;
  pieces: { eventIndex: number; eventData: string; fragment: string; offset: number; length: number }[];
}

function channelOf(delta: StreamDelta): { key: string; text: string } | null {
  if (delta.kind === 'text') return { key: 'text', text: delta.text };
  if (delta.kind === 'reasoning') return { key: 'reasoning', text: delta.text };
  if (delta.kind === 'tool-call-args') return { key: `tool:${delta.key}`, text: delta.fragment };
  return null;
}

/** Secrets in the assembled stream of one exchange; `pieces` is empty for one no event splits. */
export function findSplitSecrets(exchange: HttpExchange): SplitSecret[] {
  if (!exchange.response?.body?.text) return [];
  const llm = readExchange(exchange);
  if (!llm.stream || llm.deltas.length < 2) return [];
  const channels = new Map<string, { text: string; parts: Part[] }>();
  for (const delta of llm.deltas) {
    const piece = channelOf(delta);
    if (!piece || piece.text === '') continue;
    const channel = channels.get(piece.key) ?? { text: '', parts: [] };
    channel.parts.push({ eventIndex: delta.eventIndex, fragment: piece.text, start: channel.text.length });
    channel.text += piece.text;
    channels.set(piece.key, channel);
  }
  const result: SplitSecret[] = [];
  for (const { text, parts } of channels.values()) {
    if (parts.length < 2) continue;
    const found = new Map<string, string>();
    scanText(text, (secret, label) => {
      // An empty match (a rule whose secret group matched nothing) would make the search below
      // find it at every offset forever; findSecrets drops values this short anyway.
      if (secret.trim().length >= 4 && !found.has(secret)) found.set(secret, label);
    });
    for (const [secret, label] of found) {
      for (let at = text.indexOf(secret); at >= 0; at = text.indexOf(secret, at + secret.length)) {
        const end = at + secret.length;
        const covering = parts.filter((p) => p.start < end && p.start + p.fragment.length > at);
        if (covering.length < 2) {
          // One event holds it whole, so the file text has it literally; but a rule may have
          // needed context from the events before (gitleaks' "facebook" keyword), so it is
          // reported here, to be masked as any other secret.
          result.push({ secret, label, pieces: [] });
          continue;
        }
        result.push({
          secret,
          label,
          pieces: covering.map((p) => {
            const offset = Math.max(at, p.start) - p.start;
            return {
              eventIndex: p.eventIndex,
              eventData: llm.stream?.events[p.eventIndex]?.data ?? '',
              fragment: p.fragment,
              offset,
              length: Math.min(end, p.start + p.fragment.length) - p.start - offset,
            };
          }),
        });
      }
    }
  }
  return result;
}

/**
 * The event's `data` with one piece replaced, or null when the piece cannot be found in it. The
 * event's JSON is parsed and printed again (its string values are what the provider assembled),
 * so the replacement lands in the string that carried the fragment, never in an id or a key.
 */
export function rewriteEventData(
  data: string,
  fragment: string,
  offset: number,
  length: number,
  replacement: string,
): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data) as unknown;
  } catch {
    return null;
  }
  const edited = fragment.slice(0, offset) + replacement + fragment.slice(offset + length);
  let done = false;
  const stack: unknown[] = [parsed];
  while (stack.length > 0 && !done) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    const record = node as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (record[key] === fragment) {
        record[key] = edited;
        done = true;
        break;
      }
      stack.push(record[key]);
    }
  }
  return done ? JSON.stringify(parsed) : null;
}
