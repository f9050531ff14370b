/**
 * Pretty JSON as a tree (issue 18): syntax colours, each object and array folds, "Expand all" and
 * "Collapse all", and one click to show JSON written inside strings (tool arguments, MCP output)
 * as the objects it holds. The tree is react-json-view-lite (a small, maintained viewer with a
 * WAI-ARIA tree: arrow keys move and fold, one tab stop), loaded on demand by lazy-json-tree.tsx
 * so it stays out of the page's first bundle. Values are React text, so nothing in them runs.
 */
import { useMemo, useState } from 'react';
import { allExpanded, JsonView, type Props as JsonViewProps } from 'react-json-view-lite';
import { countJsonStrings, expandJsonStrings, mapJsonStrings } from '../../lib/json-in-strings';
import { escapeInvisible } from '../../ui/markdown/escape-invisible';
import { formatCount } from '../../ui/format';
import './json-tree.css';

/** Class names for the tree's parts (json-tree.css gives them the light and dark colours). */
const STYLE: JsonViewProps['style'] = {
  container: 'ri-json',
  basicChildStyle: 'ri-json__child',
  childFieldsContainer: 'ri-json__children',
  label: 'ri-json__key',
  clickableLabel: 'ri-json__key ri-json__key--clickable',
  nullValue: 'ri-json__null',
  undefinedValue: 'ri-json__null',
  numberValue: 'ri-json__number',
  stringValue: 'ri-json__string',
  booleanValue: 'ri-json__boolean',
  otherValue: 'ri-json__other',
  punctuation: 'ri-json__punctuation',
  expandIcon: 'ri-json__toggle ri-json__toggle--expand',
  collapseIcon: 'ri-json__toggle ri-json__toggle--collapse',
  collapsedContent: 'ri-json__collapsed',
  noQuotesForStringValues: false,
  quotesForFieldNames: true,
  stringifyStringValues: true,
  ariaLables: { collapseJson: 'Fold', expandJson: 'Unfold' },
};

/** Levels open at first: the body's fields and one level below, as DevTools' preview opens them. */
const OPEN_LEVELS = 2;

export interface JsonTreeProps {
  value: unknown;
  /** Names the tree for screen readers, e.g. "Response body as JSON". */
  label: string;
}

export default function JsonTree({ value, label }: JsonTreeProps) {
  const [nested, setNested] = useState(false);
  // A new key remounts the tree, so "Expand all" and "Collapse all" apply to every node again.
  const [fold, setFold] = useState<{ mode: 'initial' | 'all' | 'none'; round: number }>({
    mode: 'initial',
    round: 0,
  });
  const inStrings = useMemo(() => countJsonStrings(value), [value]);
  // Invisible and bidi characters show escaped (⟨U+…⟩) in keys and values, as everywhere in Raw.
  const shown = useMemo(
    () => mapJsonStrings(nested ? expandJsonStrings(value) : value, escapeInvisible),
    [nested, value],
  );
  if (typeof shown !== 'object' || shown === null) {
    return <pre className="ri-code">{JSON.stringify(shown)}</pre>;
  }
  const shouldExpand =
    fold.mode === 'all' ? allExpanded : fold.mode === 'none' ? (level: number) => level === 0 : undefined;
  return (
    <div className="ri-json-view">
      <div className="ri-json-tools">
        <button
          type="button"
          className="ri-button"
          onClick={() => setFold({ mode: 'all', round: fold.round + 1 })}
        >
          Expand all
        </button>
        <button
          type="button"
          className="ri-button"
          onClick={() => setFold({ mode: 'none', round: fold.round + 1 })}
        >
          Collapse all
        </button>
        {inStrings > 0 && (
          <button
            type="button"
            className="ri-button"
            aria-pressed={nested}
            onClick={() => setNested(!nested)}
          >
            {nested ? 'Show JSON strings as text' : `Expand JSON in strings (${formatCount(inStrings)})`}
          </button>
        )}
      </div>
      <JsonView
        key={`${fold.mode}-${fold.round}-${nested ? 1 : 0}`}
        data={shown}
        style={STYLE}
        shouldExpandNode={shouldExpand ?? ((level: number) => level < OPEN_LEVELS)}
        aria-label={label}
      />
    </div>
  );
}
