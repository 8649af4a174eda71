/* Your block on the page: the overview's plan form, dated sessions, "missed it" moves and the
   calendar file; the today/ page, which opens today's
   session. Dates and rules are block.js's; the program's shape is the page's data island
   (render.block_data); the plan is kept by blockstore.js, next to the log. Week pages mark
   today's session with blocktoday.js alone. */

import { $, $$, element, on } from "./dom.js";
import { load, save } from "./storage.js";
import { PLAN_KEY, readData, siteRoot, storedPlan } from "./blockstore.js";
import { blockCalendar } from "./blockics.js";
import { addDays, isDay, localDay, longDay, schedule, todayOrNext, weekdayOf, WEEKDAYS } from "./block.js";
import { lastPast, makePlan, moveFrom, newPlanId, nextLine, nextMonday, planWarnings, weekState } from "./blockplan.js";

// Whether this phone's service worker has saved a page for offline use (any deploy's copy).
const savedOffline = (url) => ("caches" in window ? caches.match(url, { ignoreSearch: true }) : Promise.resolve(null))
  .then(Boolean, () => false);

// The one line that leads the overview and today/: today's or the next session, linked to
// it; a week this build does not have yet links to the plan instead and says when it opens.
function nextLink(link, found, today, root) {
  const plan = root + "#your-block";
  if (!found) {
    link.textContent = "Your block is done. Start another one?";
    link.href = plan;
    return;
  }
  const { item } = found;
  const state = weekState(item.week, today);
  const opens = state === "later-today" ? " (opens later today)"
    : state === "coming" ? " (opens " + longDay(item.week.release, false) + ")" : "";
  link.textContent = nextLine(found, today) + opens;
  link.href = item.week.built ? root + item.path : plan;
}

function overview(block, data, offline) {
  let offlineReady = false;
  let editing = false; // the form is open over a plan: a late refresh must not close it
  const form = $("[data-lh-plan-form]", block);
  const view = $("[data-lh-plan-view]", block);
  const problem = $("[data-lh-plan-problem]", block);
  const link = $("[data-lh-next-link]");
  const root = siteRoot();
  let { plan, unreadable, writable } = storedPlan();
  let icsUrl = null;
  let shareFile = null;
  const keep = (next) => {
    plan = next;
    if (!writable || !save(PLAN_KEY, plan)) {
      problem.textContent = "This phone did not save your plan (its storage is full or blocked). It works until you leave this page.";
    }
    show();
  };

  function fillForm() {
    const today = localDay();
    form.elements.start.value = plan ? plan.start : nextMonday(today);
    $$('[name="lift"]', form).forEach((box) => { box.checked = !!plan && plan.liftDays.includes(+box.value); });
    $$('[name="key"]', form).forEach((box) => { box.checked = !!plan && plan.keyDays.includes(+box.value); });
    form.elements.long.value = plan && plan.longRun !== null ? String(plan.longRun) : "";
    const mode = plan ? plan.mode : load("mode", "full") === "short" ? "short" : "full";
    $$('[name="mode"]', form).forEach((radio) => { radio.checked = radio.value === mode; });
  }

  function moveButton(text, index, date) {
    const button = element("button", text, { type: "button" });
    on(button, "click", () => keep(moveFrom(plan, index, date)));
    return button;
  }

  function show() {
    const today = localDay();
    view.hidden = !plan || editing;
    form.hidden = !!plan && !editing;
    $("[data-lh-plan-cancel]", form).hidden = !plan;
    if (!plan) {
      if (link) { link.textContent = "Start your block: your start date, your lift days"; link.href = "#your-block"; }
      if (unreadable) problem.textContent = "Your saved plan could not be read, so it was kept aside. Choose your start date and lift days again.";
      return;
    }
    const items = schedule(plan, data);
    const found = todayOrNext(items, today);
    if (link) nextLink(link, found, today, root);
    $("[data-lh-plan-status]", view).textContent = found
      ? `${nextLine(found, today)}. Your ${items.length} sessions, from ${longDay(items[0].date, false)}:`
      : `Your block is done: ${items.length} sessions, the last on ${longDay(items[items.length - 1].date, false)}.`;
    const list = $("[data-lh-plan-list]", view);
    list.replaceChildren(...items.map((item) => {
      const li = element("li");
      const label = item.label[0].toUpperCase() + item.label.slice(1);
      // A week this build does not have yet is named, not linked (its page would be missing).
      li.append(item.week.built ? element("a", label, { href: root + item.path }) : label, ` ${longDay(item.date, false)}`);
      if (item.date === today) { li.classList.add("lh-plan__today"); li.append(element("strong", " Today")); }
      if (item.date < today) li.classList.add("lh-plan__past");
      const state = weekState(item.week, today);
      const note = state === "later-today" ? `Week ${item.week.number} opens later today.`
        : state === "coming" ? `Week ${item.week.number} opens on ${longDay(item.week.release, false)}.` : "";
      if (note) li.append(element("span", note, { class: "lh-plan__note" }));
      else if (offlineReady) {
        savedOffline(root + item.week.path).then((saved) => {
          if (!saved) li.append(element("span", "Not on this phone yet: connect once to save it.", { class: "lh-plan__note" }));
        });
      }
      return li;
    }));
    const warnings = planWarnings(plan);
    const warningList = $("[data-lh-plan-warnings]", view);
    warningList.replaceChildren(...warnings.map((text) => element("li", text)));
    warningList.hidden = !warnings.length;
    const moves = $("[data-lh-plan-moves]", view);
    moves.replaceChildren();
    const past = lastPast(items, today);
    if (past) moves.append(moveButton(`Missed ${past.label} on ${WEEKDAYS[weekdayOf(past.date)]}? Move it and the rest on`, past.index, today));
    if (found && found.today) moves.append(moveButton("Can't lift today? Move today's session and the rest on", found.item.index, addDays(today, 1)));
    moves.hidden = !moves.childElementCount;
    // The calendar file, made again for every change (a new revision updates the events).
    const text = blockCalendar(plan, items, root, new Date());
    if (icsUrl) URL.revokeObjectURL(icsUrl);
    const blob = new Blob([text], { type: "text/calendar" });
    icsUrl = URL.createObjectURL(blob);
    $("[data-lh-plan-ics]", view).href = icsUrl;
    shareFile = typeof File === "function" ? new File([blob], "runners-lift-heavy-my-block.ics", { type: "text/calendar" }) : null;
    $("[data-lh-plan-share]", view).hidden = !(shareFile && navigator.canShare && navigator.canShare({ files: [shareFile] }));
  }

  on(form, "submit", (event) => {
    event.preventDefault();
    const start = form.elements.start.value;
    const liftDays = $$('[name="lift"]:checked', form).map((box) => +box.value);
    const keyDays = $$('[name="key"]:checked', form).map((box) => +box.value);
    if (!isDay(start)) { problem.textContent = "Choose the day you start."; return; }
    if (liftDays.length !== 2) { problem.textContent = `Choose two lift days (you chose ${liftDays.length}).`; return; }
    problem.textContent = "";
    const longRun = form.elements.long.value === "" ? null : +form.elements.long.value;
    const mode = $('[name="mode"]:checked', form).value;
    // A changed plan keeps its id and counts on, so a calendar downloaded again updates its
    // events; a block that is over gets a new one, so the next block's events are new ones
    // and the finished block stays in the calendar as it was.
    const goingOn = plan && todayOrNext(schedule(plan, data), localDay());
    const next = makePlan({ id: goingOn ? plan.id : newPlanId(), start, liftDays, longRun, keyDays, mode });
    if (goingOn) next.revision = plan.revision + 1;
    editing = false;
    keep(next);
    $("[data-lh-plan-status]", view).focus();
  });
  on($("[data-lh-plan-edit]", view), "click", () => {
    fillForm();
    editing = true;
    show();
    form.elements.start.focus();
  });
  on($("[data-lh-plan-cancel]", form), "click", () => {
    editing = false;
    show();
  });
  on($("[data-lh-plan-share]", view), "click", () => {
    navigator.share({ files: [shareFile], title: "Runners Lift Heavy: my block" }).catch(() => {});
  });
  $("[data-lh-plan-status]", view).tabIndex = -1;
  fillForm();
  show();
  block.hidden = false;
  offline.then(() => { offlineReady = true; show(); }, () => {});
  const next = $("[data-lh-next]");
  if (next) next.hidden = false;
}

// The today/ page: straight on to today's session; otherwise say what is next.
function todayPage(line, data, plan) {
  const today = localDay();
  const root = siteRoot();
  if (!plan) {
    line.append("No plan on this phone yet.");
  } else {
    const found = todayOrNext(schedule(plan, data), today);
    if (found && found.today && found.item.week.built) {
      location.replace(root + found.item.path);
      return;
    }
    const link = element("a", "", {});
    nextLink(link, found, today, root);
    line.append(found && !found.today ? "No session today. " : "", link);
  }
  line.hidden = false;
}

// `offline`: a promise of the service worker being ready (to check which weeks it saved).
export function blockPage(offline) {
  const data = readData();
  if (!data) return;
  const block = $("[data-lh-block]");
  if (block) {
    overview(block, data, offline);
    return;
  }
  const today = $("[data-lh-today]");
  if (today) todayPage(today, data, storedPlan().plan);
}
