/**
 * The JSON tree, loaded on first use (React.lazy, https://react.dev/reference/react/lazy): the
 * viewer and its styles are a chunk of their own, out of the page's first bundle. Until it
 * arrives, the JSON shows as indented text, so nothing jumps to a spinner.
 */
import { lazy, Suspense } from 'react';
import type { JsonTreeProps } from './json-tree';

const JsonTree = lazy(() => import('./json-tree'));

export function LazyJsonTree(props: JsonTreeProps & { fallbackText: string }) {
  const { fallbackText, ...tree } = props;
  return (
    <Suspense fallback={<pre className="ri-code">{fallbackText}</pre>}>
      <JsonTree {...tree} />
    </Suspense>
  );
}
