import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A screen's filters live in the URL's query string, so a view can be bookmarked, shared and reloaded. Empty values
 * are left out; a change replaces the history entry rather than adding one per keystroke.
 */
export function useUrlFilters<Name extends string>(names: readonly Name[]): [Record<Name, string>, (changes: Partial<Record<Name, string>>) => void] {
  const [params, setParams] = useSearchParams();
  const values = useMemo(
    () => Object.fromEntries(names.map((name) => [name, params.get(name) ?? ''])) as Record<Name, string>,
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [params, names.join(',')],
  );
  const update = useCallback(
    (changes: Partial<Record<Name, string>>) => {
      setParams(
        () => {
          // FOUNDATION: start from the live URL, not react-router's `current`, which is the search params of the render
          // that made this setter: a debounced text filter pushed after a select changed would otherwise drop the select.
          const next = new URLSearchParams(window.location.search);
          for (const [name, value] of Object.entries(changes) as [string, string | undefined][]) {
            if (value === undefined || value === '') next.delete(name);
            else next.set(name, value);
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return [values, update];
}

/** Waits until the person stops typing before a text filter goes to the URL (and the API). */
export function debounce<Args extends unknown[]>(fn: (...args: Args) => void, ms = 300): (...args: Args) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (...args: Args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}
