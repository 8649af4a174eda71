"""Your log on the week pages, in a real phone browser (Debian's Chromium at 360×740): a tick
logs the set as shown, the steppers move in real steps, the log survives a reload, a later
week shows last time and a load worked out from your own sets, and broken or full storage
never breaks the page or loses what was entered.

Expected loads are worked out here from the program data with the Python chart
(`liftheavy.data.effort`) and the gym's rounding rules, independently of the page's script.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from conftest import ROOT, build_site, copy_project, phone_page, serve_directory
from liftheavy.data.effort import estimated_1rm
from liftheavy.data.loader import load_program
from support.gymloads import BELLS_KG, barbell_text, ramp_text

pytestmark = pytest.mark.browser
PROGRAM = load_program(ROOT)
WEEK_1, WEEK_2 = PROGRAM.weeks[0], PROGRAM.weeks[1]
SQUAT = "a-barbell-back-squat"
SPLIT_SQUAT = "a-kettlebell-split-squat"


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    with phone_page(browser, device_scale_factor=1) as page:
        yield page


def _card(prescription_id: str, week: int = 1) -> Any:
    session = PROGRAM.weeks[week - 1].sessions[0]
    return next(p for b in session.blocks for p in b.prescriptions if p.exercise.id == prescription_id)


def _stored(page: Any) -> dict[str, Any]:
    return json.loads(page.evaluate("localStorage.getItem('lh-log')"))


def _rows(page: Any, card: str) -> list[str]:
    return page.eval_on_selector_all(f"#{card} .lh-set__what", "rows => rows.map(row => row.textContent)")


def _open_set(page: Any, card: str, number: int) -> Any:
    page.locator(f"#{card} .lh-set__what").nth(number - 1).click()
    return page.locator(f"#{card} .lh-edit")


def test_a_tick_logs_the_set_as_shown_and_the_log_survives_a_reload(phone: Any, served_site: str) -> None:
    squat = _card("barbell-back-squat")
    phone.goto(served_site + "week-1/")
    # No log, no 1RM: the row has the prescribed reps and asks for the weight.
    assert _rows(phone, SQUAT) == [f"? kg × {squat.reps.high}"] * squat.sets
    editor = _open_set(phone, SQUAT, 1)
    weight = editor.get_by_label("Barbell back squat, set 1: weight in kg")
    assert weight.get_attribute("inputmode") == "decimal"
    weight.fill("60")
    weight.dispatch_event("change")
    editor.get_by_role("button", name="More: weight in kg").click()  # one barbell step: 2.5 kg
    editor.get_by_role("button", name="Less: reps in reserve").click()
    assert weight.input_value() == "62.5"
    phone.locator(f"#{SQUAT} [data-lh-tick]").nth(0).check()
    # Later sets take the numbers just used, so each is still one tap.
    assert _rows(phone, SQUAT) == [f"62.5 kg × {squat.reps.high}"] * squat.sets
    phone.locator(f"#{SQUAT} [data-lh-tick]").nth(1).check()
    sets = _stored(phone)["sets"]
    assert [(s["exercise"], s["set"], s["kg"], s["reps"], s["week"], s["session"]) for s in sets] == [
        ("barbell-back-squat", 1, 62.5, squat.reps.high, 1, "a"),
        ("barbell-back-squat", 2, 62.5, squat.reps.high, 1, "a"),
    ]
    assert sets[0]["rir"] == squat.load.rir - 1
    assert sets[1]["rir"] == squat.load.rir - 1
    assert sets[0]["target"] == {
        "low": squat.reps.low,
        "high": squat.reps.high,
        "rir": squat.load.rir,
        "sets": squat.sets,
    }
    phone.reload()
    assert phone.eval_on_selector_all(f"#{SQUAT} [data-lh-tick]", "b => b.map(x => x.checked)")[:2] == [True, True]
    assert _rows(phone, SQUAT)[:2] == [f"62.5 kg × {squat.reps.high}"] * 2
    # A mistaken tick is undone on the card: the set leaves the log.
    phone.locator(f"#{SQUAT} [data-lh-tick]").nth(1).uncheck()
    assert [s["set"] for s in _stored(phone)["sets"]] == [1]


def test_a_kettlebell_steps_to_the_next_bell_and_a_hold_in_seconds(phone: Any, served_site: str) -> None:
    phone.goto(served_site + "week-1/")
    editor = _open_set(phone, SPLIT_SQUAT, 1)
    more = editor.get_by_role("button", name="More: weight in kg")
    more.click()
    weights = [editor.get_by_label("Kettlebell split squat, set 1: weight in kg").input_value()]
    for _ in range(3):
        more.click()
        weights.append(editor.get_by_label("Kettlebell split squat, set 1: weight in kg").input_value())
    assert [float(w) for w in weights] == BELLS_KG[:4]
    card = "b-side-plank"
    editor = _open_set(phone, card, 1)
    seconds = editor.get_by_label("Side plank, set 1: seconds")
    assert seconds.input_value() == "30"
    editor.get_by_role("button", name="More: seconds").click()
    assert seconds.input_value() == "35"
    assert not editor.get_by_label("Side plank, set 1: weight in kg").count()
    phone.locator(f"#{card} [data-lh-tick]").nth(0).check()
    entry = _stored(phone)["sets"][0]
    assert (entry["exercise"], entry["seconds"], entry["reps"], entry["kg"]) == ("side-plank", 35, None, None)


def test_a_later_week_shows_last_time_and_a_load_from_your_own_sets(phone: Any, served_site: str) -> None:
    squat_1, squat_2 = _card("barbell-back-squat"), _card("barbell-back-squat", week=2)
    done = [{"kg": 60, "reps": squat_1.reps.high, "rir": squat_1.load.rir} for _ in range(squat_1.sets)]
    log = {"version": 1, "lastExport": None, "sets": [
        {"id": f"s{n}", "exercise": "barbell-back-squat", "card": "k", "week": 1, "session": "a", "set": n,
         "date": "2026-11-25", "kg": s["kg"], "reps": s["reps"], "seconds": None, "rir": s["rir"], "substitute": False,
         "target": {"low": squat_1.reps.low, "high": squat_1.reps.high, "rir": squat_1.load.rir, "sets": squat_1.sets},
         "at": 1}
        for n, s in enumerate(done, 1)
    ]}  # fmt: skip
    phone.goto(served_site + "week-2/")
    ramp = phone.locator(f"#{SQUAT} .lh-card__ramp")
    steps = [(step.percent_1rm, step.reps) for step in squat_2.ramp]
    percents = ", ".join(str(step) for step in squat_2.ramp)
    assert steps[0] == (None, 8)  # the empty bar first
    assert ramp.text_content() == f"Warm-up sets, %1RM × reps: {percents}"  # no 1RM yet: as written
    phone.evaluate("log => localStorage.setItem('lh-log', JSON.stringify(log))", log)
    phone.reload()
    last = phone.locator(f"#{SQUAT} .lh-card__last")
    reps = ", ".join(str(squat_1.reps.high) for _ in range(squat_1.sets))
    # As prescribed: the rule holds the load, so the week-2 card works from the same estimate.
    assert last.text_content() == (
        f"Last time, Wednesday 25 November: 60 kg × {reps}, last set {squat_1.load.rir} in reserve. Now: hold."
    )
    one_rep_max = estimated_1rm(60, squat_1.reps.high, squat_1.load.rir)
    expected = barbell_text(one_rep_max, squat_2.load.percent_1rm, "kg", 20)
    calc = phone.locator(f"#{SQUAT} [data-lh-calc]").text_content()
    assert calc.startswith(expected + " (estimated 1RM")
    assert f"estimated 1RM {round(one_rep_max)} kg" in calc
    load = expected.split(": ")[1].split(" ")[0]
    assert _rows(phone, SQUAT) == [f"{load} kg × {squat_2.reps.high}"] * squat_2.sets
    # The warm-up sets in weights from the same estimate as the work sets.
    assert ramp.text_content() == ramp_text(one_rep_max, steps, "kg", 20)
    # A typed 1RM overrides the estimate, for the warm-up too: 40% of 100 kg is 40 kg, 10 a side.
    phone.locator("details.lh-settings summary").click()
    phone.locator('[data-lh-max="barbell-back-squat"]').fill("100")
    assert phone.locator(f"#{SQUAT} [data-lh-calc]").text_content() == barbell_text(
        100, squat_2.load.percent_1rm, "kg", 20
    )
    assert ramp.text_content() == (
        "Warm-up sets: bar × 8, 40 kg × 5 (10 per side), 55 kg × 3 (15 + 2.5 per side), 65 kg × 2 (20 + 2.5 per side)"
    )
    # In lb on a 45 lb bar: 40% of 220.5 lb = 88.2 → 90 lb (22.5 a side = 10 + 10 + 2.5).
    phone.locator('[name="lh-unit"][value="lb"]').check()
    assert ramp.text_content().startswith("Warm-up sets: bar × 8, 90 lb × 5 (10 + 10 + 2.5 per side), ")
    phone.fill('[data-lh-max="barbell-back-squat"]', "")
    phone.locator('[name="lh-unit"][value="kg"]').check()
    assert ramp.text_content() == ramp_text(one_rep_max, steps, "kg", 20)  # the estimate again


def test_every_set_done_with_reserve_to_spare_moves_the_next_load_up_a_step(phone: Any, served_site: str) -> None:
    split = _card("kettlebell-split-squat")
    log = {"version": 1, "lastExport": None, "sets": [
        {"id": f"s{n}", "exercise": "kettlebell-split-squat", "card": "k", "week": 1, "session": "a", "set": n,
         "date": "2026-11-25", "kg": 16, "reps": split.reps.high, "seconds": None, "rir": split.load.rir + 2,
         "substitute": False, "target": {"low": split.reps.low, "high": split.reps.high, "rir": split.load.rir,
                                         "sets": split.sets}, "at": 1}
        for n in range(1, split.sets + 1)
    ]}  # fmt: skip
    phone.goto(served_site + "week-1/")
    phone.evaluate("log => localStorage.setItem('lh-log', JSON.stringify(log))", log)
    phone.reload()  # the same card, done again a week later
    assert phone.locator(f"#{SPLIT_SQUAT} .lh-card__last").text_content().endswith("Now: add a step.")
    assert _rows(phone, SPLIT_SQUAT) == [f"18 kg × {split.reps.high}"] * split.sets  # the next bell


def test_garbage_in_storage_is_kept_aside_and_the_page_still_logs(phone: Any, served_site: str) -> None:
    phone.goto(served_site + "week-1/")
    phone.evaluate("localStorage.setItem('lh-log', '{\"version\": 1, \"sets\": [trunc')")
    phone.reload()
    assert phone.locator('[data-lh-say="unreadable"]').is_visible()
    assert phone.evaluate("JSON.parse(localStorage.getItem('lh-log-unreadable'))") == '{"version": 1, "sets": [trunc'
    phone.locator(f"#{SQUAT} [data-lh-tick]").nth(0).check()
    assert len(_stored(phone)["sets"]) == 1
    phone.reload()  # the kept text is never replaced
    assert phone.evaluate("JSON.parse(localStorage.getItem('lh-log-unreadable'))") == '{"version": 1, "sets": [trunc'


def test_a_full_storage_shows_the_message_and_keeps_what_was_entered(phone: Any, served_site: str) -> None:
    phone.add_init_script("""
        const setItem = Storage.prototype.setItem;
        Storage.prototype.setItem = function (key, value) {
          if (key === "lh-log") throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
          return setItem.call(this, key, value);
        };
    """)
    phone.goto(served_site + "week-1/")
    editor = _open_set(phone, SQUAT, 1)
    weight = editor.get_by_label("Barbell back squat, set 1: weight in kg")
    weight.fill("70")
    weight.dispatch_event("change")
    phone.locator(f"#{SQUAT} [data-lh-tick]").nth(0).check()
    message = phone.locator(f'#{SQUAT} [data-lh-say="unsaved"]')
    assert message.is_visible()
    assert "Not saved" in message.text_content()
    assert phone.locator(f"#{SQUAT} [data-lh-tick]").nth(0).is_checked()
    assert _rows(phone, SQUAT)[0].startswith("70 kg")
    assert phone.evaluate("localStorage.getItem('lh-log')") is None


def test_persistent_storage_is_asked_once_when_the_first_set_is_logged(phone: Any, served_site: str) -> None:
    phone.add_init_script("""
        window.persistAsked = 0;
        Object.defineProperty(navigator, "storage", { value: { persist: () => { window.persistAsked++; return Promise.resolve(true); } } });
    """)
    phone.goto(served_site + "week-1/")
    assert phone.evaluate("window.persistAsked") == 0
    ticks = phone.locator(f"#{SQUAT} [data-lh-tick]")
    ticks.nth(0).check()
    ticks.nth(1).check()
    phone.wait_for_function("window.persistAsked === 1")
    phone.locator("details.lh-settings summary").click()
    assert phone.locator('[data-lh-say="kept"]').is_visible()
    phone.reload()
    phone.locator(f"#{SQUAT} [data-lh-tick]").nth(2).check()
    assert phone.evaluate("window.persistAsked") == 0  # answered once, remembered


def test_a_backup_reminder_after_three_sessions_without_an_export(phone: Any, served_site: str) -> None:
    sets = [
        {"id": f"s{n}", "exercise": "push-up", "card": "k", "week": 1, "session": "a", "set": 1,
         "date": f"2026-11-0{n}", "kg": None, "reps": 8, "seconds": None, "rir": 3, "substitute": False,
         "target": None, "at": 10 + n}
        for n in (1, 2)
    ]  # fmt: skip
    phone.goto(served_site + "week-1/")
    phone.evaluate("s => localStorage.setItem('lh-log', JSON.stringify({version: 1, lastExport: null, sets: s}))", sets)
    phone.reload()
    reminder = phone.locator('[data-lh-say="backup"]')
    phone.locator(f"#{SQUAT} [data-lh-tick]").nth(0).check()  # a third session, today
    assert reminder.is_visible()
    assert reminder.text_content().startswith("3 sessions since your last backup")
    assert reminder.get_by_role("link", name="Your log").get_attribute("href") == "../log/"


def test_the_steppers_fit_a_320_px_screen(phone: Any, served_site: str) -> None:
    phone.set_viewport_size({"width": 320, "height": 740})
    phone.goto(served_site + "week-1/")
    editor = _open_set(phone, SQUAT, 1)
    assert phone.evaluate("document.documentElement.scrollWidth") == 320
    for button in editor.get_by_role("button").all():
        box = button.bounding_box()
        assert box["height"] >= 44
        assert box["width"] >= 44
    row = phone.locator(f"#{SQUAT} ol.lh-sets li").first.bounding_box()
    assert row["height"] <= 50  # a set row stays as tall as the checkbox was


@pytest.fixture(scope="module")
def variation_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Any]]:
    """The program with week 2's trap-bar deadlift swapped for a barbell Romanian deadlift whose
    first 1RM is 80% of the runner's trap-bar deadlift (`estimate_from`). The ratio and its
    source are made up for the test: the real program has no such card yet."""
    project = copy_project(tmp_path_factory.mktemp("variation"))
    week = project / "data" / "weeks" / "week-2.yaml"
    text = week.read_text(encoding="utf-8")
    card = "exercise: trap-bar-deadlift\n            former_ids: [barbell-romanian-deadlift]\n"
    assert card in text
    estimate = "estimate_from: {exercise: trap-bar-deadlift, percent: 80, source: storen-2008}"
    week.write_text(
        text.replace(card, f"exercise: barbell-romanian-deadlift\n            {estimate}\n"), encoding="utf-8"
    )
    site_dir = tmp_path_factory.mktemp("variation-site")
    result = build_site(project, site_dir)
    assert result.returncode == 0, result.stderr
    with serve_directory(site_dir) as url:
        yield url, load_program(project)


def test_a_new_variation_gets_its_first_load_from_another_logged_lift(
    phone: Any, variation_site: tuple[str, Any]
) -> None:
    served_site, program = variation_site
    week_1, week_2 = program.weeks[:2]
    pull = next(p for b in week_1.sessions[1].blocks for p in b.prescriptions if p.exercise.id == "trap-bar-deadlift")
    rdl = next(
        p for b in week_2.sessions[1].blocks for p in b.prescriptions if p.exercise.id == "barbell-romanian-deadlift"
    )
    card = "#b-barbell-romanian-deadlift"
    phone.goto(served_site + "week-2/")
    note = phone.locator(f"{card} .lh-card__note", has_text="Not logged this lift yet?")
    assert note.text_content() == (
        "Not logged this lift yet? Its first 1RM is an estimate: 80% of your trap-bar deadlift's, from your log "
        "(Støren et al. 2008)."
    )
    assert note.get_by_role("link").get_attribute("href") == "https://doi.org/10.1249/MSS.0b013e318168da2f"
    assert phone.locator(f"{card} [data-lh-calc]").is_hidden()  # nothing logged: no load to show
    log = {"version": 1, "lastExport": None, "sets": [
        {"id": f"p{n}", "exercise": "trap-bar-deadlift", "card": "k", "week": 1, "session": "b", "set": n,
         "date": "2026-11-25", "kg": 70, "reps": pull.reps.high, "seconds": None, "rir": pull.load.rir,
         "substitute": False, "at": 1,
         "target": {"low": pull.reps.low, "high": pull.reps.high, "rir": pull.load.rir, "sets": pull.sets}}
        for n in range(1, pull.sets + 1)
    ]}  # fmt: skip
    phone.evaluate("log => localStorage.setItem('lh-log', JSON.stringify(log))", log)
    phone.reload()
    one_rep_max = estimated_1rm(70, pull.reps.high, pull.load.rir) * 80 / 100
    calc = phone.locator(f"{card} [data-lh-calc]").text_content()
    assert calc == barbell_text(one_rep_max, rdl.load.percent_1rm, "kg", 20) + (
        f" (estimated 1RM {round(one_rep_max)} kg, from Wednesday 25 November)"
    )
    # Once the variation itself is logged, its own sets count and the other lift's no longer do.
    own = {**log["sets"][0], "id": "r1", "exercise": "barbell-romanian-deadlift", "date": "2026-11-27", "kg": 50,
           "target": {"low": rdl.reps.low, "high": rdl.reps.high, "rir": rdl.load.rir, "sets": rdl.sets}}  # fmt: skip
    phone.evaluate("own => localStorage.setItem('lh-log', JSON.stringify({...JSON.parse(localStorage.getItem('lh-log')),"
                   " sets: [...JSON.parse(localStorage.getItem('lh-log')).sets, own]}))", own)  # fmt: skip
    phone.reload()
    assert phone.locator(f"{card} [data-lh-calc]").text_content().endswith("from Friday 27 November)")
