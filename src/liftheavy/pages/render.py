"""`Program` → pages: Markdown (with HTML cards) for MkDocs to render like any page.

Every page is rendered from a Jinja template in `templates/` (and the sharing stage's
feeds, calendar, preview tags and redirect stubs from `../sharing/templates/`, through the
same environment and filters) with `StrictUndefined` and
autoescaping, so a missing field fails loudly and no contributor text reaches the page
unescaped. Headings are Markdown (so the table of contents and permalinks work) with
ids from the data, never from titles; everything else is HTML built by the templates.
The functions are pure: same program in, same text out.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from liftheavy.cache import TEMPLATE_BYTECODE
from liftheavy.data import effort
from liftheavy.data.model import PATTERNS, Exercise, Prescription, Program, Session, Week
from liftheavy.data.release import Release, long_date
from liftheavy.pages.gymkeys import loading, main_lifts, set_label, tick_key
from liftheavy.pages.inline import markdown_text, render_inline
from liftheavy.pages.urls import ATOM_FILE, CALENDAR_FILE, FEED_FILE, relative_file_url, relative_url, site_path

if TYPE_CHECKING:
    from liftheavy.figures.draw import FigureBox

EXERCISES_PAGE = "exercises.md"  # the library's index: every exercise, linked to its pattern's page
# Each movement pattern's page title; the library is split by pattern so that no page outgrows
# one round trip (14 KB gzip) as the library grows.
PATTERN_TITLES = {
    "squat": "Squat",
    "hinge": "Hinge",
    "lunge": "Lunge",
    "single-leg": "Single-leg",
    "calf-raise": "Calf raise",
    "knee-flexion": "Knee flexion",
    "adduction": "Adduction",
    "pull": "Pull",
    "push": "Push",
    "carry": "Carry",
    "anti-rotation": "Anti-rotation",
    "anti-extension": "Anti-extension",
    "anti-lateral-flexion": "Anti-lateral flexion",
    "power": "Power",
}
_ENV = Environment(
    loader=FileSystemLoader(
        [Path(__file__).parent / "templates", Path(__file__).parent.parent / "sharing" / "templates"]
    ),
    undefined=StrictUndefined,
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
    bytecode_cache=TEMPLATE_BYTECODE,  # compiled once per machine, not once per build
)
# `tojson` without spaces: every card carries its data-lh-log, and a 52-week page has to stay in 14 KB.
_ENV.policies["json.dumps_kwargs"] = {"sort_keys": True, "separators": (",", ":")}


@dataclass(frozen=True, slots=True)
class GeneratedPage:
    """A page made from data: where it goes, its title and description, its source file."""

    src_uri: str
    title: str
    description: str
    markdown: str
    edit_path: str | None  # the YAML file an editor should change, relative to the root


def duration(seconds: int) -> str:
    """Seconds as said in a gym: 45 s, 90 s, 2 min, 2 min 30 s."""
    minutes, rest = divmod(seconds, 60)
    if seconds < 120:
        return f"{seconds} s"
    return f"{minutes} min" + (f" {rest} s" if rest else "")


def amount(prescription: Prescription) -> str:
    """One set's amount under its label (Reps, Time, Distance): 8, 8–10, 30 s, 20 m, per side."""
    if prescription.reps is not None:
        text = str(prescription.reps)
    elif prescription.time_s is not None:
        text = duration(prescription.time_s)
    else:
        text = f"{prescription.distance_m} m"
    return f"{text} per side" if prescription.per_side else text


def heading_id(anchor: str, classes: str = "") -> Markup:
    """attr_list syntax giving a Markdown heading a stable id from the data (`{#session-a}`),
    and optionally classes (`{#session-a .lh-full}`) the gym script and print styles use."""
    names = "".join(f" .{name}" for name in classes.split())
    return Markup("{#%s%s}") % (anchor, names)


def former_anchors(anchor: str, exercise: Exercise, replaced: tuple[str, ...] = ()) -> Markup:
    """Empty anchors for an exercise's former ids, and for the exercises a week card
    replaced (`replaced`, the card's `former_ids`), so links made before still land.

    `anchor` ends with the exercise's id (`a-goblet-squat`); each former id gets the same
    prefix (`a-old-id`). An empty element takes no space; the browser scrolls to it.
    """
    prefix = anchor.removesuffix(exercise.id)
    return Markup("").join(
        Markup('<span class="lh-former-anchor" id="{}"></span>').format(prefix + former)
        for former in (*exercise.former_ids, *replaced)
    )


def library_page(exercise: Exercise) -> str:
    """The page an exercise is described on: its movement pattern's part of the library."""
    return f"exercises/{exercise.pattern}.md"


@dataclass(frozen=True, slots=True)
class LibrarySection:
    """One page of the exercise library: the exercises of one movement pattern, in library order."""

    pattern: str
    title: str
    src_uri: str
    exercises: tuple[Exercise, ...]


def library_sections(program: Program) -> tuple[LibrarySection, ...]:
    """The library's pages, in the order of `PATTERNS` (patterns without exercises have none)."""
    return tuple(
        LibrarySection(pattern, PATTERN_TITLES[pattern], f"exercises/{pattern}.md", exercises)
        for pattern in PATTERNS
        if (exercises := tuple(exercise for exercise in program.exercises if exercise.pattern == pattern))
    )


def render_template(template: str, **context: object) -> str:
    """Render one of our templates (HTML autoescaped; see the module docstring)."""
    return _ENV.get_template(template).render(**context)


_render = render_template


def figure_box(exercise: Exercise) -> FigureBox | None:
    """Where an exercise's figure files are and how big they are drawn (`figures.draw`).

    The drawing code is imported on first use: a build whose pages come from the cache
    renders only the feeds and tags through this module, and never draws."""
    from liftheavy.figures.draw import figure_box as box

    return box(exercise)


_ENV.filters.update(inline=render_inline, md=markdown_text, duration=duration, amount=amount, long_date=long_date)
# The templates' helpers go by their own names; the addresses and file names are constants.
_ENV.globals.update({helper.__name__: helper for helper in (heading_id, former_anchors, library_page, figure_box)})
_ENV.globals.update({"url": relative_url, "file_url": relative_file_url, "EXERCISES_PAGE": EXERCISES_PAGE})
_ENV.globals.update({"FEED_FILE": FEED_FILE, "ATOM_FILE": ATOM_FILE, "CALENDAR_FILE": CALENDAR_FILE})
_ENV.globals.update({helper.__name__: helper for helper in (tick_key, set_label, main_lifts)})


def block_dates(program: Program) -> dict[str, object]:
    """What a week page needs to mark today's session (browser/js/blocktoday.js): each week of
    the whole program with its number, release date and session ids, from which block.js
    dates every session. No titles or addresses: with 52 weeks they would cost each week page
    about 0.4 KB gzip that it never shows."""
    return {"weeks": [_dated(week) | {"sessions": [{"id": s.id} for s in week.sessions]} for week in program.weeks]}


def _dated(week: Week) -> dict[str, object]:
    """What every block island says of a week: its number and release date."""
    return {"number": week.number, "release": week.release.isoformat()}


def block_data(program: Program, release: Release) -> dict[str, object]:
    """What the "Your block" pages need to date and show every session (browser/js/block.js):
    `block_dates` plus whether this build has each week's page, its path below the site root
    (a week not out yet has none today, but the calendar links to where it will be) and its
    sessions' titles. Shipped in the page as JSON in a `data-lh-block-data` attribute (inert,
    so no CSP hash); the script resolves paths against the site root."""
    return {
        "weeks": [
            _dated(week)
            | {
                "built": release.is_published(week),
                "path": site_path(f"{week.slug}.md"),
                # A week not out yet shows none of its content, only how many sessions it has.
                "sessions": [
                    {"id": session.id, "title": session.title if release.is_published(week) else ""}
                    for session in week.sessions
                ],
            }
            for week in program.weeks
        ]
    }


def log_rules(program: Program) -> dict[str, object]:
    """What the log in the browser computes with (browser/js/effort.js, progression.js): the
    %1RM chart of `data.effort` and the progression rule of program.yaml, shipped in a
    `data-lh-rules` attribute so both are defined once, in the data."""
    rule = program.progression
    return {
        "chart": list(effort.CHART),
        "rule": {"add_margin": rule.add_margin, "drop_margin": rule.drop_margin, "step_percent": rule.step_percent},
    }


_ENV.globals.update(log_rules=log_rules)


def _estimate_from(p: Prescription) -> list[object]:
    """[percent, the other lift's id and former ids]: a new variation's first 1RM (the card's
    note names the other lift)."""
    if p.estimate_from is None:
        return []
    other = p.estimate_from.exercise
    return [p.estimate_from.percent, other.id, *other.former_ids]


def log_card(p: Prescription) -> dict[str, object]:
    """What the log on a card (browser/js/logcard.js) needs beyond the card's own markup (the
    exercise id is its library link's #fragment, the sets its boxes): the exercise's former ids
    (history follows a rename), the dose and effort the logged sets are judged against by the
    progression rule, how a load is made up, the warm-up sets ([%1RM, reps]; 0 is the
    empty bar) whose weights the script works out from the same 1RM as the card's load, and
    where a new variation's first 1RM comes from (`_estimate_from`)."""
    reps = p.reps
    found: dict[str, object] = {
        "former": list(p.exercise.former_ids),
        "low": reps.low if reps else None,
        "high": reps.high if reps else None,
        "seconds": p.time_s,
        "rir": p.load.rir,
        "loading": "bodyweight" if p.exercise.implement == "bodyweight" else loading(p.exercise),
        "percent": p.load.percent_1rm,
        "ramp": [[step.percent_1rm or 0, step.reps] for step in p.ramp],
        "from": _estimate_from(p),
    }
    # Only what is there: the page weighs less (the script reads a missing key as none).
    return {key: value for key, value in found.items() if value not in (None, [])}


_ENV.globals.update(log_card=log_card)


def render_week(program: Program, week: Week, release: Release, block: dict[str, object]) -> GeneratedPage:
    """One week: focus, RAMP warm-up, sessions as blocks of exercise cards, high-mileage version.

    `program` holds the published weeks only, so previous/next never link to a missing page;
    `block` is the whole program's `block_dates`, so the page can mark today's session.
    """
    previous, following = program.neighbours(week)
    src_uri = f"{week.slug}.md"
    context = {
        "program": program, "week": week, "page": src_uri, "previous": previous, "following": following,
        "block": block,
    }  # fmt: skip
    markdown = _render("week.md.j2", **context, released=release.is_released(week))
    title = f"Week {week.number}: {week.title}"
    return GeneratedPage(src_uri, title, week.summary, markdown, week.path)


def render_exercise_library(program: Program) -> list[GeneratedPage]:
    """The library: an index of every exercise, then one page per movement pattern with each
    exercise's equipment, muscles, cues, faults and alternatives.

    The index keeps the library's old addresses working: `/exercises/#goblet-squat` was one
    page before the split, and a #fragment never reaches the server, so the index lists every
    exercise (and former id) under its id, with a link to its page, and a small script sends
    the browser on; without script, the link is what the reader sees at the top of the screen.
    `program` holds the published weeks only: "in the program" links go to pages that exist.
    """
    used_in: dict[str, list[tuple[Week, Session]]] = {exercise.id: [] for exercise in program.exercises}
    for week in program.weeks:
        for session in week.sessions:
            for block in session.blocks:
                for prescription in block.prescriptions:
                    used_in[prescription.exercise.id].append((week, session))
    sections = library_sections(program)
    edit_path = "data/exercises.yaml"
    markdown = _render("exercises.md.j2", sections=sections, page=EXERCISES_PAGE)
    description = (
        f"How to do each of the {len(program.exercises)} exercises in the program, with easier and harder options."
    )
    pages = [GeneratedPage(EXERCISES_PAGE, "Exercise library", description, markdown, edit_path)]
    for section in sections:
        markdown = _render("exercise-pattern.md.j2", section=section, used_in=used_in, page=section.src_uri)
        title = f"{section.title} exercises"
        description = (
            f"{title} in the program: how to do each one, what usually goes wrong, and easier and harder options."
        )
        pages.append(GeneratedPage(section.src_uri, title, description, markdown, edit_path))
    return pages


def render_pages(program: Program, release: Release) -> list[GeneratedPage]:
    """All generated pages this build publishes, in a stable order: weeks by number, then the library's index and its pattern pages."""
    published = release.published(program)
    dates = block_dates(program)
    weeks = [render_week(published, week, release, dates) for week in published.weeks]
    return [*weeks, *render_exercise_library(published)]


def render_schedule(program: Program, page: str, release: Release) -> str:
    """The overview's table of all weeks: linked when published, "coming on <date>" before."""
    return _render("schedule.html.j2", program=program, page=page, release=release)


def render_equipment(program: Program, page: str, release: Release) -> str:
    """The overview's equipment list."""
    return _render("equipment.html.j2", program=program, page=page)


def render_sources(program: Program, page: str, release: Release) -> str:
    """The list of studies behind the program, with links."""
    return _render("sources.html.j2", program=program, page=page)


def render_progression(program: Program, page: str, release: Release) -> str:
    """The one progression rule, worded from its numbers in program.yaml."""
    return _render("progression.html.j2", program=program)


def render_effort_chart(program: Program, page: str, release: Release) -> str:
    """The %1RM-by-reps-to-failure chart the loads follow, from `effort.CHART` (4-12 reps)."""
    return _render("effort-chart.html.j2", chart=effort.CHART, rows=range(4, effort.CHART_MAX_REPS + 1))


def render_follow(program: Program, page: str, release: Release) -> str:
    """How to hear about each week: the release-dates calendar and the feed."""
    return _render("follow.html.j2", program=program, page=page)


def render_block_next(program: Program, page: str, release: Release) -> str:
    """The overview's first line for a runner with a plan: today's or the next session."""
    return _render("block.html.j2", part="next", block=None, program=program, page=page)


def render_block(program: Program, page: str, release: Release) -> str:
    """The overview's "Your block": the plan form, the dated sessions and the calendar file."""
    return _render("block.html.j2", part="plan", block=block_data(program, release), program=program, page=page)


def render_today(program: Program, page: str, release: Release) -> str:
    """The today/ page: the script opens today's session; without a plan or script, links."""
    published = release.published(program)
    return _render("block.html.j2", part="today", block=block_data(program, release), program=published, page=page)


def log_names(program: Program) -> dict[str, str]:
    """Every exercise's name by id, former ids included (the log keeps what was logged under
    an old id): the log page's names and the CSV export's Exercise Name."""
    names = {}
    for exercise in program.exercises:
        names[exercise.id] = exercise.name
        names.update(dict.fromkeys(exercise.former_ids, exercise.name))
    return names


def render_log(program: Program, page: str, release: Release) -> str:
    """The log page's tools (browser/js/logpage.js): the list, export and import."""
    return _render("log.html.j2", names=log_names(program), rules=log_rules(program))


MARKERS = {
    "<!-- liftheavy:schedule -->": render_schedule,
    "<!-- liftheavy:equipment -->": render_equipment,
    "<!-- liftheavy:sources -->": render_sources,
    "<!-- liftheavy:follow -->": render_follow,
    "<!-- liftheavy:progression -->": render_progression,
    "<!-- liftheavy:block-next -->": render_block_next,
    "<!-- liftheavy:block -->": render_block,
    "<!-- liftheavy:today -->": render_today,
    "<!-- liftheavy:effort-chart -->": render_effort_chart,
    "<!-- liftheavy:log -->": render_log,
}


def expand_markers(markdown: str, program: Program, page: str, release: Release) -> str:
    """Replace each marker line in a hand-written page with its generated HTML."""
    for marker, render in MARKERS.items():
        if marker in markdown:
            markdown = markdown.replace(marker, render(program, page, release))
    return markdown
