/**
 * The IPC door: one `ipcMain.handle` per contract channel. Each call's sender is checked here; the
 * backend then parses the input. The shell's channels (printing) are answered in main after the same
 * check, their input parsed here with their schemas. Nothing is thrown back to the renderer: refusals
 * are Result values.
 */
import { BrowserWindow, ipcMain } from 'electron';
import type { IpcMainInvokeEvent, WebFrameMain } from 'electron';
import type { Backend } from '../backend/index';
import { channels, shellChannels, shellContract, type ApiChannel, type ShellChannel } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import { isTrustedUrl } from './app-origin';
import type { ShellHandlers } from './printing';

/** Decides whether an IPC call comes from a page allowed to use the backend. */
export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

function isMainFrameOf(window: BrowserWindow, frame: WebFrameMain): boolean {
  if (window.isDestroyed()) return false;
  const mainFrame = window.webContents.mainFrame;
  // (processId, routingId) names one RenderFrameHost: the same pair webFrameMain.fromId() takes.
  return mainFrame.processId === frame.processId && mainFrame.routingId === frame.routingId;
}

/** The sender frame's URL, or null when there is no frame or it was disposed (Electron then throws). */
function senderUrl(event: IpcMainInvokeEvent): string | null {
  try {
    return event.senderFrame?.url ?? null;
  } catch {
    return null;
  }
}

/**
 * True when the call comes from the top frame of one of the app's windows and that frame shows a page
 * of a trusted origin. Subframes, other origins and frames already gone are refused.
 */
export function isTrustedSender(event: IpcMainInvokeEvent, origins: ReadonlySet<string>): boolean {
  const url = senderUrl(event);
  const frame = event.senderFrame;
  if (url === null || frame === null) return false;
  const ofOurWindow = BrowserWindow.getAllWindows().some((window) => isMainFrameOf(window, frame));
  return ofOurWindow && isTrustedUrl(url, origins);
}

function forbiddenSender(channel: ApiChannel, event: IpcMainInvokeEvent): Result<never> {
  console.warn(`[main] refused ${channel} from ${senderUrl(event) ?? '(no frame)'}`);
  return {
    ok: false,
    error: { code: 'forbidden-sender', message: `${channel} refused: the caller is not a page of this app` },
  };
}

/** Parses a shell channel's input and runs its handler; a throw still becomes an `internal` Result. */
async function answerShell(
  shell: ShellHandlers,
  channel: ShellChannel,
  input: unknown,
  event: IpcMainInvokeEvent,
): Promise<Result<unknown>> {
  const parsed = shellContract[channel].input.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'invalid-input',
        message: `invalid input for ${channel}`,
        details: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
      },
    };
  }
  try {
    const handler = shell[channel] as (input: unknown, event: IpcMainInvokeEvent) => Promise<Result<unknown>>;
    return await handler(parsed.data, event);
  } catch (err) {
    console.error(`[main] ${channel} failed`, err);
    return { ok: false, error: { code: 'internal', message: `${channel} failed: ${(err as Error)?.message ?? err}` } };
  }
}

/**
 * Registers one handler per contract channel. A trusted sender's call goes to `backend.invoke`
 * (which validates the input and never throws), or for a shell channel to its handler in main; any
 * other sender gets `forbidden-sender` and neither is touched.
 */
export function registerIpc(backend: Pick<Backend, 'invoke'>, isTrusted: SenderCheck, shell: ShellHandlers): void {
  for (const channel of channels) {
    ipcMain.handle(channel, (event, input: unknown) =>
      isTrusted(event) ? backend.invoke(channel, input) : forbiddenSender(channel, event),
    );
  }
  for (const channel of shellChannels) {
    ipcMain.handle(channel, (event, input: unknown) =>
      isTrusted(event) ? answerShell(shell, channel, input, event) : forbiddenSender(channel, event),
    );
  }
}
