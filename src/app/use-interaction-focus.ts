/**
 * Where the reader is inside the selected file, as callbacks for the views: which interaction is
 * selected, which view shows it, the replay's playhead, and the stream event a doctor finding
 * jumped to (`focusEvent`; its `seq` re-runs the jump when the same finding is clicked again).
 */
import { useCallback, useState, type Dispatch } from 'react';
import { replayPositionFor } from '../features/doctor/replay-position';
import type { FindingJump } from '../features/doctor/findings-list';
import type { AppAction } from './app-state';
import type { ExchangeStore } from './exchange-store';
import type { InteractionView } from './url-state';

export interface FocusEvent {
  exchange: number;
  event: number;
  seq: number;
}

export interface InteractionFocus {
  focusEvent: FocusEvent | null;
  /** Selects an interaction (or none) and forgets the jumped-to event. */
  select: (index: number | null) => void;
  selectExchange: (index: number) => void;
  jumpToFinding: (jump: FindingJump) => void;
  changeView: (view: InteractionView) => void;
  changePosition: (positionMs: number) => void;
}

/** `store`: the selected file's full exchanges (for a jump into the replay), null until loaded. */
export function useInteractionFocus(
  dispatch: Dispatch<AppAction>,
  store: ExchangeStore | null,
): InteractionFocus {
  const [focusEvent, setFocusEvent] = useState<FocusEvent | null>(null);
  const select = useCallback(
    (index: number | null) => {
      setFocusEvent(null);
      dispatch({ type: 'exchange-selected', index });
    },
    [dispatch],
  );
  const jumpToFinding = useCallback(
    (jump: FindingJump) => {
      const go = (positionMs: number | null) => {
        dispatch({ type: 'exchange-selected', index: jump.exchangeIndex });
        dispatch({ type: 'view-changed', view: jump.view });
        if (jump.view === 'replay') dispatch({ type: 'replay-position-changed', positionMs });
        setFocusEvent((previous) =>
          jump.eventIndex === null
            ? null
            : { exchange: jump.exchangeIndex, event: jump.eventIndex, seq: (previous?.seq ?? 0) + 1 },
        );
      };
      const { eventIndex } = jump;
      if (jump.view !== 'replay' || eventIndex === null || !store) return go(null);
      // The playhead for the event comes from the full exchange's replay schedule.
      store.get(jump.exchangeIndex).then(
        (exchange) => go(replayPositionFor(exchange, eventIndex)),
        () => go(null),
      );
    },
    [dispatch, store],
  );
  const changeView = useCallback(
    (view: InteractionView) => dispatch({ type: 'view-changed', view }),
    [dispatch],
  );
  const changePosition = useCallback(
    (positionMs: number) => dispatch({ type: 'replay-position-changed', positionMs }),
    [dispatch],
  );
  return { focusEvent, select, selectExchange: select, jumpToFinding, changeView, changePosition };
}
