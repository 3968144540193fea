import type * as hooks from 'dexie-react-hooks';
import { useSyncExternalStore } from 'react';

/**
 * Live queries that have not answered yet, for as long as a test says: the state of a screen just opened
 * on a busy machine, kept still so the test can act in it. Use in a test file as
 * `vi.mock('dexie-react-hooks', async (actual) => (await import(…this file)).withHeldAnswers(await actual()))`
 * (imported inside the factory: vi.mock runs before the file's imports).
 */
let answering = true;
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** From now on, every live query shows no answer (its default) until `answerLiveQueries`. */
export function holdLiveQueries(): void {
  answering = false;
}

export function answerLiveQueries(): void {
  answering = true;
  for (const listener of listeners) listener();
}

export function withHeldAnswers(actual: typeof hooks): typeof hooks {
  function useLiveQuery<T, TDefault>(
    querier: () => Promise<T> | T,
    deps?: unknown[],
    defaultResult?: TDefault,
  ) {
    const answer = actual.useLiveQuery(querier, deps ?? [], defaultResult);
    return useSyncExternalStore(subscribe, () => answering) ? answer : defaultResult;
  }
  return { ...actual, useLiveQuery: useLiveQuery as typeof actual.useLiveQuery };
}
