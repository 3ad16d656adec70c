import { describe, expect, it } from 'vitest';
import { defaultScannerSettings } from '../../shared/contract';
import { BurstDetector, type BurstDecision } from '../../shared/scan/burst-detector';
import { scanCharacter, type KeyFacts } from '../../shared/scan/scanner-keys';

const plain = { shiftKey: false, ctrlKey: false, altKey: false, metaKey: false };

/** The key a US-layout scanner sends for a character, as the browser reports it (optionally through an IME). */
function keyFor(char: string, ime = false): KeyFacts {
  let facts: KeyFacts;
  if (/\d/.test(char)) facts = { ...plain, code: `Digit${char}`, key: char };
  else if (/[a-z]/.test(char)) facts = { ...plain, code: `Key${char.toUpperCase()}`, key: char };
  else if (/[A-Z]/.test(char)) facts = { ...plain, shiftKey: true, code: `Key${char}`, key: char };
  else if (char === '-') facts = { ...plain, code: 'Minus', key: '-' };
  else if (char === '(') facts = { ...plain, shiftKey: true, code: 'Digit9', key: '(' };
  else if (char === ')') facts = { ...plain, shiftKey: true, code: 'Digit0', key: ')' };
  else throw new Error(`no key for ${char}`);
  return ime ? { ...facts, key: 'Process' } : facts;
}
const enter: KeyFacts = { ...plain, code: 'Enter', key: 'Enter' };
const tab: KeyFacts = { ...plain, code: 'Tab', key: 'Tab' };

/** Feeds `text` one key every `gap` ms from `start`, then the terminator; returns the last decision. */
function type(detector: BurstDetector, text: string, gap: number, terminator = enter, start = 1000, ime = false) {
  let time = start;
  for (const char of text) {
    detector.keydown(keyFor(char, ime), time);
    time += gap;
  }
  return detector.keydown(terminator, time);
}

describe('telling a scanner from a person', () => {
  it('a burst of 13 digits at 5 ms a key ended by Enter is a scan', () => {
    expect(type(new BurstDetector(defaultScannerSettings), '6901234567892', 5)).toEqual<BurstDecision>({
      type: 'scan',
      code: '6901234567892',
      startedAt: 1000,
      startIndex: 0,
    });
  });

  it('the same digits typed at 80 ms a key are typing, and Enter passes through', () => {
    expect(type(new BurstDetector(defaultScannerSettings), '6901234567892', 80).type).toBe('pass');
  });

  it('a burst shorter than the minimum is typing; Tab ends a scan only when Tab is a terminator', () => {
    expect(type(new BurstDetector(defaultScannerSettings), '12345', 3).type).toBe('pass');
    expect(type(new BurstDetector(defaultScannerSettings), '123456', 3, tab).type).toBe('scan');
    const enterOnly = new BurstDetector({ ...defaultScannerSettings, terminators: ['Enter'] });
    expect(type(enterOnly, '123456', 3, tab).type).toBe('pass');
  });

  it('characters typed slowly before a burst are not taken into the scan', () => {
    const detector = new BurstDetector(defaultScannerSettings);
    // A person types at 90 ms a key; the scanner starts a little later.
    detector.keydown(keyFor('9'), 200);
    detector.keydown(keyFor('8'), 290);
    expect(type(detector, '6901234567892', 4, enter, 900)).toMatchObject({ code: '6901234567892', startedAt: 900 });
  });

  it('a busy machine delivering a few keys of a burst 200–400 ms late does not break the scan', () => {
    const detector = new BurstDetector(defaultScannerSettings);
    const gaps = [180, 5, 6, 400, 5, 5, 300, 7, 5, 5, 6, 250, 5];
    let time = 0;
    [...'6901234567892'].forEach((c, i) => detector.keydown(keyFor(c), (time += gaps[i]!)));
    expect(detector.keydown(enter, time + 6)).toMatchObject({ type: 'scan', code: '6901234567892' });
  });

  it('a fast typist with some quick key pairs is still typing', () => {
    const detector = new BurstDetector(defaultScannerSettings);
    const gaps = [40, 30, 90, 25, 120, 33, 80, 60];
    let time = 0;
    [...'12345678'].forEach((c, i) => detector.keydown(keyFor(c), (time += gaps[i]!)));
    expect(detector.keydown(enter, time + 70).type).toBe('pass');
  });

  it('reads the scan from key codes and Shift: an IME reporting "Process" changes nothing', () => {
    expect(type(new BurstDetector(defaultScannerSettings), 'RK-2026-00001', 4, enter, 0, true)).toMatchObject({
      type: 'scan',
      code: 'RK-2026-00001',
    });
    expect(type(new BurstDetector(defaultScannerSettings), '(01)09501101530003', 4)).toMatchObject({
      code: '(01)09501101530003',
    });
  });

  it('a non-US layout (AZERTY gives "&" on Digit1) cannot change what the scanner meant', () => {
    expect(scanCharacter({ ...plain, code: 'Digit1', key: '&' })).toBe('1');
    expect(scanCharacter({ ...plain, shiftKey: true, code: 'KeyQ', key: 'A' })).toBe('Q');
  });

  it('turns every way scanners send the GS1 separator into one \\x1d', () => {
    const GS = '\x1d';
    expect(scanCharacter({ ...plain, ctrlKey: true, code: 'BracketRight', key: ']' })).toBe(GS);
    expect(scanCharacter({ ...plain, code: 'F8', key: 'F8' })).toBe(GS);
    expect(scanCharacter({ ...plain, code: '', key: GS })).toBe(GS);
    // Alt held, 0 2 9 on the numpad, Alt released.
    const detector = new BurstDetector(defaultScannerSettings);
    let time = 0;
    for (const c of '10AB') detector.keydown(keyFor(c), (time += 3));
    detector.keydown({ ...plain, code: 'AltLeft', key: 'Alt', altKey: true }, (time += 3));
    for (const d of '029') {
      expect(detector.keydown({ ...plain, altKey: true, code: `Numpad${d}`, key: d }, (time += 3)).type).toBe(
        'swallow',
      );
    }
    detector.keyup({ ...plain, code: 'AltLeft', key: 'Alt' }, (time += 3));
    for (const c of '17270101') detector.keydown(keyFor(c), (time += 3));
    expect(detector.keydown(enter, time + 3)).toMatchObject({ type: 'scan', code: `10AB${GS}17270101` });
  });

  it('follows changed settings at once', () => {
    const detector = new BurstDetector(defaultScannerSettings);
    detector.configure({ minLength: 4, maxIntervalMs: 100, terminators: ['Enter'] });
    expect(type(detector, '1234', 60).type).toBe('scan');
  });
});
