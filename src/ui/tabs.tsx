/**
 * Tabs following the WAI-ARIA Authoring Practices tabs pattern
 * (https://www.w3.org/WAI/ARIA/apg/patterns/tabs/): one tab stop, arrow keys move between tabs
 * and activate them (automatic activation), Home/End jump to the ends.
 */
import { useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TabItem<T extends string> {
  id: T;
  label: string;
  /** Small text after the label, e.g. an event count. */
  badge?: string;
}

export interface TabsProps<T extends string> {
  idPrefix: string;
  label: string;
  tabs: ReadonlyArray<TabItem<T>>;
  selected: T;
  onSelect: (id: T) => void;
  children: ReactNode;
  /** Extra controls at the end of the tab bar. */
  trailing?: ReactNode;
}

export function Tabs<T extends string>({
  idPrefix,
  label,
  tabs,
  selected,
  onSelect,
  children,
  trailing,
}: TabsProps<T>) {
  const refs = useRef(new Map<T, HTMLButtonElement>());
  const panelRef = useRef<HTMLDivElement>(null);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const position = tabs.findIndex((tab) => tab.id === selected);
    const moves: Record<string, number> = {
      ArrowRight: (position + 1) % tabs.length,
      ArrowLeft: (position - 1 + tabs.length) % tabs.length,
      Home: 0,
      End: tabs.length - 1,
    };
    const target = moves[event.key];
    const tab = target === undefined ? undefined : tabs[target];
    if (!tab) return;
    event.preventDefault();
    onSelect(tab.id);
    refs.current.get(tab.id)?.focus();
  };

  return (
    <div className="tabs">
      <div className="tabs__bar">
        <div role="tablist" aria-label={label} className="tabs__list" onKeyDown={onKeyDown}>
          {tabs.map((tab) => {
            const active = tab.id === selected;
            return (
              <button
                key={tab.id}
                ref={(element) => {
                  if (element) refs.current.set(tab.id, element);
                  else refs.current.delete(tab.id);
                }}
                type="button"
                role="tab"
                id={`${idPrefix}-tab-${tab.id}`}
                aria-selected={active}
                aria-controls={`${idPrefix}-panel`}
                tabIndex={active ? 0 : -1}
                className="tabs__tab"
                // Choosing a tab (click, Enter or Space) moves focus into its panel, so the panel's
                // own keys work at once: Space plays the Replay (issue 18). Arrow keys still move
                // between tabs and keep focus on the tab list, as the APG pattern asks.
                onClick={() => {
                  onSelect(tab.id);
                  requestAnimationFrame(() => panelRef.current?.focus({ preventScroll: true }));
                }}
              >
                {tab.label}
                {tab.badge && <span className="tabs__badge">{tab.badge}</span>}
              </button>
            );
          })}
        </div>
        {trailing}
      </div>
      <div
        ref={panelRef}
        role="tabpanel"
        tabIndex={-1}
        id={`${idPrefix}-panel`}
        aria-labelledby={`${idPrefix}-tab-${selected}`}
        className="tabs__panel"
      >
        {children}
      </div>
    </div>
  );
}
