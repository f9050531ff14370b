/**
 * Generated (or sent) audio: a player where the browser can play the format, and the transcript
 * (OpenAI Chat `message.audio`, issue 16). The bytes become a Blob URL (allowed by the page's CSP
 * `media-src blob:`), never a request. A file can carry audio the browser cannot decode (a test
 * fixture's placeholder bytes, raw PCM without a container): the player then says so instead of
 * failing silently.
 */
import { useEffect, useState } from 'react';
import type { ContentPart } from '../../core/model/conversation';
import { decodeBase64 } from '../../lib/base64';
import { describeSource } from './describe-source';

/** Containers a browser may play; raw PCM (`audio/pcm`, OpenAI `pcm16`) has no header to play from. */
const PLAYABLE = /^audio\/(wav|x-wav|wave|mpeg|mp3|mp4|aac|flac|ogg|opus|webm)$/;

export interface AudioPartProps {
  part: Extract<ContentPart, { kind: 'audio' }>;
}

function useBlobUrl(mimeType: string, base64: string): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let made: string | null = null;
    try {
      const bytes = decodeBase64(base64);
      made = URL.createObjectURL(new Blob([bytes.slice().buffer], { type: mimeType }));
    } catch {
      made = null;
    }
    setUrl(made);
    return () => {
      if (made) URL.revokeObjectURL(made);
    };
  }, [mimeType, base64]);
  return url;
}

function Player({ mimeType, base64 }: { mimeType: string; base64: string }) {
  const url = useBlobUrl(mimeType, base64);
  const [failed, setFailed] = useState(false);
  if (!url) return <p className="cv-muted">The audio data is not valid base64, so it cannot be played.</p>;
  return (
    <>
      <audio
        className="cv-audio-player"
        controls
        preload="metadata"
        src={url}
        onError={() => setFailed(true)}
      >
        Your browser has no audio player.
      </audio>
      {failed && (
        <p className="cv-audio-note" role="note">
          Your browser could not play this audio: the bytes in the file are not a playable {mimeType} file (a
          test recording may carry placeholder data).
        </p>
      )}
    </>
  );
}

export function AudioPart({ part }: AudioPartProps) {
  const { source } = part;
  const inline = source.kind === 'inline' && source.base64 !== '';
  const playable = inline && PLAYABLE.test(source.mimeType.toLowerCase());
  return (
    <figure className="cv-media cv-audio" aria-label="Audio">
      <figcaption className="cv-muted">
        Audio · {describeSource(source)}
        {part.id ? ` · ${part.id}` : ''}
      </figcaption>
      {playable && source.kind === 'inline' ? (
        <Player mimeType={source.mimeType} base64={source.base64} />
      ) : (
        <p className="cv-muted">
          {source.kind === 'url'
            ? 'Remote audio is not loaded.'
            : inline
              ? `Not playable in a browser (${source.mimeType} has no container to play from).`
              : 'No audio data in the file.'}
        </p>
      )}
      {part.transcript !== undefined && (
        <blockquote className="cv-transcript">
          <span className="cv-transcript-label">Transcript</span>
          <span className="cv-transcript-text">{part.transcript}</span>
        </blockquote>
      )}
    </figure>
  );
}
