/**
 * The character a scanner meant by a key, read from the physical key (`event.code`) and Shift — not
 * from `event.key`, which a Chinese input method turns into 'Process' and a non-US layout into other
 * characters. USB scanners emulate a US keyboard, so the US layout is the truth here.
 */

/** The GS1 group separator (FNC1) as one character. */
export const GS = '\u001d';

const shifted: Record<string, [string, string]> = {
  Digit1: ['1', '!'],
  Digit2: ['2', '@'],
  Digit3: ['3', '#'],
  Digit4: ['4', '$'],
  Digit5: ['5', '%'],
  Digit6: ['6', '^'],
  Digit7: ['7', '&'],
  Digit8: ['8', '*'],
  Digit9: ['9', '('],
  Digit0: ['0', ')'],
  Minus: ['-', '_'],
  Equal: ['=', '+'],
  BracketLeft: ['[', '{'],
  BracketRight: [']', '}'],
  Backslash: ['\\', '|'],
  Semicolon: [';', ':'],
  Quote: ["'", '"'],
  Comma: [',', '<'],
  Period: ['.', '>'],
  Slash: ['/', '?'],
  Backquote: ['`', '~'],
};

const numpad: Record<string, string> = {
  NumpadMultiply: '*',
  NumpadAdd: '+',
  NumpadSubtract: '-',
  NumpadDecimal: '.',
  NumpadDivide: '/',
};

/** The fields of a keydown the capture reads (a KeyboardEvent has them all). */
export interface KeyFacts {
  code: string;
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  /** Caps Lock is on (KeyboardEvent.getModifierState('CapsLock')). */
  capsLock?: boolean;
}

/** The digit of a numpad key ('Numpad7' → '7'), or null. */
export function numpadDigit(code: string): string | null {
  return /^Numpad\d$/.test(code) ? code.slice(6) : null;
}

/**
 * The character a key stands for in a scan, or null when the key types nothing a scan holds
 * (modifiers, arrows, function keys). Ctrl+] and F8 are the GS1 separator scanners send for FNC1;
 * a raw \x1d arriving as the key itself counts too. Alt+numpad digits are handled by the capture.
 */
export function scanCharacter(event: KeyFacts): string | null {
  if (event.key === GS) return GS;
  if (event.code === 'F8' && !event.ctrlKey && !event.altKey && !event.metaKey) return GS;
  if (event.ctrlKey && event.code === 'BracketRight') return GS;
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  const { code } = event;
  if (/^Key[A-Z]$/.test(code)) {
    const letter = code.slice(3);
    // Shift decides (so Caps Lock cannot invert a scanner's capitals); a capital arriving without
    // Shift and without Caps Lock was sent as a capital (scanners in ASCII mode, test drivers).
    const capital = event.shiftKey || (event.key === letter && !event.capsLock);
    return capital ? letter : letter.toLowerCase();
  }
  const pair = shifted[code];
  if (pair) return event.shiftKey || event.key === pair[1] ? pair[1] : pair[0];
  const digit = numpadDigit(code);
  if (digit) return digit;
  if (numpad[code]) return numpad[code]!;
  // A key the table does not know (an unusual layout's extra key): trust its text when it is one
  // printable ASCII character and no input method is composing it.
  if (event.key.length === 1 && event.key >= '!' && event.key <= '~') return event.key;
  return null;
}
