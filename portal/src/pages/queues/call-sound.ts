/**
 * The chime of a call, made with the Web Audio API: no audio file to fetch. Browsers let audio start only after
 * a gesture, so the context is made (or resumed) when the person turns the sound on, and reused for the call.
 */
let context: AudioContext | null = null;

/** Call from the click that turns the sound on. */
export function prepareSound(): void {
  if (typeof AudioContext === 'undefined') return;
  context ??= new AudioContext();
  void context.resume().catch(() => undefined);
}

/** Two soft rising tones, under a second, at a moderate volume. */
export function playCallSound(): void {
  prepareSound();
  if (!context) return;
  const start = context.currentTime + 0.05;
  [660, 880].forEach((frequency, index) => {
    if (!context) return;
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    const at = start + index * 0.35;
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.25, at + 0.03);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.3);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(at);
    oscillator.stop(at + 0.32);
  });
}
