import type { ApiChannel, ChannelInput, ChannelOutput } from './contract';
import type { Result } from './errors';

/**
 * The renderer's door to the backend and the shell, derived from the contract: one function per channel.
 * The preload builds it over Electron IPC; the UI tests build it over a Playwright page binding.
 */
export type Api = {
  readonly [C in ApiChannel]: (input?: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;
};

/** The global name the renderer finds the API under. */
export const apiGlobalName = 'api';
