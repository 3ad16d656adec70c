/**
 * Short tones for scan feedback, made with WebAudio (no sound files to ship): a high short beep for
 * found, a low longer one for a problem, so a keeper looking at the goods hears the outcome.
 */
let context: AudioContext | null = null;

export function beep(tone: 'found' | 'problem'): void {
  try {
    context ??= new AudioContext();
    if (context.state === 'suspended') void context.resume();
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    const seconds = tone === 'found' ? 0.08 : 0.3;
    oscillator.type = tone === 'found' ? 'sine' : 'square';
    oscillator.frequency.value = tone === 'found' ? 1760 : 220;
    gain.gain.value = 0.12;
    oscillator.connect(gain).connect(context.destination);
    oscillator.start();
    oscillator.stop(context.currentTime + seconds);
  } catch {
    // No audio device (a remote desktop, a test machine): the visible message is the feedback.
  }
}
