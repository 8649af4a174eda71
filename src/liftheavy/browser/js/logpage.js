/* The script of Your log's page (docs/log.md, assets/javascripts/liftheavy-log.js): every
   logged set by exercise, with the best estimated 1RM, a chart of it and the record; change,
   delete and undo; export (JSON with the block's plan, or Strong's CSV) through the share
   sheet or a download; import with a preview. The log is logstore.js's, files logfile.js's,
   the plan blockstore.js's and blockplan.js's importPlan. Text from storage or files is only
   ever set as text. Registers the service worker like every page. */

import { $, element, on } from "./dom.js";
import { load, loadRaw, save } from "./storage.js";
import { registerServiceWorker } from "./offline.js";
import { UNREADABLE_KEY, putEntry, readLog, removeEntry, writeLog } from "./logstore.js";
import { estimateOneRepMax } from "./effort.js";
import { exportCsv, exportJson, importPlan, mergeSets, parseImport } from "./logfile.js";
import { PLAN_KEY, storedPlan } from "./blockstore.js";
import { longDay, shortDay } from "./block.js";
import { inUnit, number, toKg } from "./units.js";

const SVG = "http://www.w3.org/2000/svg";

// Each exercise's days, newest first, each with its sets and its best estimate.
export function byExercise(log, names, chart) {
  const groups = new Map();
  for (const set of log.sets) {
    const name = names[set.exercise] || set.exercise;
    if (!groups.has(name)) groups.set(name, new Map());
    const day = `${set.date} ${set.week} ${set.session}`;
    const days = groups.get(name);
    if (!days.has(day)) days.set(day, { date: set.date, week: set.week, session: set.session, sets: [], best: 0 });
    const found = days.get(day);
    found.sets.push(set);
    if (!set.substitute) found.best = Math.max(found.best, estimateOneRepMax(set.kg, set.reps, set.rir, chart) || 0);
  }
  return [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([name, days]) => {
    const list = [...days.values()].sort((a, b) => (a.date === b.date ? 0 : a.date < b.date ? 1 : -1));
    list.forEach((day) => day.sets.sort((a, b) => a.set - b.set));
    const best = list.reduce((top, day) => (day.best > (top ? top.best : 0) ? day : top), null);
    return { name, days: list, best };
  });
}

// The best estimate of each day, oldest to newest, as a small line chart; the record is
// filled. The axis says the lowest and highest estimate and the first and last day.
function chartOf(days, best, unit) {
  const points = days.filter((d) => d.best).reverse();
  if (points.length < 2) return null;
  const values = points.map((d) => d.best);
  const low = Math.min(...values), high = Math.max(...values), span = high - low || 1;
  const x = (i) => 56 + (i * 236) / (points.length - 1);
  const y = (v) => 54 - ((v - low) / span) * 44;
  const shown = (v) => `${Math.round(inUnit(v, unit))} ${unit}`;
  const svg = element("svg", "", {
    class: "lh-log__chart", viewBox: "0 0 300 84", role: "img",
    "aria-label": `Estimated 1RM, ${points.length} sessions: from ${shown(values[0])} to ${shown(values[values.length - 1])}`,
  }, SVG);
  const label = (text, lx, ly, anchor) => svg.append(element("text", text, { x: lx, y: ly, "text-anchor": anchor }, SVG));
  label(shown(high), 48, 15, "end");
  if (high !== low) label(shown(low), 48, 59, "end");
  label(shortDay(points[0].date), 56, 80, "start");
  label(shortDay(points[points.length - 1].date), 292, 80, "end");
  svg.append(element("polyline", "", { points: points.map((d, i) => `${x(i)},${y(d.best)}`).join(" "), fill: "none" }, SVG));
  points.forEach((d, i) => svg.append(element("circle", "", { cx: x(i), cy: y(d.best), r: d === best ? 5 : 3, class: d === best ? "lh-log__record" : "" }, SVG)));
  return svg;
}

function download(name, type, text) {
  const file = typeof File === "function" ? new File([text], name, { type }) : null;
  if (file && navigator.canShare && navigator.canShare({ files: [file] })) {
    return navigator.share({ files: [file], title: name }).catch(() => {});
  }
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = element("a", "", { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return Promise.resolve();
}

function logPage(root) {
  const names = JSON.parse(root.dataset.lhNames);
  const { chart } = JSON.parse(root.dataset.lhRules);
  const unit = load("unit", "kg");
  const problem = $("[data-lh-log-problem]", root);
  const undo = $("[data-lh-log-undo]", root);
  let { log, unreadable, writable } = readLog();
  let undoing = null;
  const tell = (text) => { problem.textContent = text; problem.hidden = !text; };
  const keep = (next) => {
    if (!writable || !writeLog(next)) {
      tell("Not saved: this phone's storage is full or blocked. Nothing was changed.");
      return false;
    }
    log = next;
    tell("");
    return true;
  };
  if (unreadable) {
    tell("Your saved log could not be read. It is kept on this phone as it was: save it as a file below, and nothing in it is lost.");
    $("[data-lh-export-unreadable]", root).hidden = false;
  }

  const weight = (kg) => (kg === null ? "" : `${number(inUnit(kg, unit))} ${unit}`);
  const setText = (s) => [weight(s.kg), s.reps !== null ? `× ${s.reps}` : "", s.seconds !== null ? `${s.seconds} s` : "",
    s.rir !== null ? `(${s.rir} in reserve)` : "", s.substitute ? "substitute" : ""].filter(Boolean).join(" ");

  function editor(item, s) {
    const form = element("form", "", { class: "lh-log__edit" });
    const field = (label, key, value) => {
      const wrap = element("label", "", { class: "lh-field" });
      const input = element("input", "", { type: "text", inputmode: "decimal", name: key });
      input.value = value === null ? "" : String(value);
      wrap.append(element("span", label), input);
      form.append(wrap);
    };
    if (s.reps !== null || s.kg !== null) field(`Weight (${unit})`, "kg", s.kg === null ? null : number(inUnit(s.kg, unit)));
    if (s.reps !== null) field("Reps", "reps", s.reps);
    if (s.seconds !== null) field("Seconds", "seconds", s.seconds);
    field("Reps in reserve", "rir", s.rir);
    const save_ = element("button", "Save", { type: "submit" });
    const cancel = element("button", "Cancel", { type: "button" });
    form.append(save_, " ", cancel);
    on(cancel, "click", show);
    on(form, "submit", (event) => {
      event.preventDefault();
      const read = (key, whole) => {
        const input = form.elements[key];
        if (!input || input.value.trim() === "") return null;
        const x = Number(input.value.replace(",", "."));
        return whole ? Math.round(x) : x;
      };
      const kg = read("kg");
      const next = { ...s, kg: kg === null ? null : +toKg(kg, unit).toFixed(3), reps: s.reps === null ? null : read("reps", true),
        seconds: s.seconds === null ? null : read("seconds", true), rir: read("rir", true), at: Date.now() };
      if ([next.kg, next.reps, next.seconds, next.rir].some((v) => v !== null && !(v >= 0 && v < 10000))) {
        tell("Use numbers: weight, reps, seconds and reps in reserve.");
        return;
      }
      if (keep(putEntry(log, next))) show();
    });
    item.replaceChildren(form);
    $("input", form).focus();
  }

  function show() {
    const list = $("[data-lh-log-list]", root);
    const groups = byExercise(log, names, chart);
    $("[data-lh-log-empty]", root).hidden = groups.length > 0;
    list.replaceChildren(...groups.map(({ name, days, best }) => {
      const section = element("section", "", { class: "lh-log__exercise" });
      section.append(element("h2", name));
      if (best) section.append(element("p", `Best estimated 1RM: ${Math.round(inUnit(best.best, unit))} ${unit}, ${longDay(best.date, false)}.`));
      const svg = chartOf(days, best, unit);
      if (svg) section.append(svg);
      const ol = element("ol", "", { class: "lh-log__days" });
      for (const day of days) {
        const li = element("li");
        const head = element("p", "", { class: "lh-log__day" });
        head.append(element("strong", longDay(day.date)), day.week ? ` · week ${day.week}, session ${String(day.session).toUpperCase()}` : "");
        if (day === best) head.append(" ", element("span", "Record", { class: "lh-log__badge" }));
        li.append(head);
        const sets = element("ul", "", { class: "lh-log__sets" });
        for (const s of day.sets) {
          const item = element("li");
          const change = element("button", "Change", { type: "button", "aria-label": `Change ${name}, set ${s.set}, ${longDay(s.date)}` });
          const remove = element("button", "Delete", { type: "button", "aria-label": `Delete ${name}, set ${s.set}, ${longDay(s.date)}` });
          on(change, "click", () => editor(item, s));
          on(remove, "click", () => {
            if (!keep(removeEntry(log, s.id))) return;
            undoing = s;
            $("span", undo).textContent = `Deleted ${name}, set ${s.set}.`;
            undo.hidden = false;
            show();
            $("button", undo).focus();
          });
          item.append(element("span", `Set ${s.set}: ${setText(s)}`), " ", change, " ", remove);
          sets.append(item);
        }
        li.append(sets);
        ol.append(li);
      }
      section.append(ol);
      return section;
    }));
  }
  on($("button", undo), "click", () => {
    if (undoing && keep(putEntry(log, undoing))) {
      undoing = null;
      undo.hidden = true;
      show();
    }
  });

  const stamp = new Date().toISOString().slice(0, 10);
  on($('[data-lh-export="json"]', root), "click", () => {
    const text = exportJson(log, storedPlan().plan);
    download(`runners-lift-heavy-log-${stamp}.json`, "application/json", text).then(() => keep({ ...log, lastExport: Date.now() }));
  });
  on($('[data-lh-export="csv"]', root), "click", () => {
    download(`runners-lift-heavy-log-${stamp}-${unit}.csv`, "text/csv", exportCsv(log, unit, names))
      .then(() => keep({ ...log, lastExport: Date.now() }));
  });
  on($("[data-lh-export-unreadable]", root), "click", () => {
    download("runners-lift-heavy-unreadable-log.txt", "text/plain", load(UNREADABLE_KEY, "") || loadRaw("log") || "");
  });

  const preview = $("[data-lh-import-preview]", root);
  const result = $("[data-lh-import-result]", root);
  let pending = null;
  const picker = $("[data-lh-import]", root);
  on(picker, "change", () => {
    const file = picker.files[0];
    picker.value = ""; // so the same file can be chosen again
    preview.hidden = true;
    pending = null;
    result.textContent = "";
    if (!file) return;
    if (file.size > 2 * 1024 * 1024) { result.textContent = "This file is too large to be a log (over 2 MB). Nothing was imported."; return; }
    file.text().then((text) => {
      const fileUnit = $('[name="lh-import-unit"]:checked', root).value;
      const found = parseImport(text, fileUnit, names);
      if (found.error) { result.textContent = found.error; return; }
      const merged = mergeSets(log, found.sets);
      const plan = importPlan(storedPlan().plan, found.plan);
      pending = { sets: found.sets, plan: found.plan };
      const days = new Set(merged.added.map((s) => s.date));
      const adds = merged.added.length || merged.replaced.length || plan.outcome === "added" || plan.outcome === "updated";
      const count = (n, what) => `${n} ${what}${n === 1 ? "" : "s"}`;
      const does = [];
      if (merged.added.length) does.push(`adds ${count(merged.added.length, "set")} from ${count(days.size, "day")}`);
      if (merged.replaced.length) does.push(`updates ${count(merged.replaced.length, "set")} changed on another phone`);
      $("[data-lh-import-summary]", preview).textContent = adds
        ? (does.length ? `This file ${does.join(" and ")}.` : "This file brings only your block's plan.")
        : merged.skipped && !merged.conflicts.length && !found.unknown.length ? "Everything in this file is already here." : "Nothing in this file can be added.";
      $("[data-lh-import-confirm]", preview).hidden = !adds;
      const details = [
        merged.added.length && `Exercises: ${[...new Set(merged.added.map((s) => names[s.exercise] || s.exercise))].join(", ")}.`,
        merged.skipped && `${merged.skipped} sets are already here.`,
        merged.conflicts.length && `${merged.conflicts.length} sets differ from the ones on this phone for the same day and set: this phone's are kept.`,
        found.unknown.length && `Not in this program, left out: ${found.unknown.join(", ")}.`,
        { added: "Your block's plan comes with it.", updated: "Your block's plan is updated.", kept: "This phone's own plan is kept.", unreadable: "The plan in this file cannot be read: this phone's is kept." }[plan.outcome],
      ].filter(Boolean);
      $("[data-lh-import-details]", preview).replaceChildren(...details.map((text) => element("li", text)));
      preview.hidden = false;
    }, () => { result.textContent = "This file could not be read. Nothing was imported."; });
  });
  on($("[data-lh-import-confirm]", root), "click", () => {
    if (!pending) return;
    // Merged again against the log as it is now (a set may have been logged in another tab).
    log = readLog().log;
    const merged = mergeSets(log, pending.sets);
    const plan = importPlan(storedPlan().plan, pending.plan);
    if (!keep(merged.log)) { result.textContent = "Not imported: this phone's storage is full or blocked. Nothing was lost."; return; }
    const planned = !["added", "updated"].includes(plan.outcome) || save(PLAN_KEY, plan.plan);
    preview.hidden = true;
    pending = null;
    result.textContent = `Imported ${merged.added.length + merged.replaced.length} sets.`
      + (planned ? "" : " Your block's plan could not be saved: this phone's storage is full.");
    show();
  });
  on($("[data-lh-import-cancel]", root), "click", () => { preview.hidden = true; pending = null; });

  show();

}

registerServiceWorker().catch(() => {});
const begin = () => {
  const root = $("[data-lh-logpage]");
  if (root) logPage(root);
};
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", begin);
else begin();
