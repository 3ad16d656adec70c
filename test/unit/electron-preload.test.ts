/**
 * The preload, run against a fake `electron`: the page gets `window.api` with one function per
 * contract channel, each forwarding only its input to ipcRenderer.invoke, and nothing else.
 */
import { beforeAll, describe, expect, test, vi } from 'vitest';

vi.mock('electron', () => import('./electron-fakes'));

import * as fake from './electron-fakes';
import { apiChannels as channels } from '../../shared/contract';

let api: Record<string, unknown>;

beforeAll(async () => {
  fake.resetFakes();
  await import('../../electron/preload/index');
  api = fake.contextBridge.exposed.get('api') as Record<string, unknown>;
});

describe('the preload exposes the contract and nothing more', () => {
  test('only `api` reaches the page', () => {
    expect([...fake.contextBridge.exposed.keys()]).toEqual(['api']);
  });

  test('one function per contract channel (backend and shell), no other property', () => {
    expect(Object.keys(api).sort()).toEqual([...channels].sort());
    for (const channel of channels) expect(typeof api[channel], channel).toBe('function');
    expect(api).not.toHaveProperty('ipcRenderer');
    expect(api).not.toHaveProperty('invoke');
  });

  test('each function invokes its own channel with the input alone and returns the answer', async () => {
    for (const channel of channels) {
      const input = { probe: channel };
      const answer = await (api[channel] as (input: unknown) => Promise<unknown>)(input);
      expect(fake.ipcRenderer.invocations.at(-1)).toEqual([channel, input]);
      expect(answer).toEqual({ ok: true, value: { echoed: channel } });
    }
  });

  test('a call without input sends undefined, which the backend reads as "nothing"', async () => {
    await (api['settings:get'] as () => Promise<unknown>)();
    expect(fake.ipcRenderer.invocations.at(-1)).toEqual(['settings:get', undefined]);
  });
});
