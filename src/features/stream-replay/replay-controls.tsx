/**
 * Transport controls: Play/Pause (Space), restart, previous/next event (← →), speed, the token
 * rate of the estimate, and the timecode. The timecode is written to the DOM on each clock frame
 * (useClockPaint), so it runs without re-rendering this component.
 */
import { useCallback, useRef } from 'react';
import type { ReplaySchedule } from '../../core/replay';
import { ReplayIcon } from './replay-icon';
import { formatTimecode, SPEEDS, speedLabel, type SpeedChoice } from './replay-format';
import { useClockPaint, useIsPlaying, type ReplayClockController } from './use-replay-clock';

export interface ReplayControlsProps {
  schedule: ReplaySchedule;
  controller: ReplayClockController;
  speed: SpeedChoice;
  onSpeedChange: (speed: SpeedChoice) => void;
  tokensPerSecond: number;
  onTokensPerSecondChange: (rate: number) => void;
  onPlay: () => void;
  onRestart: () => void;
  onStep: (direction: -1 | 1) => void;
}

export function ReplayControls(props: ReplayControlsProps) {
  const { schedule, controller, speed, tokensPerSecond } = props;
  const playing = useIsPlaying(controller);
  const timecodeRef = useRef<HTMLSpanElement>(null);
  const paintTimecode = useCallback((position: number) => {
    if (timecodeRef.current) timecodeRef.current.textContent = formatTimecode(position);
  }, []);
  useClockPaint(controller, paintTimecode);
  const estimated = schedule.pacing === 'token-rate';

  return (
    <div className="rp-controls" role="toolbar" aria-label="Replay controls">
      <button
        type="button"
        className="rp-button rp-play"
        onClick={() => (playing ? controller.pause() : props.onPlay())}
        aria-keyshortcuts="Space"
      >
        <ReplayIcon name={playing ? 'pause' : 'play'} />
        {playing ? 'Pause' : 'Play'}
      </button>
      <button
        type="button"
        className="rp-button"
        onClick={props.onRestart}
        aria-label="Restart"
        title="Restart"
      >
        <ReplayIcon name="restart" />
      </button>
      <button
        type="button"
        className="rp-button"
        onClick={() => props.onStep(-1)}
        aria-label="Previous event"
        aria-keyshortcuts="ArrowLeft"
        title="Previous event (←)"
      >
        <ReplayIcon name="previous" />
      </button>
      <button
        type="button"
        className="rp-button"
        onClick={() => props.onStep(1)}
        aria-label="Next event"
        aria-keyshortcuts="ArrowRight"
        title="Next event (→)"
      >
        <ReplayIcon name="next" />
      </button>
      <span className="rp-timecode" aria-label="Timecode">
        <span ref={timecodeRef} className="rp-timecode-now" data-testid="replay-timecode">
          {formatTimecode(controller.getPosition())}
        </span>
        <span className="rp-timecode-end"> / {formatTimecode(schedule.endMs)}</span>
      </span>
      <label className="rp-field">
        Speed
        <select value={speed} onChange={(event) => props.onSpeedChange(event.target.value as SpeedChoice)}>
          {SPEEDS.map((choice) => (
            <option key={choice} value={choice}>
              {speedLabel(choice)}
            </option>
          ))}
        </select>
      </label>
      <label
        className="rp-field"
        title={estimated ? 'Rate of the estimate' : 'Not used: a better timing source exists'}
      >
        Estimate at
        <input
          type="number"
          min={1}
          max={10000}
          step={5}
          value={tokensPerSecond}
          disabled={!estimated}
          onChange={(event) => {
            const value = Number(event.target.value);
            if (Number.isFinite(value) && value >= 1 && value <= 10000) props.onTokensPerSecondChange(value);
          }}
        />
        tok/s
      </label>
    </div>
  );
}
