/* Your log on a week page's cards. Each set row shows what to lift, one tap on its tick logs
   it, a tap on the numbers opens steppers that move in real steps; each card says what you
   did last time and what to do now by the program's rule, and a %1RM card's load comes from
   your own sets (a typed 1RM overrides). Where it sits: main.js starts it with the settings
   of calculator.js; the log is logstore.js's, the arithmetic effort.js, progression.js and
   loads.js; the card's facts are its data-lh-log (render.log_card), the rules the panel's
   data-lh-rules (render.log_rules). Nothing here is ever written as HTML. */

import { $, $$, element, on } from "./dom.js";
import { load, save } from "./storage.js";
import { lastTime, newEntry, putEntry, readLog, removeEntry, sessionsSinceExport, writeLog } from "./logstore.js";
import { estimateOneRepMax } from "./effort.js";
import { decide, nextWorkingMax } from "./progression.js";
import { STEP, loadText, loadable, rampText, stepped } from "./loads.js";
import { inUnit, number, toKg } from "./units.js";
import { localDay, longDay } from "./block.js";

// The rule's own words on the overview ("Add a step", "Drop a step", "Otherwise, hold"): a %1RM
// card's load changes with its percentage even when the 1RM holds, so never "the same load".
const NOW = { add: "add a step", hold: "hold", drop: "drop a step" };
const BACKUP_AFTER = 3; // sessions logged since the last export before a reminder

// What to lift now: {past, decision, kg, max, typed} from last time's sets by the rule, or
// from a typed 1RM; kg null when nothing says (the card's note stands).
export function suggestion(c, log, today, rules, unit, bar, typedMax) {
  const done = { sets: log.sets.filter((s) => !s.substitute) };
  const past = lastTime(done, [c.id, ...c.former], today);
  const target = past && past.sets[0].target;
  const decision = target ? decide(rules.rule, target, past.sets) : null;
  const kind = c.loading;
  if (c.percent) {
    const estimate = (sets) => Math.max(0, ...sets.map((s) => estimateOneRepMax(s.kg, s.reps, s.rir, rules.chart) || 0));
    const best = past ? estimate(past.sets) : 0;
    // A new variation not logged yet: the data's share (c.from: [percent, ids…]) of another lift's estimate.
    const other = !best && c.from ? lastTime(done, c.from.slice(1), today) : null;
    const max = typedMax || (best ? nextWorkingMax(rules.rule, best, decision || "hold") : other ? (estimate(other.sets) * c.from[0]) / 100 : 0);
    const kg = max ? toKg(loadable(kind, (inUnit(max, unit) * c.percent) / 100, unit, bar), unit) : null;
    return { past, decision, kg, max, typed: !!typedMax, other };
  }
  const heaviest = past ? Math.max(0, ...past.sets.map((s) => s.kg || 0)) : 0;
  if (!heaviest) return { past, decision, kg: null };
  const was = loadable(kind, inUnit(heaviest, unit), unit, bar);
  let now = loadable(kind, inUnit(nextWorkingMax(rules.rule, heaviest, decision || "hold"), unit), unit, bar);
  // "Up" or "down a step" always moves: to the next bell or plate step when 5% rounds back.
  const dir = { add: 1, drop: -1 }[decision];
  if (dir && (now - was) * dir <= 0) now = stepped(kind, was, dir, unit, bar);
  return { past, decision, kg: toKg(now, unit) };
}

// "60 kg × 5, 5, 5" or "60 kg × 5, 62.5 kg × 5"; "30 s"; bodyweight (`plus`) "× 8" or "+10 kg × 8".
export function setsText(sets, unit, plus) {
  const w = (s) => (s.kg ? `${plus ? "+" : ""}${number(inUnit(s.kg, unit))} ${unit}` : "");
  if (sets.every((s) => s.kg === sets[0].kg && s.seconds === null && s.reps !== null)) {
    return `${w(sets[0])} × ${sets.map((s) => s.reps).join(", ")}`.trim();
  }
  return sets.map((s) => `${w(s)} ${s.seconds !== null ? s.seconds + " s" : s.reps !== null ? "× " + s.reps : ""}`.trim()).join(", ");
}

export function logCards(gym, say, settings) {
  const rules = JSON.parse(gym.dataset.lhRules);
  const week = +gym.dataset.lhGym;
  let { log, unreadable, writable } = readLog();
  // The page holds every message (the panel's data-lh-say); this shows the ones that apply.
  const notice = (name, show) => { $(`[data-lh-say="${name}"]`).hidden = !show; };
  notice("unreadable", unreadable);
  notice("locked", !writable);
  const persisted = () => {
    const answer = load("persisted", null);
    notice("kept", answer === true);
    notice("may-clear", answer === false);
  };
  function askToKeep() {
    if (load("persisted", null) !== null || !navigator.storage || !navigator.storage.persist) return;
    navigator.storage.persist().then((granted) => { save("persisted", granted); persisted(); }, () => {});
    const ua = navigator.userAgent;
    const home = navigator.standalone || matchMedia("(display-mode: standalone)").matches;
    // Safari (not Chrome, Firefox or Edge on iOS) in a tab, not a Home Screen app: say so once.
    if (/Safari\//.test(ua) && !/Chrom|CriOS|FxiOS|EdgiOS|Android/.test(ua) && !home && !load("evict-told", false)) {
      save("evict-told", true);
      notice("evict", true);
    }
  }
  const keep = (card) => {
    const ok = writable && writeLog(log);
    const unsaved = $('[data-lh-say="unsaved"]');
    if (!ok) $(".lh-card__do", card.article).before(unsaved);
    unsaved.hidden = ok;
    if (ok) askToKeep();
    const since = sessionsSinceExport(log);
    $("[data-lh-since]").textContent = since;
    notice("backup", since >= BACKUP_AFTER);
    return ok;
  };

  const cards = $$("[data-lh-log]").map((article) => {
    const link = $("h3 a", article);
    const c = { former: [], low: null, high: null, seconds: null, rir: null, percent: 0, ...JSON.parse(article.dataset.lhLog),
      id: link.hash.slice(1), sets: $$("[data-lh-tick]", article).length };
    const card = { article, c, key: article.dataset.lhKey, session: article.dataset.lhSession, name: link.textContent,
      ramp: $(".lh-card__ramp", article) };
    card.percents = card.ramp && card.ramp.textContent;
    card.last = element("p", "", { class: "lh-card__last", hidden: "" });
    $(".lh-card__facts", article).after(card.last);
    card.rows = $$("[data-lh-tick]", article).map((box, i) => {
      const button = element("button", "", { type: "button", class: "lh-set__what", "aria-expanded": "false" });
      box.closest("li").append(button);
      $("span", box.closest("label")).textContent = String(i + 1);
      on(button, "click", () => edit(card, i));
      return { box, button, n: i + 1, values: null };
    });
    return card;
  });

  // A row's own entry: today's, so a tick on another day (a week done again) adds a new one.
  const entryOf = (card, n) => log.sets.filter((s) => s.card === card.key && s.set === n && s.date === localDay()).pop();
  function values(card, row, plan) {
    const logged = entryOf(card, row.n);
    if (logged) return { ...logged, sub: logged.substitute }; // logSet reads kg, reps, seconds, rir, sub
    const before = row.n > 1 && card.rows[row.n - 2].values;
    if (before && before.edited) return { ...before };
    return { kg: plan.kg, reps: card.c.high, seconds: card.c.seconds, rir: card.c.rir, sub: false };
  }
  function rowText(card, row) {
    const v = row.values, u = settings.unit();
    const bodyweight = card.c.loading === "bodyweight";
    const text = setsText([{ kg: v.kg, reps: v.reps, seconds: v.seconds }], u, bodyweight) || (v.kg ? "" : "Log");
    row.button.textContent = (v.kg === null && !bodyweight && card.c.high !== null ? `? ${u} ` : "") + text + (v.sub ? " (sub)" : "");
    row.button.setAttribute("aria-label", `${card.name}, set ${row.n}: ${row.button.textContent}. Change`);
  }
  function show(card) {
    const u = settings.unit(), bar = settings.bar();
    const plan = suggestion(card.c, log, localDay(), rules, u, bar, settings.typed(card.c.id));
    card.rows.forEach((row) => { row.values = values(card, row, plan); rowText(card, row); });
    const { past, decision } = plan;
    card.last.hidden = !past;
    if (past) {
      const rir = past.sets[past.sets.length - 1].rir;
      card.last.textContent = `Last time, ${longDay(past.date, false)}: ${setsText(past.sets, u, card.c.loading === "bodyweight")}`
        + (rir !== null ? `, last set ${rir} in reserve.` : ".") + (decision ? ` Now: ${NOW[decision]}.` : "");
    }
    const calc = $("[data-lh-calc]", card.article);
    if (calc) {
      calc.hidden = !plan.max;
      if (plan.max) {
        // The load in bold; where its 1RM comes from in plain text after it.
        calc.replaceChildren("Your load: " + loadText(card.c.loading, (inUnit(plan.max, u) * card.c.percent) / 100, u, bar),
          // A new variation's estimate comes from the other lift's day (the card's note says which lift).
          element("span", plan.typed ? "" : ` (estimated 1RM ${Math.round(inUnit(plan.max, u))} ${u}, from ${longDay((past || plan.other).date, false)})`));
      }
    }
    // Today's warm-up sets in weights from the same 1RM as the load; the percentages without one.
    if (card.ramp) {
      card.ramp.textContent = plan.max ? "Warm-up sets: " + rampText(card.c.loading, inUnit(plan.max, u), card.c.ramp, u, bar)
        : card.percents;
    }
  }
  const refresh = () => cards.forEach(show);
  // What one set was changed to becomes the plan of the sets after it not logged yet.
  const carry = (card, row) => card.rows.slice(row.n).forEach((next) => {
    if (entryOf(card, next.n)) return;
    next.values = { ...row.values, edited: true };
    rowText(card, next);
  });

  function logSet(card, row) {
    const { c } = card, v = row.values;
    const old = entryOf(card, row.n);
    if (old) log = removeEntry(log, old.id);
    if (row.box.checked) {
      log = putEntry(log, newEntry({
        exercise: c.id, card: card.key, week, session: card.session, set: row.n, date: localDay(),
        kg: v.kg === null ? null : +v.kg.toFixed(3), reps: c.high !== null ? v.reps : null,
        seconds: c.seconds !== null ? v.seconds : null, rir: v.rir, substitute: v.sub,
        target: c.high !== null && c.rir !== null ? { low: c.low, high: c.high, rir: c.rir, sets: c.sets } : null,
      }));
    }
    keep(card);
  }

  // The steppers of one set, under the card's rows; one open at a time per card.
  function edit(card, i) {
    const row = card.rows[i], u = settings.unit(), { c } = card;
    const open = card.editor && card.editor.dataset.set === String(row.n);
    if (card.editor) card.editor.remove();
    card.rows.forEach((r) => r.button.setAttribute("aria-expanded", "false"));
    card.editor = null;
    if (open) return;
    const box = element("div", "", { class: "lh-edit", "data-set": String(row.n), role: "group", "aria-label": `${card.name}, set ${row.n}` });
    box.append(element("p", `Set ${row.n} of ${card.rows.length}`, { "aria-hidden": "true" }));
    const field = (label, get, set, step) => {
      const line = element("div", "", { class: "lh-step" });
      const input = element("input", "", { type: "text", inputmode: "decimal", "aria-label": `${card.name}, set ${row.n}: ${label}` });
      const less = element("button", "−", { type: "button", "aria-label": `Less: ${label}` });
      const more = element("button", "+", { type: "button", "aria-label": `More: ${label}` });
      const put = (x) => {
        if (x !== null && !(x >= 0 && x < 10000)) return;
        set(x);
        row.values.edited = true;
        input.value = get() === null ? "" : number(get());
        rowText(card, row);
        carry(card, row);
        if (row.box.checked) logSet(card, row);
      };
      input.value = get() === null ? "" : number(get());
      on(input, "change", () => put(input.value.trim() === "" ? null : parseFloat(input.value.replace(",", "."))));
      on(less, "click", () => put(step(get(), -1)));
      on(more, "click", () => put(step(get(), 1)));
      line.append(element("span", label, { "aria-hidden": "true" }), less, input, more);
      box.append(line);
    };
    const v = row.values;
    const whole = (x, d) => Math.max(0, Math.round((x || 0) + d));
    if (c.loading !== "bodyweight" || c.high !== null) {
      field(c.loading === "bodyweight" ? `added weight in ${u}` : `weight in ${u}`,
        () => (v.kg === null ? null : +inUnit(v.kg, u).toFixed(2)),
        (x) => { v.kg = x === null || (x === 0 && c.loading === "bodyweight") ? null : toKg(x, u); },
        (x, d) => (x === null ? (d > 0 ? loadable(c.loading, 0, u, settings.bar()) || STEP[u] : null)
          : stepped(c.loading, x, d, u, settings.bar())));
    }
    if (c.high !== null) field("reps", () => v.reps, (x) => { v.reps = x === null ? null : Math.round(x); }, whole);
    if (c.seconds !== null) field("seconds", () => v.seconds, (x) => { v.seconds = x === null ? null : Math.round(x); }, (x, d) => whole(x, 5 * d));
    if (c.rir !== null) field("reps in reserve", () => v.rir, (x) => { v.rir = x === null ? null : Math.round(x); }, whole);
    const sub = element("label", "", { class: "lh-check" });
    const subBox = element("input", "", { type: "checkbox" });
    subBox.checked = v.sub;
    on(subBox, "change", () => {
      v.sub = subBox.checked;
      v.edited = true;
      rowText(card, row);
      carry(card, row);
      if (row.box.checked) logSet(card, row);
    });
    sub.append(subBox, " I did the substitute (see the library)");
    const done = element("button", "Done", { type: "button" });
    on(done, "click", () => { edit(card, i); row.button.focus(); });
    box.append(sub, done);
    $(".lh-card__do", card.article).after(box);
    row.button.setAttribute("aria-expanded", "true");
    card.editor = box;
    $("button", box).focus(); // a button, not the input: no keyboard over the steppers
  }

  persisted();
  refresh();
  return {
    refresh,
    // A tick logs the set as shown; unticking takes it out of the log (the undo).
    ticked(box) {
      const card = cards.find((k) => k.article.contains(box));
      const row = card && card.rows.find((r) => r.box === box);
      if (!row) return;
      logSet(card, row);
      say(box.checked ? `Set ${row.n} logged: ${row.button.textContent}` : `Set ${row.n} taken out of your log`);
    },
  };
}
