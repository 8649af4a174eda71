"""Your log's page in a real phone browser (Debian's Chromium at 360×740): the sets by
exercise with the best estimate and the record, change and delete with undo, export to a
file and import into a fresh browser, hostile files, and the page with no signal.

The estimates expected here come from the Python chart (`liftheavy.data.effort`), not from
the page's script.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from conftest import ROOT, phone_page
from liftheavy.data.effort import estimated_1rm

pytestmark = pytest.mark.browser
PLAN = {"version": 1, "id": "abcdefgh12", "start": "2026-11-16", "liftDays": [0, 3], "longRun": 6, "keyDays": [2],
        "mode": "full", "moves": [], "revision": 2}  # fmt: skip


def _set(day: str, n: int, kg: float | None, reps: int | None = 8, **more: Any) -> dict[str, Any]:
    entry = {"id": f"{day}-{n}-{more.get('exercise', 'sq')}", "exercise": "barbell-back-squat", "card": "k", "week": 1,
             "session": "a", "set": n, "date": day, "kg": kg, "reps": reps, "seconds": None, "rir": 3,
             "substitute": False, "target": None, "at": 1_700_000_000_000}  # fmt: skip
    return entry | more


LOG = {"version": 1, "lastExport": None, "sets": [
    *[_set("2026-11-18", n, 55) for n in (1, 2, 3)],
    *[_set("2026-11-25", n, 62.5) for n in (1, 2, 3)],
    *[_set("2026-12-01", n, 60) for n in (1, 2)],
    _set("2026-11-26", 1, None, None, exercise="side-plank", seconds=30, rir=None, session="b"),
]}  # fmt: skip


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    with phone_page(browser, device_scale_factor=1, accept_downloads=True) as page:
        yield page


def _seed(page: Any, url: str, log: dict[str, Any] = LOG, plan: dict[str, Any] | None = PLAN) -> None:
    page.goto(url + "log/")
    page.evaluate("log => localStorage.setItem('lh-log', JSON.stringify(log))", log)
    if plan:
        page.evaluate("plan => localStorage.setItem('lh-block', JSON.stringify(plan))", plan)
    page.reload()


def _stored(page: Any, key: str = "lh-log") -> Any:
    return json.loads(page.evaluate(f"localStorage.getItem('{key}')") or "null")


def _export(page: Any, button: str, tmp_path: Path) -> Path:
    with page.expect_download() as download:
        page.get_by_role("button", name=button).click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    return path


def _import(page: Any, path: Path, unit: str = "kg") -> None:
    page.get_by_label(unit, exact=True).check()
    page.get_by_label("Choose a file").set_input_files(str(path))


def test_the_log_lists_each_exercise_with_its_best_estimate_and_record(phone: Any, served_site: str) -> None:
    _seed(phone, served_site)
    squat = phone.locator(".lh-log__exercise", has=phone.get_by_role("heading", name="Barbell back squat"))
    best = round(estimated_1rm(62.5, 8, 3))
    assert squat.get_by_text(f"Best estimated 1RM: {best} kg, Wednesday 25 November.").is_visible()
    days = squat.locator(".lh-log__day")
    assert [d.text_content().split(" ·")[0] for d in days.all()] == [
        "Tuesday 1 December 2026",
        "Wednesday 25 November 2026",
        "Wednesday 18 November 2026",
    ]
    assert days.nth(1).get_by_text("Record").is_visible()
    assert not days.nth(0).get_by_text("Record").count()
    assert squat.locator("svg.lh-log__chart circle").count() == 3
    assert squat.locator("svg.lh-log__chart circle.lh-log__record").count() == 1
    first, last = round(estimated_1rm(55, 8, 3)), round(estimated_1rm(60, 8, 3))
    assert f"from {first} kg to {last} kg" in squat.locator("svg.lh-log__chart").get_attribute("aria-label")
    # The axis: the highest and lowest estimate, the first and last day.
    best = round(estimated_1rm(62.5, 8, 3))
    labels = squat.locator("svg.lh-log__chart text").all_text_contents()
    assert labels == [f"{best} kg", f"{first} kg", "18 Nov", "1 Dec"]
    plank = phone.locator(".lh-log__exercise", has=phone.get_by_role("heading", name="Side plank"))
    assert plank.get_by_text("Set 1: 30 s").is_visible()


def test_change_delete_and_undo(phone: Any, served_site: str) -> None:
    _seed(phone, served_site)
    phone.get_by_role("button", name="Change Barbell back squat, set 1, Tuesday 1 December 2026").click()
    phone.get_by_label("Weight (kg)").fill("65")
    phone.get_by_label("Reps in reserve").fill("2")
    phone.get_by_role("button", name="Save", exact=True).click()
    changed = next(s for s in _stored(phone)["sets"] if s["id"] == "2026-12-01-1-sq")
    assert (changed["kg"], changed["rir"]) == (65, 2)
    assert changed["at"] > LOG["sets"][0]["at"]
    before = _stored(phone)
    phone.get_by_role("button", name="Delete Barbell back squat, set 2, Tuesday 1 December 2026").click()
    assert len(_stored(phone)["sets"]) == len(before["sets"]) - 1
    assert phone.get_by_text("Deleted Barbell back squat, set 2.").is_visible()
    phone.get_by_role("button", name="Undo").click()
    assert sorted(_stored(phone)["sets"], key=lambda s: s["id"]) == sorted(before["sets"], key=lambda s: s["id"])


def test_a_json_backup_restores_the_log_and_the_plan_in_a_fresh_browser(
    phone: Any, browser: Any, served_site: str, tmp_path: Path
) -> None:
    _seed(phone, served_site)
    path = _export(phone, "Save a backup (JSON)", tmp_path)
    assert path.name.startswith("runners-lift-heavy-log-")
    assert path.suffix == ".json"
    # The file is what schemas/log.schema.json (generated by tools/schema.py) says; a damaged one is not.
    schema = json.loads((ROOT / "schemas/log.schema.json").read_text(encoding="utf-8"))
    document = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(document)
    document["sets"][0]["reps"] = "eight"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(document)
    assert _stored(phone)["lastExport"] is not None
    with phone_page(browser) as fresh:
        fresh.goto(served_site + "log/")
        assert fresh.get_by_text("Nothing is logged on this phone yet.").is_visible()
        _import(fresh, path)
        fresh.get_by_text(f"This file adds {len(LOG['sets'])} sets from 4 days.").wait_for()  # read in the background
        assert fresh.get_by_text("Your block's plan comes with it.").is_visible()
        assert _stored(fresh) is None  # nothing changes before the runner says so
        fresh.get_by_role("button", name="Import", exact=True).click()
        assert fresh.get_by_text(f"Imported {len(LOG['sets'])} sets.").is_visible()
        key = lambda s: s["id"]  # noqa: E731
        assert sorted(_stored(fresh)["sets"], key=key) == sorted(LOG["sets"], key=key)
        assert _stored(fresh, "lh-block") == PLAN
        # The same file again adds nothing.
        _import(fresh, path)
        fresh.get_by_text("Everything in this file is already here.").wait_for()
        # A set changed later on the other phone comes back as an update, not as a second set.
        document = json.loads(path.read_text(encoding="utf-8"))
        document["sets"][0] = {**document["sets"][0], "kg": document["sets"][0]["kg"] + 5, "at": 10**13}
        changed = tmp_path / "changed.json"
        changed.write_text(json.dumps(document), encoding="utf-8")
        _import(fresh, changed)
        fresh.get_by_text("This file updates 1 set changed on another phone.").wait_for()


def test_a_csv_export_in_lb_comes_back_with_its_unit(
    phone: Any, browser: Any, served_site: str, tmp_path: Path
) -> None:
    phone.goto(served_site + "log/")
    phone.evaluate("localStorage.setItem('lh-unit', JSON.stringify('lb'))")
    _seed(phone, served_site, plan=None)
    path = _export(phone, "Export for a spreadsheet (CSV)", tmp_path)
    assert path.name.endswith("-lb.csv")
    header, first = path.read_text(encoding="utf-8").splitlines()[:2]
    assert (
        header
        == "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE"
    )
    assert first == '2026-11-18 00:00:00,"Week 1, session A",,Barbell back squat,1,121.25,8,,,,,7'
    with phone_page(browser) as fresh:
        fresh.goto(served_site + "log/")
        _import(fresh, path, unit="lb")
        fresh.get_by_role("button", name="Import", exact=True).click()
        fresh.get_by_text("Imported").wait_for()
        got = sorted((s["date"], s["exercise"], s["set"], round(s["kg"], 1) if s["kg"] else None, s["reps"], s["seconds"],
                       s["rir"]) for s in _stored(fresh)["sets"])  # fmt: skip
        want = sorted(
            (s["date"], s["exercise"], s["set"], s["kg"], s["reps"], s["seconds"], s["rir"]) for s in LOG["sets"]
        )
        assert got == want


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("truncated.json", json.dumps({"format": "runners-lift-heavy-log", "version": 1, "sets": []})[:30],
         "This log file is incomplete or damaged"),
        ("hostile.json", json.dumps({"format": "runners-lift-heavy-log", "version": 1, "plan": None,
                                     "sets": [_set("2026-12-01", 1, 60, exercise="<img src=x onerror=alert(1)>")]}),
         "This log file is damaged: set 1 of 1 cannot be read."),
        ("other.json", json.dumps({"workouts": [{"name": "<script>alert(1)</script>"}]}), "This is not a Runners Lift Heavy log file."),
        ("huge.json", "{" + " " * (3 * 1024 * 1024) + "}", "This file is too large to be a log (over 2 MB)."),
        ("page.csv", "<html><script>alert(1)</script></html>", "This is neither a Runners Lift Heavy log nor a CSV"),
    ],
)  # fmt: skip
def test_a_broken_or_hostile_file_changes_nothing(
    phone: Any, served_site: str, tmp_path: Path, name: str, text: str, message: str
) -> None:
    dialogs: list[str] = []
    phone.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    _seed(phone, served_site)
    before = _stored(phone)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    _import(phone, path)
    result = phone.locator("[data-lh-import-result]")
    result.filter(has_text=message).wait_for()
    assert not phone.locator("[data-lh-import-preview]").is_visible()
    assert _stored(phone) == before
    assert dialogs == []
    assert phone.locator("img[src=x]").count() == 0


def test_a_file_of_exercises_this_program_lacks_adds_nothing_and_says_so(
    phone: Any, served_site: str, tmp_path: Path
) -> None:
    _seed(phone, served_site)
    before = _stored(phone)
    path = tmp_path / "strong.csv"
    path.write_text("Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\r\n"
                    '2026-12-01 00:00:00,Legs,,"<b>Leg press</b>",1,100,8,,,,,8\r\n', encoding="utf-8")  # fmt: skip
    _import(phone, path)
    preview = phone.locator("[data-lh-import-preview]")
    preview.get_by_text("Nothing in this file can be added.").wait_for()
    assert preview.get_by_text("Not in this program, left out: <b>Leg press</b>.").is_visible()
    assert not phone.get_by_role("button", name="Import", exact=True).is_visible()
    assert phone.locator("b", has_text="Leg press").count() == 0
    assert _stored(phone) == before


def test_unreadable_storage_is_kept_and_can_be_saved_as_a_file(phone: Any, served_site: str, tmp_path: Path) -> None:
    phone.goto(served_site + "log/")
    phone.evaluate("localStorage.setItem('lh-log', '{\"version\": 1, \"sets\": [cut')")
    phone.reload()
    assert phone.get_by_text("Your saved log could not be read.").is_visible()
    path = _export(phone, "Save the log that could not be read", tmp_path)
    assert path.read_text(encoding="utf-8") == '{"version": 1, "sets": [cut'


def test_the_log_opens_with_no_signal_after_one_visit(phone: Any, served_site: str) -> None:
    _seed(phone, served_site)
    phone.evaluate("navigator.serviceWorker.ready.then(() => true)")
    phone.reload()  # now controlled by the worker
    phone.wait_for_function("navigator.serviceWorker.controller !== null")
    phone.context.set_offline(True)
    try:
        phone.reload()
        assert phone.get_by_role("heading", name="Barbell back squat").is_visible()
    finally:
        phone.context.set_offline(False)


def test_no_sideways_scroll_at_320_px(phone: Any, served_site: str) -> None:
    phone.set_viewport_size({"width": 320, "height": 740})
    _seed(phone, served_site)
    phone.get_by_role("button", name="Change Barbell back squat, set 1, Tuesday 1 December 2026").click()
    assert phone.evaluate("document.documentElement.scrollWidth") == 320
