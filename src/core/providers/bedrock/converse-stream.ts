/**
 * Bedrock ConverseStream events → StreamDelta[]. Each AWS event-stream frame names its event in
 * the `:event-type` header and carries the event's members as JSON. Amazon Nova's
 * InvokeModelWithResponseStream sends the same events wrapped one level
 * (`{"contentBlockDelta": {…}}`) inside base64 `bytes`, so both spellings are read.
 *
 * Streaming reference: https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ConverseStream.html
 * (messageStart, contentBlockStart {start.toolUse}, contentBlockDelta {delta.text | delta.toolUse.input
 * | delta.reasoningContent.{text, signature, redactedContent}}, contentBlockStop, messageStop
 * {stopReason}, metadata {usage, metrics}; exceptions internalServerException,
 * modelStreamErrorException, validationException, throttlingException, serviceUnavailableException),
 * https://docs.aws.amazon.com/nova/latest/userguide/using-invoke-api.html (Nova streaming chunks).
 */
import type { ProviderError, ProviderTiming, StreamDelta } from '../../model/conversation';
import { argumentsTextOf } from '../shared';
import { field, isRecord, objectField, stringField } from '../anthropic/value-guards';
import { readConverseTiming, readConverseUsage } from './converse';

/** One frame: its event name (`:event-type`), message type (`event` / `exception`) and payload. */
export interface ConverseStreamEvent {
  eventIndex: number;
  eventType: string | null;
  messageType: string | null;
  json: unknown;
}

export interface ConverseStreamReading {
  deltas: StreamDelta[];
  providerTiming: ProviderTiming | null;
  notes: string[];
}

const EVENT_NAMES = [
  'messageStart',
  'contentBlockStart',
  'contentBlockDelta',
  'contentBlockStop',
  'messageStop',
  'metadata',
];

/** Unwrap `{"contentBlockDelta": {...}}` (Nova invoke stream) to its name and members. */
function unwrap(eventType: string | null, json: unknown): { name: string | null; body: unknown } {
  if (eventType && EVENT_NAMES.includes(eventType)) return { name: eventType, body: json };
  if (isRecord(json)) {
    const keys = Object.keys(json);
    const wrapped = keys.find((key) => EVENT_NAMES.includes(key) || key.endsWith('Exception'));
    if (wrapped && keys.length <= 2) return { name: wrapped, body: json[wrapped] };
  }
  return { name: eventType, body: json };
}

function blockKey(body: unknown): string {
  const index = field(body, 'contentBlockIndex');
  return `block:${typeof index === 'number' ? index : 0}`;
}

export function readConverseStreamEvents(events: readonly ConverseStreamEvent[]): ConverseStreamReading {
  const reading: ConverseStreamReading = { deltas: [], providerTiming: null, notes: [] };
  const { deltas } = reading;
  for (const event of events) {
    const { eventIndex } = event;
    const { name, body } = unwrap(event.eventType, event.json);
    if (event.messageType === 'exception' || (name !== null && name.endsWith('Exception'))) {
      const error: ProviderError = {
        message: stringField(body, 'message') ?? stringField(body, 'Message') ?? argumentsTextOf(body),
        type: name,
        eventIndex,
      };
      deltas.push({ kind: 'error', eventIndex, error });
      continue;
    }
    switch (name) {
      case 'contentBlockStart': {
        const toolUse = objectField(objectField(body, 'start'), 'toolUse');
        if (toolUse) {
          const key = blockKey(body);
          deltas.push({
            kind: 'tool-call-start',
            eventIndex,
            key,
            id: stringField(toolUse, 'toolUseId') ?? null,
            name: stringField(toolUse, 'name') ?? '(unnamed tool)',
          });
        } else deltas.push({ kind: 'other', eventIndex, label: 'contentBlockStart' });
        break;
      }
      case 'contentBlockDelta': {
        const delta = objectField(body, 'delta');
        const text = field(delta, 'text');
        const toolUse = objectField(delta, 'toolUse');
        const reasoning = objectField(delta, 'reasoningContent');
        if (typeof text === 'string') deltas.push({ kind: 'text', eventIndex, text });
        else if (toolUse) {
          const input = field(toolUse, 'input');
          deltas.push({
            kind: 'tool-call-args',
            eventIndex,
            key: blockKey(body),
            fragment: typeof input === 'string' ? input : argumentsTextOf(input),
          });
        } else if (reasoning) {
          const reasoningText = stringField(reasoning, 'text');
          const signature = stringField(reasoning, 'signature');
          if (reasoningText !== undefined)
            deltas.push({ kind: 'reasoning', eventIndex, text: reasoningText });
          else if (signature !== undefined)
            deltas.push({ kind: 'reasoning', eventIndex, text: '', signature });
          else if (field(reasoning, 'redactedContent') !== undefined)
            deltas.push({ kind: 'reasoning', eventIndex, text: '', redacted: true });
          else deltas.push({ kind: 'other', eventIndex, label: 'reasoningContent' });
        } else
          deltas.push({
            kind: 'other',
            eventIndex,
            label: delta ? (Object.keys(delta)[0] ?? 'contentBlockDelta') : 'contentBlockDelta',
          });
        break;
      }
      case 'messageStop': {
        const reason = stringField(body, 'stopReason');
        deltas.push(
          reason
            ? { kind: 'finish', eventIndex, reason }
            : { kind: 'other', eventIndex, label: 'messageStop' },
        );
        break;
      }
      case 'metadata': {
        const usage = readConverseUsage(field(body, 'usage'));
        if (usage) deltas.push({ kind: 'usage', eventIndex, usage });
        else deltas.push({ kind: 'other', eventIndex, label: 'metadata' });
        reading.providerTiming = readConverseTiming(field(body, 'metrics')) ?? reading.providerTiming;
        break;
      }
      case 'messageStart':
      case 'contentBlockStop':
        deltas.push({ kind: 'other', eventIndex, label: name });
        break;
      default:
        deltas.push({ kind: 'other', eventIndex, label: name ?? 'event' });
        if (reading.notes.length < 20)
          reading.notes.push(`event ${eventIndex}: unknown ConverseStream event "${name ?? '(none)'}"`);
    }
  }
  return reading;
}
