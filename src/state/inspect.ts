/**
 * The answers of the "what the network learned" lesson, kept apart from LabState: they are large (thousands
 * of coordinates, 64 feature maps) and only that panel reads them, so there is no reason to copy them
 * through the reducer on every training batch. A panel asks a question, keeps the request id, and reads
 * the latest answer to it; asking anew forgets the old answer.
 */
import { useSyncExternalStore } from 'react';
import type { InspectQuery, InspectResult } from '../runtime/inspect-messages';
import { onEvent, send } from './store';

/** A question's state: asked and unanswered (`pending`), or its latest answer (progress, a result, a failure). */
export type Answer = { readonly kind: 'pending' } | InspectResult;

const answers = new Map<number, Answer>();
const listeners = new Set<() => void>();
let lastRequest = 0;

onEvent((event) => {
  // Answers to forgotten questions (the student asked something else meanwhile) are dropped.
  if (event.type !== 'inspected' || !answers.has(event.requestId)) return;
  answers.set(event.requestId, event.result);
  for (const listener of listeners) listener();
});

const PENDING: Answer = { kind: 'pending' };

/** Sends a question to the engine; returns its request id, or null when the engine cannot take it yet. */
export function ask(query: InspectQuery, previous: number | null = null): number | null {
  if (previous !== null) forget(previous);
  const requestId = ++lastRequest;
  // The image of a filters question is copied, not transferred: the page keeps showing it.
  if (!send({ type: 'inspect', requestId, query })) return null;
  answers.set(requestId, PENDING);
  for (const listener of listeners) listener();
  return requestId;
}

/** Asks the engine to stop a UMAP layout early (it answers with the layout so far). */
export function stopAsking(requestId: number): void {
  send({ type: 'stopInspect', requestId });
}

/** Drops a question's answer (and ignores any that arrives later). */
export function forget(requestId: number): void {
  if (answers.delete(requestId)) for (const listener of listeners) listener();
}

/** React hook: the latest answer to a question, or null when none was asked. */
export function useAnswer(requestId: number | null): Answer | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => (requestId === null ? null : answers.get(requestId) ?? null),
  );
}
