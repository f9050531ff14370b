/**
 * The "Replay" tab: plays one streamed response back at its recorded (or estimated) pace.
 * Placeholder so the app shell can mount it; the player lands in the following commits.
 */
import type { AnalyzedExchange } from '../../core/model/analysis';

export interface StreamReplayProps {
  exchange: AnalyzedExchange;
  /** Position on the recorded timeline in ms (speed-independent), from the URL hash; null = start. */
  positionMs: number | null;
  /** Called at rest points (pause, seek, step, end), not on every frame. */
  onPositionChange: (ms: number) => void;
}

export function StreamReplay({ exchange }: StreamReplayProps) {
  return (
    <section aria-label="Stream replay">
      <p>Replay of interaction {exchange.http.index} is being built.</p>
    </section>
  );
}
