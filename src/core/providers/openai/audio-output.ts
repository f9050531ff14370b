/**
 * Audio the model generated in OpenAI Chat Completions (`modalities: ["text", "audio"]`).
 * API reference: https://platform.openai.com/docs/api-reference/chat/create (request `audio`:
 * `{voice, format}` with format `wav`, `mp3`, `flac`, `opus`, `aac` or `pcm16`) and
 * https://platform.openai.com/docs/api-reference/chat/object (`message.audio`: `id`, `data` base64,
 * `transcript`, `expires_at`); streamed as `choices[].delta.audio` with `id`, `data` and
 * `transcript` pieces (https://platform.openai.com/docs/guides/audio?audio-generation-quickstart-example=audio-out).
 * The response does not repeat the format, so the media type comes from the request.
 */
import type { ContentPart, StreamDelta } from '../../model/conversation';
import { asString, field, isRecord } from '../shared/json';

/** Media types of the formats the API offers. `pcm16` is raw 24 kHz 16-bit samples, no container. */
const AUDIO_TYPES: Record<string, string> = {
  wav: 'audio/wav',
  mp3: 'audio/mpeg',
  flac: 'audio/flac',
  // OpenAI's opus output comes in an Ogg container.
  opus: 'audio/ogg',
  aac: 'audio/aac',
  pcm16: 'audio/pcm',
};

/** The media type of generated audio, from the request's `audio.format` (the API's default is wav). */
export function audioMimeType(requestParams: Record<string, unknown> | undefined): string {
  const format = asString(field(requestParams?.audio, 'format'))?.toLowerCase();
  if (format === undefined) return 'audio/wav';
  return AUDIO_TYPES[format] ?? `audio/${format.replace(/[^a-z0-9.+-]/g, '') || 'unknown'}`;
}

/** `message.audio` of a plain response as an audio part, or null when there is none. */
export function readMessageAudio(message: unknown, mimeType: string): ContentPart | null {
  const audio = field(message, 'audio');
  if (!isRecord(audio)) return null;
  const data = asString(field(audio, 'data'));
  const transcript = asString(field(audio, 'transcript'));
  if (data === undefined && transcript === undefined) return null;
  const part: Extract<ContentPart, { kind: 'audio' }> = {
    kind: 'audio',
    source: { kind: 'inline', mimeType, base64: data ?? '' },
  };
  if (transcript !== undefined) part.transcript = transcript;
  const id = asString(field(audio, 'id'));
  if (id !== undefined) part.id = id;
  return part;
}

/** `delta.audio` of a stream chunk as an audio delta, or null when the chunk has none. */
export function readAudioDelta(delta: unknown, eventIndex: number, mimeType: string): StreamDelta | null {
  const audio = field(delta, 'audio');
  if (!isRecord(audio)) return null;
  const out: Extract<StreamDelta, { kind: 'audio' }> = { kind: 'audio', eventIndex, mimeType };
  const data = asString(field(audio, 'data'));
  const transcript = asString(field(audio, 'transcript'));
  const id = asString(field(audio, 'id'));
  if (data) out.data = data;
  if (transcript) out.transcript = transcript;
  if (id) out.id = id;
  return out.data || out.transcript || out.id ? out : null;
}
