/**
 * The "Replay" tab (issue 5): plays one response back as the client received it, at its recorded
 * pace where the file has one and an estimate, labelled as such, where it does not.
 *
 * Contract with the app shell: `positionMs` is the playhead on the recorded timeline (speed does
 * not change it), kept in the URL hash as a deep link; `onPositionChange` is called where the
 * playhead comes to rest (pause, end, seek, step, restart), never on every frame, so the shell can
 * write the hash without flooding history. A changed `positionMs` from outside (a link, a stream
 * doctor jump built with core/replay `eventTimeMs`) moves the playhead.
 */
import type { AnalyzedExchange } from '../../core/model/analysis';
import { ReplayPlayer } from './replay-player';
import './stream-replay.css';

export interface StreamReplayProps {
  exchange: AnalyzedExchange;
  /** Position on the recorded timeline in ms, from the URL hash; null = start. */
  positionMs: number | null;
  /** Called at rest points (pause, seek, step, end), not on every frame. */
  onPositionChange: (ms: number) => void;
}

/** A fresh player per interaction: a new clock, speed kept per mount. */
const playerKeys = new WeakMap<AnalyzedExchange, number>();
let nextPlayerKey = 1;

function playerKey(exchange: AnalyzedExchange): number {
  let key = playerKeys.get(exchange);
  if (key === undefined) {
    key = nextPlayerKey++;
    playerKeys.set(exchange, key);
  }
  return key;
}

export function StreamReplay({ exchange, positionMs, onPositionChange }: StreamReplayProps) {
  return (
    <ReplayPlayer
      key={playerKey(exchange)}
      exchange={exchange}
      positionMs={positionMs}
      onPositionChange={onPositionChange}
    />
  );
}
