import type { AppError } from '../../../shared/errors';
import { call } from '../../api/client';

/** How long typing pauses before the form is written to its draft. */
const autosaveDelayMs = 600;

export interface DraftSaved {
  id: string;
  updatedAt: string;
}

/**
 * Writes one dispatch form to its draft (drafts:save kind 'dispatch'), one save at a time so the
 * first save's id is known before the next one runs: a form never turns into two drafts. Posting
 * stops it first (the posting deletes the draft; a late save must not bring it back).
 */
export class DraftSaver {
  private pending: { payload: unknown; title: string } | null = null;
  private timer: number | undefined;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private id: string | null,
    private readonly onSaved: (saved: DraftSaved) => void,
    private readonly onFailed: (error: AppError) => void,
  ) {}

  get draftId(): string | null {
    return this.id;
  }

  /** Saves after a pause in typing. */
  schedule(payload: unknown, title: string): void {
    if (this.stopped) return;
    this.pending = { payload, title };
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => void this.flush(), autosaveDelayMs);
  }

  /** Saves what is pending now (leaving the screen, before posting); resolves once written. */
  flush(): Promise<void> {
    window.clearTimeout(this.timer);
    const next = this.pending;
    this.pending = null;
    if (next && !this.stopped) {
      this.running = this.running.then(async () => {
        const result = await call('drafts:save', {
          ...(this.id ? { id: this.id } : {}),
          kind: 'dispatch',
          title: next.title,
          payload: next.payload,
        });
        if (result.ok) {
          this.id = result.value.id;
          this.onSaved({ id: result.value.id, updatedAt: result.value.updatedAt });
        } else {
          this.onFailed(result.error);
        }
      });
    }
    return this.running;
  }

  /** Writes what is pending, then takes no more saves; returns the draft id to post with. */
  async stop(): Promise<string | null> {
    await this.flush();
    this.stopped = true;
    return this.id;
  }

  /** Takes saves again (a posting was refused: the draft still stands). */
  resume(): void {
    this.stopped = false;
  }

  /** Forgets the draft for good (posted or discarded). */
  close(): void {
    window.clearTimeout(this.timer);
    this.pending = null;
    this.stopped = true;
  }
}
