import { useCallback, useEffect, useState } from 'react';
import { networkProblem } from '../../api/network';
import type { Problem } from '../../api/problems';

export type Loaded<T> =
  | { state: 'loading' }
  | { state: 'ready'; data: T }
  | { state: 'failed'; problems: Problem[] };

/**
 * Loads one view of the console: `load` answers the data or the API's problems. `reload` asks
 * again (after an action), keeping the current data on screen meanwhile.
 */
export function useLoad<T>(
  load: () => Promise<{ data: T } | { problems: Problem[] }>,
  deps: unknown[],
): { loaded: Loaded<NonNullable<T>>; reload(): void } {
  const [loaded, setLoaded] = useState<Loaded<NonNullable<T>>>({ state: 'loading' });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let current = true;
    load().then(
      (result) => {
        if (!current) return;
        setLoaded(
          'data' in result
            ? { state: 'ready', data: result.data as NonNullable<T> }
            : { state: 'failed', problems: result.problems },
        );
      },
      () => current && setLoaded({ state: 'failed', problems: [networkProblem] }),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { loaded, reload };
}
