/**
 * Tells a scanner's burst from a person typing, one keydown at a time. Pure (times are passed in), so
 * the rules are unit-tested without a browser; renderer/scan/ScanCapture.tsx feeds it real events (pure, hence in shared/ where the unit tests reach it).
 *
 * A burst is a run of characters, closed by a terminator key (Enter or Tab, per the settings). It is
 * a scan when it holds at least `minLength` characters and its typical time per key — the median of
 * the gaps from its first character to the terminator — is at most `maxIntervalMs`. The median, not
 * the mean: a busy PC may deliver a few of a scanner's keys 100–400 ms late, and a person still
 * cannot type most of six or more keys within 35 ms of each other. A pause of more than 500 ms
 * starts a new run (as does a move of the focus), so what a person typed before pausing to pick up
 * the scanner stays theirs.
 */
import type { ScannerSettings } from '../contract';
import { GS, numpadDigit, scanCharacter, type KeyFacts } from './scanner-keys';

export type BurstDecision =
  /** Not a key that matters to scans; leave it alone and keep the run going (Shift, Alt…). */
  | { type: 'ignore' }
  /**
   * A character was added to the run; `startsRun` when it is the run's first, `fast` when it came
   * within `maxIntervalMs` of the one before (the capture holds such keys back from the field).
   */
  | { type: 'char'; startsRun: boolean; fast: boolean }
  /** An Alt+numpad digit of a GS1 separator being keyed in: the capture must swallow it. */
  | { type: 'swallow' }
  /** The terminator closed a run that is a scan: the capture takes it and stops the key. */
  | { type: 'scan'; code: string; startedAt: number; startIndex: number }
  /** Any other key, or a terminator after a run that is not a scan: the run is dropped. */
  | { type: 'pass' };

const modifierCodes = new Set([
  'ShiftLeft',
  'ShiftRight',
  'ControlLeft',
  'ControlRight',
  'AltLeft',
  'AltRight',
  'MetaLeft',
  'MetaRight',
  'CapsLock',
  'NumLock',
]);

/** Alt + 0 2 9 on the numpad is how Windows keys in character 29, the GS1 group separator. */
const altGroupSeparator = new Set(['29', '029', '0029']);

export class BurstDetector {
  private chars: string[] = [];
  private times: number[] = [];
  private altDigits = '';

  constructor(private settings: ScannerSettings) {}

  configure(settings: ScannerSettings): void {
    this.settings = settings;
    this.reset();
  }

  reset(): void {
    this.chars = [];
    this.times = [];
    this.altDigits = '';
  }

  /** The longest pause between two keys of one run. */
  private get runGap(): number {
    return Math.max(10 * this.settings.maxIntervalMs, 500);
  }

  private isTerminator(event: KeyFacts): boolean {
    if (event.ctrlKey || event.altKey || event.metaKey) return false;
    const enter =
      event.code === 'Enter' || event.code === 'NumpadEnter' || (event.code === '' && event.key === 'Enter');
    if (enter) return this.settings.terminators.includes('Enter');
    if (event.code === 'Tab' && !event.shiftKey) return this.settings.terminators.includes('Tab');
    return false;
  }

  private add(char: string, time: number): BurstDecision {
    const last = this.times[this.times.length - 1];
    const startsRun = last === undefined || time - last > this.runGap;
    if (startsRun) {
      this.chars = [];
      this.times = [];
    }
    this.chars.push(char);
    this.times.push(time);
    return { type: 'char', startsRun, fast: !startsRun && time - last! <= this.settings.maxIntervalMs };
  }

  /** Feeds one keydown at `time` (ms, e.g. event.timeStamp). */
  keydown(event: KeyFacts, time: number): BurstDecision {
    if (modifierCodes.has(event.code) || event.key === 'Shift' || event.key === 'Alt' || event.key === 'Control') {
      return { type: 'ignore' };
    }
    if (event.altKey && !event.ctrlKey && numpadDigit(event.code) !== null) {
      this.altDigits += numpadDigit(event.code)!;
      return { type: 'swallow' };
    }
    if (this.isTerminator(event)) {
      const decision = this.close(time);
      this.reset();
      return decision;
    }
    const char = scanCharacter(event);
    if (char === null) {
      this.reset();
      return { type: 'pass' };
    }
    return this.add(char, time);
  }

  /** Feeds one keyup: releasing Alt ends an Alt+numpad code. */
  keyup(event: KeyFacts, time: number): BurstDecision {
    if (event.code !== 'AltLeft' && event.code !== 'AltRight' && event.key !== 'Alt') return { type: 'ignore' };
    const digits = this.altDigits;
    this.altDigits = '';
    if (altGroupSeparator.has(digits)) return this.add(GS, time);
    return { type: 'ignore' };
  }

  private close(time: number): BurstDecision {
    const last = this.times[this.times.length - 1];
    if (last === undefined || time - last > this.runGap) return { type: 'pass' };
    const start = 0;
    const chars = this.chars.slice(start);
    const times = this.times.slice(start);
    const first = times[0]!;
    if (chars.length < this.settings.minLength) return { type: 'pass' };
    // The median time a key: an average that a busy PC holding a few keys back cannot spoil, and
    // that a person cannot bring down to scanner speed over six keys and more.
    const gaps = [...times.slice(1), time].map((t, i) => t - times[i]!).sort((a, b) => a - b);
    const middle = gaps.length / 2;
    const median = gaps.length % 2 ? gaps[Math.floor(middle)]! : (gaps[middle - 1]! + gaps[middle]!) / 2;
    if (median > this.settings.maxIntervalMs) return { type: 'pass' };
    return { type: 'scan', code: chars.join(''), startedAt: first, startIndex: start };
  }
}
