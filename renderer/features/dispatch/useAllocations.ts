import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Allocation } from '../../../shared/contract';
import type { Result } from '../../../shared/errors';
import { call } from '../../api/client';
import { allocationRequestOf, type DispatchLine } from './dispatchForm';

/** How long typing pauses before the FEFO proposals are asked for again. */
const debounceMs = 250;

interface Request {
  key: string;
  itemId: string;
  quantity: number;
  sourceId: string | null;
  batchId: string | null;
}

interface Answer {
  request: string;
  result: Result<Allocation>;
}

export type ProposalState =
  | { status: 'none' }
  | { status: 'loading' }
  | { status: 'ok'; allocation: Allocation }
  | { status: 'error'; result: Result<Allocation> & { ok: false } };

function signature(r: Omit<Request, 'key'>, generation: number): string {
  return `${r.itemId}|${r.quantity}|${r.sourceId ?? ''}|${r.batchId ?? ''}|${generation}`;
}

/**
 * The live FEFO proposal (`stock:allocate`) of every line, asked for once typing pauses. An answer
 * counts only for the request it answers: a slow answer to an older quantity is dropped, never shown.
 * `refresh()` asks again for every line (after a refusal, stock may have moved).
 */
export function useAllocations(lines: DispatchLine[]) {
  const [generation, setGeneration] = useState(0);
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  /** The latest request per line; answers to anything else are superseded. Written only in callbacks. */
  const wanted = useRef(new Map<string, string>());
  const settled = useRef(new Map<string, Answer>());
  /** Requests asked and not yet answered, so posting and the debounce never ask the same twice. */
  const inFlight = useRef(new Map<string, Promise<Answer>>());

  const requests = useMemo(
    () =>
      lines.flatMap((line): Request[] => {
        const r = allocationRequestOf(line);
        return r ? [{ key: line.key, ...r }] : [];
      }),
    [lines],
  );
  const requestsKey = JSON.stringify(requests);

  const ask = useCallback((r: Request, gen: number): Promise<Answer> => {
    const request = signature(r, gen);
    const known = settled.current.get(r.key);
    if (known?.request === request) return Promise.resolve(known);
    const flightKey = `${r.key}\u0000${request}`;
    const asked = inFlight.current.get(flightKey);
    if (asked) return asked;
    wanted.current.set(r.key, request);
    const answered = call('stock:allocate', {
      itemId: r.itemId,
      quantity: r.quantity,
      sourceId: r.sourceId,
      batchId: r.batchId,
    }).then((result) => {
      const answer = { request, result };
      if (wanted.current.get(r.key) === request) {
        settled.current.set(r.key, answer);
        setAnswers((all) => ({ ...all, [r.key]: answer }));
      }
      inFlight.current.delete(flightKey);
      return answer;
    });
    inFlight.current.set(flightKey, answered);
    return answered;
  }, []);

  useEffect(() => {
    const pending = JSON.parse(requestsKey) as Request[];
    const timer = window.setTimeout(() => {
      for (const r of pending) void ask(r, generation);
    }, debounceMs);
    return () => window.clearTimeout(timer);
  }, [requestsKey, generation, ask]);

  /** What the screen shows for a line right now. */
  const proposalOf = useCallback(
    (line: DispatchLine): ProposalState => {
      const r = allocationRequestOf(line);
      if (!r) return { status: 'none' };
      const answer = answers[line.key];
      if (!answer || answer.request !== signature(r, generation)) return { status: 'loading' };
      return answer.result.ok
        ? { status: 'ok', allocation: answer.result.value }
        : { status: 'error', result: answer.result };
    },
    [answers, generation],
  );

  /** Every line's current proposal, asking at once for those still pending (before posting). */
  const proposalsNow = useCallback(
    async (current: DispatchLine[]): Promise<Map<string, Result<Allocation>>> => {
      const entries = await Promise.all(
        current.flatMap((line) => {
          const r = allocationRequestOf(line);
          return r ? [ask({ key: line.key, ...r }, generation).then((a) => [line.key, a.result] as const)] : [];
        }),
      );
      return new Map(entries);
    },
    [ask, generation],
  );

  const refresh = useCallback(() => setGeneration((g) => g + 1), []);

  return { proposalOf, proposalsNow, refresh };
}
