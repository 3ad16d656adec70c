import type { z } from 'zod';
import type { Channel, Contract, ChannelOutput, Role } from '../../shared/contract';
import type { PrintTarget } from '../../shared/print/jobs';
import type { Db } from './db/database';

/**
 * Draws a print view as a PDF. The backend cannot draw (that takes Chromium): whoever opens it hands
 * one in — Electron's main a hidden window, the UI tests a browser page. Rejects with the reason.
 */
export type PdfRenderer = (target: PrintTarget) => Promise<Uint8Array>;

/** What every handler may use. Built once per open backend. */
export interface BackendContext {
  db: Db;
  dbPath: string;
  appVersion: string;
  /** The clock; tests may pin it. */
  now(): Date;
  /**
   * Who is doing this. The single place the operator comes from: the OS user until accounts exist.
   */
  operator(): string;
  /** The role the operator acts in (the signed-in user's, or a tool's); null when nobody is signed in. */
  role(): Role | null;
  /** This depot's site code, stamped on every fact row it writes. */
  siteCode(): string;
  /** Draws print views as PDF (the audit package's summary); absent where nothing can draw. */
  renderPdf?: PdfRenderer;
}

/** A channel's handler: parsed input in, the channel's output (or a DomainError thrown) out. */
export type Handler<C extends Channel> = (
  input: z.output<Contract[C]['input']>,
) => ChannelOutput<C> | Promise<ChannelOutput<C>>;

/** Handlers for some channels; each domain provides one such map and they merge into all channels. */
export type HandlersFor<C extends Channel> = { [K in C]: Handler<K> };
export type Handlers = HandlersFor<Channel>;
