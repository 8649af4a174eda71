/* Runners Lift Heavy: the gym layer of the site. Progressive enhancement only: every
   prescription is already in the page, this script adds to it.

   Every page: register the service worker (sw.js, next to the web app manifest, at the
   site root) so the whole site opens with no signal after one visit.

   Week pages (they carry data-lh-* attributes rendered by src/liftheavy/pages/gymkeys.py):
   - set check-offs, kept in localStorage per week and session under each card's
     data-lh-key, a hash of the prescription, so changed data never inherits old ticks;
   - a rest timer counting down to a wall-clock deadline (Date.now), so it stays right when
     the phone locks; milestones only for screen readers; optional beep (Web Audio);
   - keep screen awake (Screen Wake Lock API), only where the browser has it;
   - kg/lb, your 1RM per main lift → loads you can load, plates per side on a barbell;
   - full sessions or only the before-run (high-mileage) version. */
(() => {
  "use strict";
  const $ = (selector, root = document) => root.querySelector(selector);
  const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];
  const on = (target, type, handler) => target && target.addEventListener(type, handler);

  // Storage can be missing or full (private modes): then everything works until a reload.
  const load = (key, fallback) => {
    try {
      const value = localStorage.getItem("lh-" + key);
      return value === null ? fallback : JSON.parse(value);
    } catch (error) {
      return fallback;
    }
  };
  const save = (key, value) => {
    try {
      localStorage.setItem("lh-" + key, JSON.stringify(value));
    } catch (error) { /* not saved: nothing else to do */ }
  };

  // After the page has loaded, so the precache download never slows the first view.
  const pageLoaded = new Promise((resolve) => {
    if (document.readyState === "complete") resolve();
    else window.addEventListener("load", resolve);
  });
  function registerServiceWorker() {
    const manifest = $('link[rel="manifest"]');
    if (!("serviceWorker" in navigator) || !manifest) return Promise.reject();
    return pageLoaded
      .then(() => navigator.serviceWorker.register(new URL("sw.js", manifest.href).href))
      .then(() => navigator.serviceWorker.ready);
  }

  /* ---- loads: kg/lb, 1RM, plates ---- */
  const KG_PER_LB = 0.45359237;
  const STEP = { kg: 2.5, lb: 5 };
  const BARS = { kg: { 20: 20, 15: 15 }, lb: { 20: 45, 15: 35 } };
  const PLATES = { kg: [25, 20, 15, 10, 5, 2.5, 1.25], lb: [45, 35, 25, 10, 5, 2.5] };
  const BELLS = {
    kg: [4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 32, 36, 40, 44, 48],
    lb: [10, 15, 20, 25, 30, 35, 40, 45, 50, 53, 55, 60, 62, 70, 80, 88, 97, 106],
  };
  const number = (x) => String(+x.toFixed(2));
  // The closest bell; on a tie the lighter one (the list is in ascending order).
  const nearest = (list, x) => list.reduce((best, v) => (Math.abs(v - x) < Math.abs(best - x) ? v : best));

  function loadText(kind, target, unit, barSetting) {
    const u = " " + unit;
    const bells = BELLS[unit];
    if (kind === "barbell") {
      const bar = BARS[unit][barSetting];
      const total = Math.max(bar, Math.round(target / STEP[unit]) * STEP[unit]);
      let side = (total - bar) / 2;
      const plates = [];
      for (const plate of PLATES[unit]) {
        while (side >= plate - 1e-9) { plates.push(number(plate)); side -= plate; }
      }
      if (!plates.length) return `${number(total)}${u}: the empty bar`;
      return `${number(total)}${u} = ${bar}${u} bar + ${plates.join(" + ")}${u} per side`;
    }
    if (kind === "kettlebell-pair" || (kind === "kettlebell" && target > bells[bells.length - 1])) {
      const bell = nearest(bells, target / 2);
      return `two ${bell}${u} bells (${bell * 2}${u})`;
    }
    if (kind === "kettlebell") return `one ${nearest(bells, target)}${u} bell`;
    return number(Math.round(target / STEP[unit]) * STEP[unit]) + u;
  }

  /* ---- the week page ---- */
  function gymPage(gym) {
    const week = gym.dataset.lhGym;
    const announcer = $("[data-lh-announce]");
    const say = (text) => {
      announcer.textContent = announcer.textContent === text ? text + "\u00a0" : text;
    };
    const settings = (name, fallback) => {
      const box = $(`[data-lh-${name}]`, gym);
      box.checked = load(name, fallback);
      on(box, "change", () => save(name, box.checked));
      return box;
    };
    gym.hidden = false;
    $$("[data-lh-tools], [data-lh-rest]").forEach((el) => { el.hidden = false; });

    // Full sessions or only the before-run version: one class on <body>, CSS does the rest.
    const setMode = (mode) => {
      document.body.classList.toggle("lh-short", mode === "short");
      $$('[name="lh-mode"]', gym).forEach((radio) => { radio.checked = radio.value === mode; });
    };
    setMode(load("mode", "full"));
    $$('[name="lh-mode"]', gym).forEach((radio) => on(radio, "change", () => {
      save("mode", radio.value);
      setMode(radio.value);
    }));

    // Check-offs: one stored list of ticked sets per week and session.
    const sessionOf = (el) => el.closest("[data-lh-session]").dataset.lhSession;
    const storeKey = (session) => `ticks-${week}-${session}`;
    const ticked = {};
    $$("[data-lh-tick]").forEach((box) => {
      const session = sessionOf(box);
      ticked[session] = ticked[session] || new Set(load(storeKey(session), []));
      box.checked = ticked[session].has(box.dataset.lhTick);
    });
    const autoRest = settings("autorest", true);
    $$("[data-lh-tick]").forEach((box) => on(box, "change", () => {
      const session = sessionOf(box);
      save(storeKey(session), $$(`[data-lh-session="${session}"] [data-lh-tick]:checked`).map((b) => b.dataset.lhTick));
      const rest = $("[data-lh-rest]", box.closest(".lh-card"));
      if (box.checked && autoRest.checked && rest) startRest(rest);
    }));
    $$("[data-lh-reset]").forEach((button) => on(button, "click", () => {
      const session = button.dataset.lhReset;
      $$(`[data-lh-session="${session}"] [data-lh-tick]`).forEach((box) => { box.checked = false; });
      save(storeKey(session), []);
      say("Ticks cleared");
    }));

    // Units, bar and 1RMs (kept in kg, shown in the chosen unit); loads on the cards.
    const bar = $("[data-lh-bar]", gym);
    const oneRepMax = load("1rm", {});
    let unit = load("unit", "kg");
    const inUnit = (kg) => (unit === "kg" ? kg : kg / KG_PER_LB);
    const showLoads = () => {
      $$("[data-lh-percent]").forEach((card) => {
        const kg = oneRepMax[card.dataset.lhLift];
        const calc = $("[data-lh-calc]", card);
        calc.hidden = !kg;
        if (kg) {
          const target = (inUnit(kg) * card.dataset.lhPercent) / 100;
          calc.textContent = "Your load: " + loadText(card.dataset.lhLoading, target, unit, bar.value);
        }
      });
    };
    const showUnit = () => {
      $$('[name="lh-unit"]', gym).forEach((radio) => { radio.checked = radio.value === unit; });
      $$("[data-lh-unit]", gym).forEach((el) => { el.textContent = unit; });
      $$("[data-lh-max]", gym).forEach((input) => {
        const kg = oneRepMax[input.dataset.lhMax];
        input.value = kg ? String(+inUnit(kg).toFixed(1)) : "";
      });
      showLoads();
    };
    $$('[name="lh-unit"]', gym).forEach((radio) => on(radio, "change", () => {
      unit = radio.value;
      save("unit", unit);
      showUnit();
    }));
    if (bar) {
      bar.value = load("bar", "20");
      on(bar, "change", () => { save("bar", bar.value); showLoads(); });
    }
    $$("[data-lh-max]", gym).forEach((input) => on(input, "input", () => {
      const value = parseFloat(input.value);
      if (value > 0) oneRepMax[input.dataset.lhMax] = unit === "kg" ? value : value * KG_PER_LB;
      else delete oneRepMax[input.dataset.lhMax];
      save("1rm", oneRepMax);
      showLoads();
    }));
    showUnit();

    // Optional beep, unlocked by the tap that starts the rest (browsers require a gesture).
    const sound = settings("sound", false);
    let audio = null;
    let beep = null;
    const unlockAudio = () => {
      if (sound.checked && window.AudioContext) {
        audio = audio || new AudioContext();
        audio.resume();
      }
    };
    const cancelBeep = () => {
      if (beep) beep.stop();
      beep = null;
    };
    // Scheduled on the audio clock, so it sounds on time even when timers are throttled.
    const scheduleBeep = (seconds, count) => {
      cancelBeep();
      if (!audio || !sound.checked) return;
      const start = audio.currentTime + seconds;
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.frequency.value = 880;
      gain.gain.setValueAtTime(0, 0);
      for (let i = 0; i < count; i++) {
        gain.gain.setValueAtTime(0.4, start + i * 0.4);
        gain.gain.setValueAtTime(0, start + i * 0.4 + 0.2);
      }
      tone.connect(gain).connect(audio.destination);
      tone.start(start);
      tone.stop(start + count * 0.4);
      beep = tone;
    };
    on(sound, "change", () => {
      unlockAudio();
      scheduleBeep(0, 1); // a sample, and the tap that allows sound later
    });

    // Rest timer: state is {end} while running or {left} while paused (ms), plus a name.
    const timerBar = $("[data-lh-timer]");
    const time = $("[data-lh-timer-time]");
    const what = $("[data-lh-timer-what]");
    const pause = $("[data-lh-timer-pause]");
    const skip = $("[data-lh-timer-skip]");
    let timer = null;
    let ticker = 0;
    let lastSecond = 0;
    let returnFocus = null;
    const remaining = () => ("left" in timer ? timer.left : Math.max(0, timer.end - Date.now()));
    const clock = (s) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
    const showTimer = (visible) => {
      timerBar.hidden = !visible;
      document.documentElement.classList.toggle("lh-timing", visible);
    };
    const tick = () => {
      const ms = remaining();
      const seconds = Math.ceil(ms / 1000);
      if (lastSecond > 30 && seconds <= 30 && seconds > 0) say("30 seconds left");
      lastSecond = seconds;
      if (ms <= 0) return finish();
      time.textContent = clock(seconds);
      what.textContent = ("left" in timer ? "Paused: " : "Rest: ") + timer.name;
      pause.textContent = "left" in timer ? "Resume" : "Pause";
    };
    const keep = () => {
      save("timer", timer);
      if (!("left" in timer)) scheduleBeep(remaining() / 1000, 3);
      else cancelBeep();
      tick();
    };
    const run = (state) => {
      timer = state;
      lastSecond = Math.ceil(remaining() / 1000);
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
      cancelBeep();
      save("timer", null);
      timer = null;
      const hadFocus = timerBar.contains(document.activeElement);
      showTimer(false);
      if (hadFocus && returnFocus) returnFocus.focus();
    };
    function startRest(button) {
      // Skip/Close give focus back to what started the rest (the set's box or the button).
      returnFocus = timerBar.contains(document.activeElement) ? returnFocus : document.activeElement;
      unlockAudio();
      const card = button.closest(".lh-card");
      run({ end: Date.now() + button.dataset.lhRest * 1000, name: $(".lh-card__title a", card).textContent });
    }
    $$("[data-lh-rest]").forEach((button) => on(button, "click", () => startRest(button)));
    on(pause, "click", () => {
      if ("left" in timer) timer = { end: Date.now() + timer.left, name: timer.name };
      else timer = { left: remaining(), name: timer.name };
      keep();
    });
    on($("[data-lh-timer-add]"), "click", () => {
      if (timerBar.classList.contains("lh-timer--done")) return run({ end: Date.now() + 15000, name: timer.name });
      if ("left" in timer) timer.left += 15000;
      else timer.end += 15000;
      lastSecond = Math.ceil(remaining() / 1000);
      keep();
    });
    on(skip, "click", stop);
    // A reload (or the phone discarding the tab) picks up a rest still running.
    const saved = load("timer", null);
    if (saved && ("left" in saved || saved.end > Date.now())) run(saved);

    // Keep the screen awake: a toggle, re-acquired when the page is shown again.
    const wake = $("[data-lh-wake]", gym);
    let lock = null;
    const acquire = () => navigator.wakeLock.request("screen").then(
      (sentinel) => { lock = sentinel; },
      () => { wake.checked = false; say("This browser would not keep the screen awake"); },
    );
    $("[data-lh-wake-tip]", gym).hidden = "wakeLock" in navigator;
    gym.classList.toggle("lh-no-wake", !("wakeLock" in navigator));
    if ("wakeLock" in navigator) {
      $("[data-lh-wake-option]", gym).hidden = false;
      wake.checked = load("wake", false);
      if (wake.checked) acquire();
      on(wake, "change", () => {
        save("wake", wake.checked);
        if (wake.checked) acquire();
        else if (lock) lock.release().then(() => { lock = null; });
      });
    }
    on(document, "visibilitychange", () => {
      if (document.visibilityState !== "visible") return;
      if (timer && ticker && !timerBar.classList.contains("lh-timer--done")) tick();
      if (wake.checked && (!lock || lock.released)) acquire();
    });

    registerServiceWorker().then(() => {
      $("[data-lh-offline]", gym).textContent = "This site now works offline on this phone.";
    }, () => {});
  }

  const start = () => {
    const gym = $("[data-lh-gym]");
    if (gym) gymPage(gym);
    else registerServiceWorker().catch(() => {});
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
