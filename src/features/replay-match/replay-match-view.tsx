/**
 * "Would it replay?" (issue 20): the selected file as the recording, and as the new side another
 * open file or a pasted curl command, raw HTTP request or cassette text. The matcher starts at the
 * recorder that wrote the file, and the view says why. Matching runs in core, in a worker.
 */
import { useId, useMemo, useRef, useState } from 'react';
import { defaultProfileFor, PROFILES } from '../../core/match';
import type { CassetteFormat, HttpRequest } from '../../core/model/http';
import { MatchRow } from './match-row';
import { useReplayMatch, type MatchInput } from './use-replay-match';
import './replay-match.css';

export interface MatchFile {
  id: string;
  name: string;
  /** The file's requests, in file order (full exchanges come from its load worker). */
  loadRequests: () => Promise<HttpRequest[]>;
}

export interface ReplayMatchViewProps {
  recorded: MatchFile & { format: CassetteFormat; recorder: string | null };
  others: MatchFile[];
  onOpenInteraction: (fileId: string, index: number) => void;
  onClose: () => void;
}

const PASTE = 'paste';

export function ReplayMatchView({ recorded, others, onOpenInteraction, onClose }: ReplayMatchViewProps) {
  const suggested = useMemo(() => defaultProfileFor(recorded), [recorded]);
  const [profile, setProfile] = useState<string>(suggested.profile);
  const [allowRepeats, setAllowRepeats] = useState(false);
  const [sourceId, setSourceId] = useState<string>(others[0]?.id ?? PASTE);
  const [draft, setDraft] = useState('');
  const [submitted, setSubmitted] = useState<string | null>(null);
  const ids = { profile: useId(), source: useId(), paste: useId(), repeats: useId() };
  // The recording's requests are fetched once per view (the app keys the view by file).
  const loadRecorded = useRef(recorded.loadRequests).current;

  const other = others.find((file) => file.id === sourceId);
  // A file closed meanwhile leaves the paste box.
  const source = other ? other.id : PASTE;
  const input = useMemo<MatchInput | null>(() => {
    if (other) return { kind: 'file', id: other.id, load: other.loadRequests };
    return submitted === null ? null : { kind: 'text', text: submitted };
    // `other` changes identity with the app's state; its id is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [other?.id, submitted]);
  const options = useMemo(() => ({ allowRepeats }), [allowRepeats]);
  const state = useReplayMatch(loadRecorded, input, profile, options);
  const chosen = PROFILES.find((item) => item.id === profile);

  return (
    <section className="replay-match" aria-labelledby={`${ids.profile}-title`}>
      <header className="replay-match__header">
        <h2 id={`${ids.profile}-title`}>Would it replay?</h2>
        <p className="replay-match__intro">
          Each new request against <strong>{recorded.name}</strong>, under the recorder’s own matching rules.
        </p>
        <button type="button" className="button" onClick={onClose}>
          Back to the cassette
        </button>
      </header>

      <div className="replay-match__controls">
        <label htmlFor={ids.source}>New requests</label>
        <select id={ids.source} value={source} onChange={(event) => setSourceId(event.target.value)}>
          {others.map((file) => (
            <option key={file.id} value={file.id}>
              {file.name}
            </option>
          ))}
          <option value={PASTE}>Paste a request or curl command…</option>
        </select>

        <label htmlFor={ids.profile}>Matcher</label>
        <select id={ids.profile} value={profile} onChange={(event) => setProfile(event.target.value)}>
          {PROFILES.map((item) => (
            <option key={item.id} value={item.id}>
              {item.id} — {item.label}
              {item.id === suggested.profile ? ' (this file’s recorder)' : ''}
            </option>
          ))}
        </select>
        <p className="replay-match__why" data-testid="replay-match-default">
          Default <strong>{suggested.profile}</strong>: {suggested.reason}.
        </p>
        {chosen && (
          <p className="replay-match__why">
            Matching on {chosen.defaults.join(', ')} · rules from {chosen.source}
          </p>
        )}
        <label className="replay-match__check" htmlFor={ids.repeats}>
          <input
            id={ids.repeats}
            type="checkbox"
            checked={allowRepeats}
            disabled={profile === 'polly'}
            onChange={(event) => setAllowRepeats(event.target.checked)}
          />
          Allow an interaction to replay more than once (allow_playback_repeats / ReplayableInteractions)
        </label>
      </div>

      {source === PASTE && (
        <form
          className="replay-match__paste"
          onSubmit={(event) => {
            event.preventDefault();
            setSubmitted(draft);
          }}
        >
          <label htmlFor={ids.paste}>A curl command, a raw HTTP request, or a cassette’s text</label>
          <textarea
            id={ids.paste}
            value={draft}
            rows={6}
            spellCheck={false}
            placeholder={
              "curl https://api.openai.com/v1/chat/completions -H 'Content-Type: application/json' -d '{…}'"
            }
            onChange={(event) => setDraft(event.target.value)}
            onPaste={(event) => event.stopPropagation()}
          />
          <button type="submit" className="button button--primary" disabled={draft.trim() === ''}>
            Check
          </button>
        </form>
      )}

      <div className="replay-match__results" aria-live="polite">
        {state.status === 'running' && <p className="rm-note">Matching…</p>}
        {state.status === 'failed' && (
          <p className="rm-error" role="alert">
            {state.message}
          </p>
        )}
        {state.status === 'done' && (
          <>
            <p className="rm-summary" data-testid="replay-match-summary">
              {state.report.allReplay
                ? `All ${state.report.verdicts.length} requests would replay`
                : `${state.report.verdicts.filter((verdict) => verdict.interaction !== null).length} of ${state.report.verdicts.length} requests would replay`}{' '}
              under {state.report.profile}.
            </p>
            {state.incoming.notes.map((note) => (
              <p key={note} className="rm-note">
                {note}
              </p>
            ))}
            <ol className="rm-rows">
              {state.report.verdicts.map((verdict) => (
                <MatchRow
                  key={verdict.request}
                  verdict={verdict}
                  recorded={state.recorded}
                  onOpenRecorded={(index) => onOpenInteraction(recorded.id, index)}
                  onOpenNew={other ? (index) => onOpenInteraction(other.id, index) : undefined}
                />
              ))}
            </ol>
          </>
        )}
      </div>
    </section>
  );
}
