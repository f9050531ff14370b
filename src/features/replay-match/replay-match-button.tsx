/** The top bar's "Would it replay?" toggle: opens the request-matching view for the selected file. */
export function ReplayMatchButton({ open, onToggle }: { open: boolean; onToggle: () => void }) {
  return (
    <button type="button" className="button" aria-pressed={open} onClick={onToggle}>
      Would it replay?
    </button>
  );
}
