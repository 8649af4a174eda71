/* The optional beep at the end of a rest (Web Audio). Browsers allow sound only after a
   user gesture, so `unlock` runs in the tap that starts a rest or turns the sound on.
   The beep is scheduled on the audio clock, so it sounds on time even when timers are
   throttled in the background. `box` is the "Beep when rest is over" checkbox. */

import { on } from "./dom.js";

export const BEEP_HZ = 880;
// Start and stop times (s, from `start`) of `count` beeps of 0.2 s every 0.4 s.
export const beepTimes = (start, count) =>
  Array.from({ length: count }, (_, i) => [start + i * 0.4, start + i * 0.4 + 0.2]);

export function beeper(box) {
  let audio = null;
  let beep = null;
  const unlock = () => {
    if (box.checked && window.AudioContext) {
      audio = audio || new AudioContext();
      audio.resume();
    }
  };
  const cancel = () => {
    if (beep) beep.stop();
    beep = null;
  };
  const schedule = (seconds, count) => {
    cancel();
    if (!audio || !box.checked) return;
    const start = audio.currentTime + seconds;
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = BEEP_HZ;
    gain.gain.setValueAtTime(0, 0);
    for (const [up, down] of beepTimes(start, count)) {
      gain.gain.setValueAtTime(0.4, up);
      gain.gain.setValueAtTime(0, down);
    }
    tone.connect(gain).connect(audio.destination);
    tone.start(start);
    tone.stop(start + count * 0.4);
    beep = tone;
  };
  on(box, "change", () => {
    unlock();
    schedule(0, 1); // a sample, and the tap that allows sound later
  });
  return { unlock, cancel, schedule };
}
