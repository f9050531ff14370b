/**
 * The top bar's "Would it replay?" toggle: opens the request-matching view for the selected file.
 * On narrow screens only "Replay?" shows; the accessible name stays the whole question.
 */
import './replay-match.css';

export function ReplayMatchButton({ open, onToggle }: { open: boolean; onToggle: () => void }) {
  return (
    <button type="button" className="button replay-match-button" aria-pressed={open} onClick={onToggle}>
      <span className="replay-match-button__lead">Would it </span>
      <span className="replay-match-button__tail">replay?</span>
    </button>
  );
}
