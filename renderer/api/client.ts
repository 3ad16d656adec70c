/**
 * The renderer's typed access to the backend. `window.api` is built by the preload (Electron IPC) or
 * by the UI tests (a page binding); both give one function per contract channel returning a Result.
 */
import { useCallback, useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import type { Api } from '../../shared/api';
import type { ApiChannel, ChannelInput, ChannelOutput } from '../../shared/contract';
import { errorCodes, type AppError, type ErrorCode, type Result } from '../../shared/errors';

declare global {
  interface Window {
    readonly api: Api;
  }
}

/** Whether this window was given the backend door at all (it is missing in a plain browser tab). */
export function hasApi(): boolean {
  return typeof window.api === 'object' && window.api !== null;
}

/** Fired on the window when a call finds the session locked or signed out. */
export const sessionLostEvent = 'relief-reserve:session-lost';

/**
 * Calls one channel. Never throws: a broken transport becomes an `internal` error like any other,
 * so every caller handles exactly one shape.
 */
export async function call<C extends ApiChannel>(
  channel: C,
  input?: ChannelInput<C>,
): Promise<Result<ChannelOutput<C>>> {
  if (!hasApi()) {
    return { ok: false, error: { code: 'internal', message: 'window.api is not available' } };
  }
  const send = window.api[channel] as (input?: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;
  try {
    const result = await send(input);
    // The backend locked the session (idle) or nobody is signed in: the window must show its door.
    if (!result.ok && (result.error.code === 'session-locked' || result.error.code === 'not-signed-in')) {
      window.dispatchEvent(new Event(sessionLostEvent));
    }
    return result;
  } catch (err) {
    return { ok: false, error: { code: 'internal', message: `${channel}: ${(err as Error)?.message ?? String(err)}` } };
  }
}

function isTranslated(code: string): code is ErrorCode {
  return (errorCodes as readonly string[]).includes(code);
}

/**
 * The keeper-facing sentence for an error: `errors.<code>` filled in from the error's details (item,
 * source, available, requested…), or a generic line naming an unknown code.
 */
export function errorText(t: TFunction, error: { code: string; details?: unknown }): string {
  const values =
    error.details && typeof error.details === 'object' && !Array.isArray(error.details) ? error.details : {};
  // Details come from the backend at run time, so the typed per-key placeholders cannot be checked here.
  const translate = t as unknown as (key: string, options: object) => string;
  return isTranslated(error.code)
    ? translate(`errors.${error.code}`, values)
    : t('errors.unknown', { code: error.code });
}

/** What a screen shows while data loads: the last value stays visible during a reload. */
export type Loaded<T> =
  { status: 'loading'; stale?: T } | { status: 'ok'; value: T } | { status: 'error'; error: AppError };

interface Settled<T> {
  request: string;
  result: Result<T>;
}

/**
 * Loads one channel's answer for a screen and reloads it when the input changes or `reload()` is
 * called. Answers to superseded requests are dropped, so a slow old answer never overwrites a new one.
 */
export function useChannel<C extends ApiChannel>(
  channel: C,
  input?: ChannelInput<C>,
): { state: Loaded<ChannelOutput<C>>; reload: () => void } {
  const inputKey = JSON.stringify(input ?? null);
  const [generation, setGeneration] = useState(0);
  const [settled, setSettled] = useState<Settled<ChannelOutput<C>> | null>(null);
  const request = `${channel}\u0000${inputKey}\u0000${generation}`;

  useEffect(() => {
    let live = true;
    const parsed = JSON.parse(inputKey) as ChannelInput<C> | null;
    void call(channel, parsed ?? undefined).then((result) => {
      if (live) setSettled({ request, result });
    });
    return () => {
      live = false;
    };
  }, [channel, inputKey, request]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  const last = settled?.result;
  const stale = last?.ok ? last.value : undefined;
  let state: Loaded<ChannelOutput<C>>;
  if (!settled || settled.request !== request) {
    state = stale === undefined ? { status: 'loading' } : { status: 'loading', stale };
  } else if (settled.result.ok) {
    state = { status: 'ok', value: settled.result.value };
  } else {
    state = { status: 'error', error: settled.result.error };
  }
  return { state, reload };
}
