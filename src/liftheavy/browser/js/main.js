/* Runners Lift Heavy: the gym layer of the site, the entry of the gym script. Progressive
   enhancement only: every prescription is already in the page, this adds to it.
   src/liftheavy/browser/bundle.py joins this module and those it imports, in import order,
   into the one served file assets/javascripts/liftheavy-gym.js.

   Every page: register the service worker (offline.js). Week pages (they carry the data-lh-*
   attributes of src/liftheavy/pages/gymkeys.py): check-offs, rest timer and beep, keep
   screen awake, kg/lb with your 1RM turned into loads and plates, full sessions or only the
   before-run (high-mileage) version, the log on every card (logcard.js), today's session marked
   (blocktoday.js). */

import { $, $$, on } from "./dom.js";
import { load, save } from "./storage.js";
import { registerServiceWorker } from "./offline.js";
import { checkOffs, restOf } from "./checkoffs.js";
import { calculator } from "./calculator.js";
import { beeper } from "./sound.js";
import { restTimer } from "./timer.js";
import { wakeLock } from "./wakelock.js";
import { markToday } from "./blocktoday.js";
import { logCards } from "./logcard.js";

function gymPage(gym) {
  const week = gym.dataset.lhGym;
  const announcer = $("[data-lh-announce]");
  // The same text twice would not be announced again: make it differ.
  const say = (text) => {
    announcer.textContent = announcer.textContent === text ? text + "\u00a0" : text;
  };
  const setting = (name, fallback) => {
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

  let rest = null;
  let cards = null;
  const settings = calculator(gym, () => cards.refresh());
  cards = logCards(gym, say, settings);
  const autoRest = setting("autorest", true);
  checkOffs(week, say, (box) => {
    cards.ticked(box);
    const button = restOf(box);
    if (box.checked && autoRest.checked && button) rest.start(button);
  });
  rest = restTimer(say, beeper(setting("sound", false)));
  $$("[data-lh-rest]").forEach((button) => on(button, "click", () => rest.start(button)));
  const awake = wakeLock(gym, say);
  on(document, "visibilitychange", () => {
    if (document.visibilityState !== "visible") return;
    rest.refresh();
    awake.refresh();
  });

  registerServiceWorker().then(() => {
    // The sentence is in the page from the start, invisible, so showing it moves nothing.
    $("[data-lh-offline]", gym).classList.remove("lh-offline-pending");
  }, () => {});
}

const start = () => {
  const gym = $("[data-lh-gym]");
  if (gym) {
    gymPage(gym);
    markToday(gym);
  } else registerServiceWorker().catch(() => {});
};
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
