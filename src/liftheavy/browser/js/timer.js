/* Rest timer: a bar docked at the bottom of a week page, counting down to a wall-clock
   deadline (Date.now), so it stays right when the phone locks or throttles timers.
   The state is {end, name} while running or {left, name} while paused (ms); it is saved
   on every change, so a reload (or the phone discarding the tab) picks up a running rest.
   The state functions are pure (time is passed in); `restTimer` wires them to the page. */

import { $, on } from "./dom.js";
import { load, save } from "./storage.js";

export const ADD_MS = 15000;

export const isPaused = (state) => "left" in state;
export const remaining = (state, now) => (isPaused(state) ? state.left : Math.max(0, state.end - now));
export const clock = (seconds) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
export const restState = (seconds, name, now) => ({ end: now + seconds * 1000, name });
export const togglePause = (state, now) =>
  isPaused(state) ? { end: now + state.left, name: state.name } : { left: remaining(state, now), name: state.name };
export const addTime = (state, ms) =>
  isPaused(state) ? { left: state.left + ms, name: state.name } : { end: state.end + ms, name: state.name };
// A saved rest worth resuming after a reload: paused, or not over yet.
export const stillRunning = (saved, now) => Boolean(saved) && (isPaused(saved) || saved.end > now);
// The screen-reader milestone: said once, when the countdown passes 30 seconds.
export const passesThirty = (lastSecond, seconds) => lastSecond > 30 && seconds <= 30 && seconds > 0;

// `say` speaks to screen readers; `sound` is the beep (sound.js).
export function restTimer(say, sound) {
  const timerBar = $("[data-lh-timer]");
  const time = $("[data-lh-timer-time]");
  const what = $("[data-lh-timer-what]");
  const pause = $("[data-lh-timer-pause]");
  const skip = $("[data-lh-timer-skip]");
  let timer = null;
  let ticker = 0;
  let lastSecond = 0;
  let returnFocus = null;
  const left = () => remaining(timer, Date.now());
  const showTimer = (visible) => {
    timerBar.hidden = !visible;
    document.documentElement.classList.toggle("lh-timing", visible);
  };
  const tick = () => {
    const ms = left();
    const seconds = Math.ceil(ms / 1000);
    if (passesThirty(lastSecond, seconds)) say("30 seconds left");
    lastSecond = seconds;
    if (ms <= 0) return finish();
    time.textContent = clock(seconds);
    what.textContent = (isPaused(timer) ? "Paused: " : "Rest: ") + timer.name;
    pause.textContent = isPaused(timer) ? "Resume" : "Pause";
  };
  const keep = () => {
    save("timer", timer);
    if (!isPaused(timer)) sound.schedule(left() / 1000, 3);
    else sound.cancel();
    tick();
  };
  const run = (state) => {
    timer = state;
    lastSecond = Math.ceil(left() / 1000);
    timerBar.classList.remove("lh-timer--done");
    pause.hidden = false;
    skip.textContent = "Skip";
    showTimer(true);
    clearInterval(ticker);
    ticker = setInterval(tick, 250);
    keep();
  };
  const finish = () => {
    clearInterval(ticker);
    save("timer", null);
    timerBar.classList.add("lh-timer--done");
    time.textContent = "Rest over";
    what.textContent = "Next set: " + timer.name;
    pause.hidden = true;
    skip.textContent = "Close";
    say("Rest over");
    if (navigator.vibrate) navigator.vibrate([300, 150, 300]);
  };
  const stop = () => {
    clearInterval(ticker);
    sound.cancel();
    save("timer", null);
    timer = null;
    const hadFocus = timerBar.contains(document.activeElement);
    showTimer(false);
    if (hadFocus && returnFocus) returnFocus.focus();
  };
  // `button` is what carries data-lh-rest (the card's rest button).
  const start = (button) => {
    // Skip/Close give focus back to what started the rest (the set's box or the button).
    returnFocus = timerBar.contains(document.activeElement) ? returnFocus : document.activeElement;
    sound.unlock();
    const card = button.closest(".lh-card");
    run(restState(+button.dataset.lhRest, $(".lh-card__title a", card).textContent, Date.now()));
  };
  on(pause, "click", () => {
    timer = togglePause(timer, Date.now());
    keep();
  });
  on($("[data-lh-timer-add]"), "click", () => {
    if (timerBar.classList.contains("lh-timer--done")) return run(restState(ADD_MS / 1000, timer.name, Date.now()));
    timer = addTime(timer, ADD_MS);
    lastSecond = Math.ceil(left() / 1000);
    keep();
  });
  on(skip, "click", stop);
  const saved = load("timer", null);
  if (stillRunning(saved, Date.now())) run(saved);
  // When the page is shown again, catch up at once instead of at the next tick.
  const refresh = () => {
    if (timer && ticker && !timerBar.classList.contains("lh-timer--done")) tick();
  };
  return { start, refresh };
}
