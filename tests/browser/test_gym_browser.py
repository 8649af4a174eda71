"""The gym layer in a real phone browser (Debian's Chromium at 360×740, Playwright):
set check-offs that survive reloads, the rest timer on a controlled clock, kg/lb with your
1RM turned into loads and plates, the before-run switch, keep-screen-awake, the page
without JavaScript, and the print sheet.

Expected loads are worked out here from the program data and the gym's rounding rules,
independently of the page's script.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import pytest

from conftest import NEXT_DEPLOY_TITLE, PHONE, ROOT, build_site, copy_project, phone_page, serve_directory
from liftheavy.data.loader import load_program
from support.gymloads import BELLS_KG, BELLS_LB, KG_PER_LB, barbell_text, nearest_bell
from support.swapserver import SwappableSite

pytestmark = pytest.mark.browser
PROGRAM = load_program(ROOT)
WEEK_1, WEEK_2, WEEK_3, WEEK_4 = PROGRAM.weeks
START = dt.datetime(2027, 1, 5, 18, 0, tzinfo=dt.UTC)
# Week 1's first card with a %1RM (session A opens with hops, which have none): the squat.
MAIN_LIFT = next(p for b in WEEK_1.sessions[0].blocks for p in b.prescriptions if p.load.percent_1rm is not None)


@pytest.fixture
def phone(browser) -> Iterator[object]:
    """A fresh phone (empty storage) that fails the test on a console error."""
    with phone_page(browser, device_scale_factor=1) as page:
        yield page


def _ticks(page, card: str) -> list[bool]:
    return page.eval_on_selector_all(f"#{card} [data-lh-tick]", "boxes => boxes.map(box => box.checked)")


def _freeze_clock(page) -> None:
    """Time moves only when the test says so."""
    # Install a little before START: the installed clock runs until pause_at, and pausing at
    # a time it has already passed (a slow, busy machine) is an error.
    page.clock.install(time=START - dt.timedelta(minutes=1))
    page.clock.pause_at(START)


def _clock(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


# ---------------------------------------------------------------- set check-offs


def test_ticks_survive_a_reload_and_a_new_tab_and_reset_clears_them(phone, served_site: str) -> None:
    first = MAIN_LIFT
    card = f"a-{first.exercise.id}"
    phone.goto(served_site + "week-1/")
    boxes = phone.locator(f"#{card} [data-lh-tick]")
    assert boxes.count() == first.sets
    assert boxes.nth(1).get_attribute("aria-label") == (
        f"{first.exercise.name}, set 2 of {first.sets}: {first.reps} reps at {first.load.percent_1rm}% 1RM"
    )
    boxes.nth(0).check()
    boxes.nth(1).check()
    phone.reload()
    assert _ticks(phone, card) == [True, True] + [False] * (first.sets - 2)
    fresh = phone.context.new_page()  # no form restoration: only storage can bring the ticks back
    fresh.goto(served_site + "week-1/")
    assert _ticks(fresh, card) == [True, True] + [False] * (first.sets - 2)
    assert fresh.locator("#session-b ~ .lh-block [data-lh-tick]:checked").count() == 0
    fresh.goto(served_site + "week-2/")  # ticks belong to their week
    assert fresh.locator("[data-lh-tick]:checked").count() == 0
    fresh.close()
    assert phone.get_by_text("Ticks are saved on this phone only.").first.is_visible()
    phone.get_by_role("button", name="Reset session A").click()
    assert _ticks(phone, card) == [False] * first.sets
    phone.reload()
    assert _ticks(phone, card) == [False] * first.sets


def test_reset_clears_only_its_own_session(phone, served_site: str) -> None:
    phone.goto(served_site + "week-1/")
    session_a = phone.locator("[data-lh-session='a'] [data-lh-tick]").first
    session_b = phone.locator("[data-lh-session='b'] [data-lh-tick]").first
    session_a.check()
    session_b.check()
    phone.get_by_role("button", name="Reset session B").click()
    phone.reload()
    assert session_a.is_checked()
    assert not session_b.is_checked()


def test_a_changed_prescription_does_not_inherit_old_ticks(browser, site, changed_site) -> None:
    """The next deploy gives session A's first exercise one more set: its ticks go, the
    unchanged exercises keep theirs."""
    changed = WEEK_1.sessions[0].blocks[0].prescriptions[0].exercise.id
    unchanged = WEEK_1.sessions[0].blocks[1].prescriptions[0].exercise.id
    with SwappableSite(site) as server:
        context = browser.new_context(viewport=PHONE, service_workers="block")
        page = context.new_page()
        page.goto(server.url + "week-1/")
        page.locator(f"#a-{changed} [data-lh-tick]").first.check()
        page.locator(f"#a-{unchanged} [data-lh-tick]").first.check()
        server.swap(changed_site)
        page.reload()
        assert NEXT_DEPLOY_TITLE in page.title()
        assert _ticks(page, f"a-{changed}") == [False] * (WEEK_1.sessions[0].blocks[0].prescriptions[0].sets + 1)
        assert _ticks(page, f"a-{unchanged}")[0] is True
        context.close()


# ---------------------------------------------------------------- rest timer


def test_rest_timer_counts_down_pauses_adds_and_ends(phone, served_site: str) -> None:
    first = MAIN_LIFT
    rest = first.rest_s
    assert rest > 60
    _freeze_clock(phone)
    phone.goto(served_site + "week-1/")
    timer = phone.locator("[data-lh-timer]")
    time = phone.locator("[data-lh-timer-time]")
    announcer = phone.locator("[data-lh-announce]")
    assert timer.is_hidden()
    phone.locator(f"#a-{first.exercise.id} [data-lh-rest]").click()
    assert timer.is_visible()
    assert time.text_content() == _clock(rest)
    phone.clock.run_for(60_000)
    assert time.text_content() == _clock(rest - 60)
    phone.get_by_role("button", name="Pause").click()
    phone.clock.run_for(30_000)
    assert time.text_content() == _clock(rest - 60)
    assert phone.locator("[data-lh-timer-what]").text_content() == f"Paused: {first.exercise.name}"
    phone.get_by_role("button", name="Resume").click()
    phone.get_by_role("button", name="+15 s").click()
    left = rest - 60 + 15
    assert time.text_content() == _clock(left)
    assert announcer.text_content().strip() == ""  # no announcement every second
    phone.clock.run_for((left - 30) * 1000)
    assert time.text_content() == _clock(30)
    assert announcer.text_content().strip() == "30 seconds left"
    phone.clock.run_for(29_000)
    assert time.text_content() == "0:01"
    assert "lh-timer--done" not in timer.get_attribute("class")
    phone.clock.run_for(1_000)
    assert "lh-timer--done" in timer.get_attribute("class")
    assert time.text_content() == "Rest over"
    assert announcer.text_content().strip() == "Rest over"
    phone.get_by_role("button", name="Close").click()
    assert timer.is_hidden()


def test_rest_timer_keeps_wall_clock_time_when_the_tab_sleeps(phone, served_site: str) -> None:
    """A locked phone runs no timers: after a jump the countdown comes from the deadline."""
    first = MAIN_LIFT
    _freeze_clock(phone)
    phone.goto(served_site + "week-1/")
    phone.locator(f"#a-{first.exercise.id} [data-lh-rest]").click()
    phone.clock.fast_forward(100_000)  # fires a due timer once, like a tab waking up
    assert phone.locator("[data-lh-timer-time]").text_content() == _clock(first.rest_s - 100)
    phone.reload()  # the phone dropped the tab: the countdown carries on
    assert phone.locator("[data-lh-timer-time]").text_content() == _clock(first.rest_s - 100)


def test_ticking_a_set_starts_its_rest_unless_switched_off(phone, served_site: str) -> None:
    first = MAIN_LIFT
    _freeze_clock(phone)
    phone.goto(served_site + "week-1/")
    phone.locator(f"#a-{first.exercise.id} [data-lh-tick]").first.check()
    assert phone.locator("[data-lh-timer-time]").text_content() == _clock(first.rest_s)
    phone.get_by_role("button", name="Skip").click()
    phone.locator(".lh-settings summary").click()
    phone.get_by_label("Start the rest timer when I tick a set").uncheck()
    phone.reload()
    phone.locator(f"#a-{first.exercise.id} [data-lh-tick]").nth(1).check()
    assert phone.locator("[data-lh-timer]").is_hidden()


def test_rest_timer_never_hides_a_set(phone, served_site: str) -> None:
    phone.goto(served_site + "week-1/")
    last_card = phone.locator(".lh-card").last
    last_card.locator("[data-lh-rest]").click()
    bar = phone.locator("[data-lh-timer]").bounding_box()
    assert bar["y"] + bar["height"] == pytest.approx(PHONE["height"], abs=1)
    assert bar["height"] < PHONE["height"] / 4
    phone.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    for box in last_card.locator(".lh-set").all():
        assert box.bounding_box()["y"] + box.bounding_box()["height"] <= bar["y"]
    focused = phone.locator(".lh-card").nth(3).locator("[data-lh-tick]").first
    focused.focus()  # keyboard users: focus scrolls clear of the bar
    assert focused.bounding_box()["y"] + focused.bounding_box()["height"] <= bar["y"]


def test_sound_is_off_by_default_and_beeps_at_the_end_of_rest_when_on(phone, served_site: str) -> None:
    # Record when each tone is scheduled to start, relative to the audio clock.
    phone.add_init_script(
        """window.__tones = [];
           const create = AudioContext.prototype.createOscillator;
           AudioContext.prototype.createOscillator = function () {
             const tone = create.call(this), start = tone.start.bind(tone), audio = this;
             tone.start = (when) => { window.__tones.push(Math.round(when - audio.currentTime)); start(when); };
             return tone;
           };"""
    )
    first = MAIN_LIFT
    rest = phone.locator(f"#a-{first.exercise.id} [data-lh-rest]")
    phone.goto(served_site + "week-1/")
    rest.click()
    assert phone.evaluate("window.__tones") == []  # silent unless asked for
    phone.get_by_role("button", name="Skip").click()
    phone.locator(".lh-settings summary").click()
    phone.get_by_label("Beep when rest is over").check()
    assert phone.evaluate("window.__tones") == [0]  # a sample beep, and the tap unlocks audio
    rest.click()
    assert phone.evaluate("window.__tones") == [0, first.rest_s]  # on the audio clock, at the end


# ---------------------------------------------------------------- units, 1RM, plates


def _percent_cards(week, exercise_id: str) -> list[tuple[str, int]]:
    cards = [
        (f"{session.id}-{p.exercise.id}", p.load.percent_1rm)
        for session in week.sessions
        for block in session.blocks
        for p in block.prescriptions
        if p.exercise.id == exercise_id
    ]
    cards += [
        (f"high-mileage-{p.exercise.id}", p.load.percent_1rm)
        for p in week.high_mileage.prescriptions
        if p.exercise.id == exercise_id
    ]
    assert cards
    return cards


def test_lb_and_a_one_rep_max_give_loads_and_plates(phone, served_site: str) -> None:
    lift = "barbell-back-squat"
    phone.goto(served_site + "week-3/")
    cards = _percent_cards(WEEK_3, lift)
    assert phone.locator(f"#{cards[0][0]} [data-lh-calc]").is_hidden()  # no 1RM, no made-up load
    phone.locator(".lh-settings summary").click()
    phone.get_by_label("lb", exact=True).check()
    phone.locator(f"[data-lh-max='{lift}']").fill("225")
    for card, percent in cards:
        assert phone.locator(f"#{card} [data-lh-calc]").text_content() == barbell_text(225, percent, "lb", 45)
    phone.locator("[data-lh-bar]").select_option("15")
    for card, percent in cards:
        assert phone.locator(f"#{card} [data-lh-calc]").text_content() == barbell_text(225, percent, "lb", 35)
    phone.reload()  # unit, bar and 1RM are remembered
    assert phone.locator(f"[data-lh-max='{lift}']").input_value() == "225"
    for card, percent in cards:
        assert phone.locator(f"#{card} [data-lh-calc]").text_content() == barbell_text(225, percent, "lb", 35)
    phone.goto(served_site + "week-4/")  # the same 1RM on every week
    for card, percent in _percent_cards(WEEK_4, lift):
        assert phone.locator(f"#{card} [data-lh-calc]").text_content() == barbell_text(225, percent, "lb", 35)
    phone.locator(".lh-settings summary").click()
    phone.get_by_label("kg", exact=True).check()
    kilos = 225 * KG_PER_LB
    assert phone.locator(f"[data-lh-max='{lift}']").input_value() == f"{round(kilos, 1):g}"
    for card, percent in _percent_cards(WEEK_4, lift):
        assert phone.locator(f"#{card} [data-lh-calc]").text_content() == barbell_text(kilos, percent, "kg", 15)


@pytest.fixture(scope="module")
def kettlebell_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, object]]:
    """The program with its main squat done with bells (the program itself loads bells by
    feel, so no %1RM card uses one): week 1's and week 2's back squat become a goblet squat
    and a double-kettlebell front squat, the kettlebell cards a coach might write."""
    project = copy_project(tmp_path_factory.mktemp("kettlebells"))
    for number, exercise in ((1, "goblet-squat"), (2, "double-kettlebell-front-squat")):
        week = project / "data" / "weeks" / f"week-{number}.yaml"
        text = week.read_text(encoding="utf-8")
        card = f"exercise: barbell-back-squat\n            former_ids: [{exercise}]\n"
        assert card in text
        text = text.replace(card, f"exercise: {exercise}\n")
        # The empty bar is a barbell's first warm-up set (the loader refuses it on a bell).
        week.write_text(text.replace("ramp: [bar × 8, ", "ramp: [", 1), encoding="utf-8")
    site_dir = tmp_path_factory.mktemp("kettlebell-site")
    result = build_site(project, site_dir)
    assert result.returncode == 0, result.stderr
    with serve_directory(site_dir) as url:
        yield url, load_program(project)


def test_kettlebell_loads_round_to_bell_sizes(phone, kettlebell_site: tuple[str, object]) -> None:
    served_site, program = kettlebell_site
    week_1, week_2 = program.weeks[:2]
    phone.goto(served_site + "week-1/")
    phone.locator(".lh-settings summary").click()
    phone.locator("[data-lh-max='goblet-squat']").fill("40")
    for card, percent in _percent_cards(week_1, "goblet-squat"):
        bell = nearest_bell(40 * percent / 100, BELLS_KG)
        assert phone.locator(f"#{card} [data-lh-calc]").text_content() == f"Your load: one {bell} kg bell"
    goblet = next(p for b in week_1.sessions[0].blocks for p in b.prescriptions if p.exercise.id == "goblet-squat")
    warm_up = ", ".join(f"{nearest_bell(40 * s.percent_1rm / 100, BELLS_KG)} kg × {s.reps}" for s in goblet.ramp)
    assert phone.locator("#a-goblet-squat .lh-card__ramp").text_content() == "Warm-up sets: " + warm_up
    phone.get_by_label("lb", exact=True).check()
    phone.locator("[data-lh-max='goblet-squat']").fill("90")
    for card, percent in _percent_cards(week_1, "goblet-squat"):
        bell = nearest_bell(90 * percent / 100, BELLS_LB)
        assert phone.locator(f"#{card} [data-lh-calc]").text_content() == f"Your load: one {bell} lb bell"
    phone.goto(served_site + "week-2/")  # a double-kettlebell lift: the load is split over a pair
    phone.locator(".lh-settings summary").click()
    phone.get_by_label("kg", exact=True).check()
    phone.locator("[data-lh-max='double-kettlebell-front-squat']").fill("64")
    for card, percent in _percent_cards(week_2, "double-kettlebell-front-squat"):
        bell = nearest_bell(64 * percent / 100 / 2, BELLS_KG)
        assert (
            phone.locator(f"#{card} [data-lh-calc]").text_content() == f"Your load: two {bell} kg bells ({bell * 2} kg)"
        )
    front = next(p for b in week_2.sessions[0].blocks for p in b.prescriptions if p.exercise.id.startswith("double-"))
    pairs = [f"two {nearest_bell(64 * s.percent_1rm / 100 / 2, BELLS_KG)} kg bells × {s.reps}" for s in front.ramp]
    ramp = phone.locator("#a-double-kettlebell-front-squat .lh-card__ramp")
    assert ramp.text_content() == "Warm-up sets: " + ", ".join(pairs)


# ---------------------------------------------------------------- before-run switch, screen


def test_before_run_switch_shows_only_the_high_mileage_version(phone, served_site: str) -> None:
    phone.goto(served_site + "week-2/")
    session_cards = phone.locator("[data-lh-session='a'], [data-lh-session='b']")
    short_cards = phone.locator("[data-lh-session='high-mileage']")
    phone.get_by_label("High-mileage version only").check()
    assert phone.locator("#session-a").is_hidden()
    assert phone.locator("#session-b").is_hidden()
    assert all(not card.is_visible() for card in session_cards.all())
    assert short_cards.count() == len(WEEK_2.high_mileage.prescriptions)
    assert all(card.is_visible() for card in short_cards.all())
    assert phone.locator("#warm-up").is_visible()
    phone.goto(served_site + "week-3/")  # the choice holds on every week
    assert phone.locator("#session-a").is_hidden()
    phone.get_by_label("Full sessions").check()
    assert phone.locator("#session-a").is_visible()
    assert phone.locator("#high-mileage").is_visible()


def test_keep_screen_awake_holds_and_releases_a_wake_lock(phone, served_site: str) -> None:
    # Record the real sentinels the page gets (the browser still grants and releases them).
    phone.add_init_script(
        """if (navigator.wakeLock) {
             const request = navigator.wakeLock.request.bind(navigator.wakeLock);
             window.__locks = [];
             navigator.wakeLock.request = (type) => request(type).then((s) => (window.__locks.push(s), s));
           }"""
    )
    phone.goto(served_site + "week-1/")
    toggle = phone.get_by_label("Keep screen awake")
    assert toggle.is_visible()  # Chromium has the Screen Wake Lock API
    assert phone.locator("[data-lh-wake-tip]").is_hidden()
    toggle.check()
    phone.wait_for_function("window.__locks.length === 1")
    assert phone.evaluate("window.__locks[0].released") is False
    # The browser drops the lock when the page is hidden; showing it again takes a new one.
    phone.evaluate("window.__locks[0].release().then(() => document.dispatchEvent(new Event('visibilitychange')))")
    phone.wait_for_function("window.__locks.length === 2")
    toggle.uncheck()
    phone.wait_for_function("window.__locks[1].released === true")


def test_keep_screen_awake_is_not_offered_without_the_api(phone, served_site: str) -> None:
    phone.add_init_script("delete Navigator.prototype.wakeLock")
    phone.goto(served_site + "week-1/")
    assert phone.locator("[data-lh-gym]").is_visible()
    assert phone.locator("[data-lh-wake-option]").is_hidden()
    assert phone.get_by_text("set Auto-Lock to 5 minutes").is_visible()  # what to do instead


# ---------------------------------------------------------------- no JavaScript, print


def test_without_javascript_every_prescription_is_there_and_no_tool_pretends(browser, served_site: str) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    for week in PROGRAM.weeks:
        page.goto(f"{served_site}{week.slug}/")
        for session in week.sessions:
            for block in session.blocks:
                for p in block.prescriptions:
                    card = page.locator(f"#{session.id}-{p.exercise.id}")
                    assert card.is_visible()
                    assert f"Sets {p.sets}" in " ".join(card.inner_text().split())
                    assert card.locator("[data-lh-tick]").count() == p.sets
        assert page.locator("#session-a").is_visible()
        assert page.locator("#high-mileage").is_visible()
        hidden = "[data-lh-gym], [data-lh-timer], [data-lh-rest], [data-lh-tools], [data-lh-calc]"
        assert all(element.is_hidden() for element in page.locator(hidden).all())
    context.close()


def _pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


@pytest.mark.parametrize("week", PROGRAM.weeks, ids=lambda week: week.slug)
def test_print_puts_each_session_on_its_own_sheet(phone, served_site: str, week) -> None:
    phone.goto(f"{served_site}{week.slug}/")
    pdf = phone.pdf(format="A4")
    # The warm-up sheet, one sheet per session, one for the high-mileage version: nothing spills over.
    assert _pdf_pages(pdf) == 1 + len(week.sessions) + 1
    phone.emulate_media(media="print")
    assert phone.locator("[data-lh-gym]").is_hidden()
    assert phone.locator("[data-lh-rest]").first.is_hidden()
    box = phone.evaluate(
        "getComputedStyle(document.querySelector('.lh-sets li'), '::after').getPropertyValue('border-top-style')"
    )
    assert box == "solid"  # an empty box after each set for the load used
