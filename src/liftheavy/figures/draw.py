"""Figure drawing: an exercise's figure → two SVG documents, the loop and the still.

The last step of the figures stage. `pose.place()` gives each position's points resting
on their support; here the supports and the implement are added at real size and both
documents are written:

- the loop moves between the positions with SMIL (eased, pausing at each), because a
  figure is loaded with <img>, where no script runs and the page's CSP does not reach;
- the still puts the positions side by side, labelled, for prefers-reduced-motion (the
  page swaps it in with <picture><source media=…>, so nothing moves at all).

Colours are for the light palette; the site's stylesheet inverts the picture for the dark
one. Coordinates are whole centimetres (y down, as in SVG), which keeps each file small.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, replace

from liftheavy.data.model import JOINTS, Exercise, Figure, FigurePosition
from liftheavy.figures.pose import HEAD_R, SUPPORT_HEIGHT, Point, contact, place

FIGURE_DIR = "assets/figures"
NEAR = "#1e293b"
FAR = "#94a3b8"  # limbs on the far side: lighter, so left and right read apart
IRON = "#c2410c"
IRON_FAR = "#f2853a"  # inverted for the dark palette it stays visible (3.6:1 on slate)
PROP = "#64748b"
PROP_FILL = "#e2e8f0"
LIMB_W = 7
TRUNK_W = 15
LABEL_H = 30  # the still's label line under each position
PANEL_MIN = 110  # the narrowest position in the still: room for its label
MOVE_S = 0.9  # each move between positions
HOLD_S = 0.8  # the pause at each position
# Smallest length drawn of a support, cm: a bench's seat, a box, a step, a stack of plates.
SUPPORT_LENGTH = {"bench": 110.0, "box": 55.0, "step": 40.0, "plates": 45.0}
_ORDER = ("cable", "far-arm", "far-iron", "far-leg", "partner", "trunk", "near-leg", "near-iron", "near-arm")
_STROKE = {
    "cable": (PROP, 2),
    "partner": (PROP, LIMB_W),
    "far-arm": (FAR, LIMB_W),
    "far-leg": (FAR, LIMB_W),
    "trunk": (NEAR, TRUNK_W),
    "near-leg": (NEAR, LIMB_W),
    "near-arm": (NEAR, LIMB_W),
}


@dataclass(frozen=True, slots=True)
class FigureBox:
    """What a page needs to show a figure: its files, their sizes (CSS px) and its words."""

    loop: str  # path under the site root
    still: str
    loop_size: tuple[int, int]
    still_size: tuple[int, int]
    alt: str


@dataclass(frozen=True, slots=True)
class _Iron:
    """One implement in one position: which side's tone, where, turned how far (degrees)."""

    side: str
    x: float
    y: float
    turn: float


@dataclass(frozen=True, slots=True)
class _Frame:
    """Everything drawn for one position, in SVG coordinates."""

    paths: dict[str, str]
    head: Point
    irons: tuple[_Iron, ...]


@dataclass(frozen=True, slots=True)
class _Layout:
    frames: tuple[_Frame, ...]
    halfways: tuple[_Frame, ...]  # the figure halfway from each position to the next (last: to the first)
    supports: str
    box: tuple[int, int, int, int]  # viewBox of every position: x, y, width, height
    panels: tuple[tuple[int, int], ...]  # each position's own x and width, for the still


def _n(value: float) -> str:
    return str(round(value) + 0)  # + 0 turns -0 into 0


def _path(points: list[Point]) -> str:
    (x0, y0), *rest = points
    return f"M{_n(x0)} {_n(-y0)}" + "".join(f"L{_n(x)} {_n(-y)}" for x, y in rest)


def _irons(figure: Figure, p: dict[str, Point]) -> tuple[_Iron, ...]:
    hold = figure.hold
    if hold == "none" or figure.implement in ("none", "band", "cable"):
        return ()
    if hold == "back":
        return (_Iron("near", *p["grip"], 0.0),)
    if hold == "lap":
        knee = p["near-knee"]
        return (_Iron("near", knee[0] - 12, knee[1] + 17, 0.0),)
    if hold == "chest":
        hand = p["near-hand"]
        return (_Iron("near", hand[0], hand[1], 0.0),)
    sides = {"each-hand": ("far", "near"), "rack": ("far", "near"), "far-hand": ("far",)}.get(hold, ("near",))
    irons = []
    for side in sides:
        (hx, hy), (ex, ey) = p[f"{side}-hand"], p[f"{side}-elbow"]
        along = 180.0 - math.degrees(math.atan2(hx - ex, hy - ey))
        if hold == "rack":
            irons.append(_Iron(side, hx, hy + 5, 0.0))
        elif hold != "bottoms-up" and hy > ey + 3 and figure.implement == "kettlebell":
            # A bell held with the hand above the elbow rests on the forearm (the rack of a
            # clean), so it lies back along the forearm instead of standing up from the hand.
            irons.append(_Iron(side, hx, hy, along + 180.0))
        else:
            # Held in the hand, the implement hangs on along the forearm's line (a swing's
            # bell flies out with the arm); bottoms-up, the bell stands on the hand.
            irons.append(_Iron(side, hx, hy, along))
    return tuple(irons)


def _iron_shape(figure: Figure, colour: str) -> str:
    """The implement at the origin (the grip), hanging towards +y."""
    implement, hold = figure.implement, figure.hold
    if implement == "kettlebell":
        # A 16-24 kg bell: 21 cm body, the handle above it.
        if hold in ("chest", "rack", "lap"):
            return f'<circle cy="{4 if hold == "rack" else 10}" r="10.5" fill="{colour}"/>'
        return (
            f'<path d="M-6 11V5a6 5 0 0 1 12 0v6" stroke="{colour}" stroke-width="3"/>'
            f'<circle cy="17" r="10.5" fill="{colour}"/>'
        )
    if implement in ("barbell", "trap-bar"):
        # A 45 cm bumper plate, seen edge-on to the bar: a disc round the bar's end. From
        # the side, a trap bar's frame runs through the hands as a line.
        frame = f'<path d="M-33 0H33" stroke="{colour}" stroke-width="4"/>' if implement == "trap-bar" else ""
        return f'{frame}<circle r="22.5" stroke="{colour}" stroke-width="4"/><circle r="4" fill="{colour}"/>'
    if implement == "dumbbell":
        # A 20 kg hex dumbbell in a neutral grip: about 38 cm long, 13 cm heads.
        return (
            f'<path d="M-13 0H13" stroke="{colour}" stroke-width="4"/>'
            f'<path d="M-15 -7V7M15 -7V7" stroke="{colour}" stroke-width="9"/>'
        )
    return ""


def _supports(figure: Figure, placed: list[dict[str, Point]]) -> tuple[str, float, float]:
    """The supports under every position, and the x range they cover."""
    spans: dict[str, list[float]] = {}
    for position, points in zip(figure.positions, placed, strict=True):
        for part, support in position.rests:
            if support in SUPPORT_LENGTH:
                for point in (part[:-4] + "heel", part[:-4] + "toe") if part.endswith("-foot") else (part,):
                    spans.setdefault(support, []).append(contact(points, point)[0])
    middle = sum(points["pelvis"][0] for points in placed) / len(placed)
    shapes, low, high = [], 0.0, 0.0
    for support, xs in spans.items():
        height = SUPPORT_HEIGHT[support]
        left, right = min(xs) - 11, max(xs) + 8
        short = SUPPORT_LENGTH[support] - (right - left)
        if short > 0:  # grow away from the body, so the prop is not drawn under all of it
            left, right = (left - short, right) if (left + right) / 2 < middle else (left, right + short)
        if support == "bench":
            shapes.append(
                f'<path d="M{_n(left)} {_n(3 - height)}H{_n(right)}" stroke="{PROP}" stroke-width="6"/>'
                f'<path d="M{_n(left + 12)} 0V{_n(-height)}M{_n(right - 12)} 0V{_n(-height)}" '
                f'stroke="{PROP}" stroke-width="4"/>'
            )
        else:
            shapes.append(
                f'<rect x="{_n(left)}" y="{_n(-height)}" width="{_n(right - left)}" height="{_n(height)}" '
                f'fill="{PROP_FILL}" stroke="{PROP}" stroke-width="2"/>'
            )
        low, high = min(low, left), max(high, right)
    column = _cable_column(figure, placed)
    if column is not None:
        # A cable column beside the figure: the cable runs from its pulley to the hands.
        shapes.append(
            f'<rect x="{column - 6}" y="-200" width="12" height="200" fill="{PROP_FILL}" stroke="{PROP}" stroke-width="2"/>'
        )
        low = min(low, column - 6)
    if any(support == "bar" for position in figure.positions for _, support in position.rests):
        bar = -SUPPORT_HEIGHT["bar"]
        shapes.append(f'<path d="M-45 {_n(bar)}H25" stroke="{PROP}" stroke-width="3"/>')
        shapes.append(f'<circle cy="{_n(bar)}" r="3.5" fill="{PROP}"/>')
    return "".join(shapes), low, high


def _cable_column(figure: Figure, placed: list[dict[str, Point]]) -> int | None:
    """Where a cable column stands, behind the figure, or None when there is no cable."""
    if figure.implement != "cable":
        return None
    return math.floor(min(x for points in placed for x, _ in points.values()) - 35)


def _between(a: int | None, b: int | None) -> int | None:
    return None if a is None or b is None else round((a + b) / 2)


def _halfway(figure: Figure, a: FigurePosition, b: FigurePosition) -> dict[str, Point]:
    """The figure halfway from `a` to `b`, by angle: a limb keeps its length as it swings
    (SMIL alone would move each point in a straight line, shortening a swinging arm). It
    stands halfway between where each position's own anchor would put it."""
    limbs = {
        side: replace(
            getattr(a, side),
            **{joint: _between(getattr(getattr(a, side), joint), getattr(getattr(b, side), joint)) for joint in JOINTS},
        )
        for side in ("near", "far")
    }
    mid = replace(a, trunk=round((a.trunk + b.trunk) / 2), neck=round((a.neck + b.neck) / 2), **limbs)
    on_a = place(mid, figure.view, figure.hold)
    on_b = place(replace(mid, rests=b.rests), figure.view, figure.hold)
    return {name: ((x + on_b[name][0]) / 2, (y + on_b[name][1]) / 2) for name, (x, y) in on_a.items()}


def _layout(figure: Figure, *, drawing: bool = True) -> _Layout:
    """Every frame's strokes, the supports, and the boxes; `drawing=False` gives the boxes
    only (what a page needs for width and height, once per card)."""
    placed = [place(position, figure.view, figure.hold) for position in figure.positions]
    count = len(figure.positions)
    halfways = [_halfway(figure, figure.positions[i], figure.positions[(i + 1) % count]) for i in range(count)]
    column = _cable_column(figure, placed)
    pulley = placed[0]["near-hand"][1]
    held = [next((part for part, support in p.rests if support == "partner"), None) for p in figure.positions]
    frames = []
    for points, partner in zip([*placed, *halfways], held + held, strict=True):
        if any(held):
            x, y = points[partner or "near-heel"]
            points["partner"] = (x - 32, y + 30)  # the partner's forearm reaches this far back
        if not drawing:
            frames.append(_Frame({}, points["head"], ()))
            continue
        paths = {"trunk": _path([points["pelvis"], points["neck"]])}
        if column is not None:
            paths["cable"] = _path([(column, pulley), points["near-hand"]])
        if any(held):
            # The partner's forearms, from behind and above, pressing the heels down.
            x, y = points[partner or "near-heel"]
            paths["partner"] = _path([points["partner"], (x - 4, y + 6)])
        for side in ("near", "far"):
            # The far leg is drawn 4 cm behind, so two legs in one pose still read as two.
            shift = -4.0 if side == "far" and figure.view == "side" else 0.0
            leg = [points[f"{side}-{joint}"] for joint in ("hip", "knee", "ankle", "heel", "toe")]
            paths[f"{side}-leg"] = _path([(x + shift, y) for x, y in leg])
            paths[f"{side}-arm"] = _path([points[f"{side}-{joint}"] for joint in ("shoulder", "elbow", "hand")])
        frames.append(_Frame(paths, points["head"], _irons(figure, points)))
    supports, low, high = _supports(figure, placed)
    xs = [x for points in placed + halfways for x, _ in points.values()] + [low, high]
    ys = [y for points in placed + halfways for _, y in points.values()] + [0.0]
    reach = {"barbell": 24, "trap-bar": 34, "kettlebell": 30, "dumbbell": 18}.get(figure.implement, 0)
    pad = 12 + reach
    left, right = math.floor(min(xs) - pad), math.ceil(max(xs) + pad)
    top, bottom = math.ceil(max(ys) + HEAD_R + 4), math.floor(min(ys) - 3)
    if figure.hold in ("back", "chest", "rack", "lap"):
        pad = 28
        left, right = math.floor(min(xs) - pad), math.ceil(max(xs) + pad)
    panels = []
    for points, position in zip(placed, figure.positions, strict=True):
        # The still gives each position only the width it needs, and its label.
        own = [x for x, _ in points.values()] + ([low, high] if supports else [])
        p_left, p_right = math.floor(min(own) - pad), math.ceil(max(own) + pad)
        narrowest = max(PANEL_MIN, 12 * len(position.label) + 40)
        if p_right - p_left < narrowest:
            p_left -= (narrowest - (p_right - p_left)) // 2
            p_right = p_left + narrowest
        panels.append((p_left, p_right - p_left))
    box = (left, -top, right - left, top - bottom)
    return _Layout(tuple(frames[:count]), tuple(frames[count:]), supports, box, tuple(panels))


def _timing(count: int) -> str:
    """SMIL timing of a loop through `count` positions and back: a pause at each, eased moves."""
    total = count * (HOLD_S + MOVE_S)
    times, t = ["0"], 0.0
    for step in range(count):
        for length in (HOLD_S, MOVE_S / 2, MOVE_S / 2):
            t += length
            times.append(f"{t / total:.3f}".rstrip("0"))
        if step == count - 1:
            times[-1] = "1"
    # Pause (linear, nothing changes), then ease in to halfway and ease out of it: together an
    # ease-in-out whose speed is continuous at the halfway frame.
    splines = ";".join(["0 0 1 1;.42 0 1 1;0 0 .58 1"] * count)
    return (
        f'dur="{total:g}s" repeatCount="indefinite" calcMode="spline" '
        f'keyTimes="{";".join(times)}" keySplines="{splines}"'
    )


def _held(values: list[str], halfways: list[str]) -> str:
    """Each position's value twice (arrive, pause), then halfway to the next; back to the first."""
    return ";".join(
        [v for value, half in zip(values, halfways, strict=True) for v in (value, value, half)] + [values[0]]
    )


def _svg(width: int, height: int, view_box: str, body: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{view_box}" width="{width}" height="{height}" '
        f'fill="none" stroke-linecap="round" stroke-linejoin="round">{body}</svg>\n'
    )


def loop_svg(figure: Figure, layout: _Layout | None = None) -> str:
    """The figure moving through its positions, pausing at each, for ever."""
    layout = layout or _layout(figure)
    x, y, w, h = layout.box
    timing = _timing(len(layout.frames))
    first = layout.frames[0]
    parts = [f'<path d="M{x} 0H{x + w}" stroke="{PROP}" stroke-width="2"/>', layout.supports]
    for name in _ORDER:
        if name.endswith("iron"):
            parts.append(_moving_irons(figure, layout, name.split("-")[0], timing))
            continue
        if name not in first.paths:
            continue
        colour, width = _STROKE[name]
        values = _held([frame.paths[name] for frame in layout.frames], [half.paths[name] for half in layout.halfways])
        parts.append(
            f'<path d="{first.paths[name]}" stroke="{colour}" stroke-width="{width}">'
            f'<animate attributeName="d" values="{values}" {timing}/></path>'
        )
    heads, halves = [frame.head for frame in layout.frames], [half.head for half in layout.halfways]
    cx = _held([_n(hx) for hx, _ in heads], [_n(hx) for hx, _ in halves])
    cy = _held([_n(-hy) for _, hy in heads], [_n(-hy) for _, hy in halves])
    parts.append(
        f'<circle cx="{_n(heads[0][0])}" cy="{_n(-heads[0][1])}" r="{HEAD_R}" fill="{NEAR}">'
        f'<animate attributeName="cx" values="{cx}" {timing}/>'
        f'<animate attributeName="cy" values="{cy}" {timing}/></circle>'
    )
    return _svg(w, h, f"{x} {y} {w} {h}", "".join(parts))


def _unwrapped(turns: list[float]) -> list[float]:
    """Angles made continuous (no 179 → -179 jump), so an implement turns the short way."""
    out = [turns[0]]
    for turn in turns[1:]:
        out.append(turn + 360.0 * round((out[-1] - turn) / 360.0))
    return out


def _moving_irons(figure: Figure, layout: _Layout, side: str, timing: str) -> str:
    tracks = [[iron for iron in frame.irons if iron.side == side] for frame in layout.frames]
    halves = [[iron for iron in frame.irons if iron.side == side] for frame in layout.halfways]
    shape = _iron_shape(figure, IRON if side == "near" else IRON_FAR)
    out = []
    for index in range(len(tracks[0])):
        irons, mids = [track[index] for track in tracks], [half[index] for half in halves]
        moves = _held([f"{_n(i.x)} {_n(-i.y)}" for i in irons], [f"{_n(i.x)} {_n(-i.y)}" for i in mids])
        sequence = _unwrapped([turn for i, m in zip(irons, mids, strict=True) for turn in (i.turn, i.turn, m.turn)])
        turns = ";".join([*map(_n, sequence), _n(sequence[0])])
        first = irons[0]
        turning = (
            f'<animateTransform attributeName="transform" type="rotate" values="{turns}" additive="sum" {timing}/>'
            if len(set(turns.split(";"))) > 1
            else ""
        )
        out.append(
            f'<g transform="translate({_n(first.x)} {_n(-first.y)}) rotate({_n(first.turn)})">'
            f'<animateTransform attributeName="transform" type="translate" values="{moves}" {timing}/>'
            f"{turning}{shape}</g>"
        )
    return "".join(out)


def still_svg(figure: Figure, layout: _Layout | None = None, *, labels: bool = True) -> str:
    """The positions side by side, each labelled with its number and name (or just its
    number, for a recognition test)."""
    layout = layout or _layout(figure)
    _, y, _, h = layout.box
    parts = []
    offset = 0
    for index, (frame, position, (x, w)) in enumerate(zip(layout.frames, figure.positions, layout.panels, strict=True)):
        parts.append(
            f'<svg x="{offset}" y="{y}" width="{w}" height="{h + LABEL_H}" viewBox="{x} {y} {w} {h + LABEL_H}">'
            f'<path d="M{x + 4} 0H{x + w - 4}" stroke="{PROP}" stroke-width="2"/>{layout.supports}'
        )
        offset += w
        for name in _ORDER:
            if name.endswith("iron"):
                side = name.split("-")[0]
                shape = _iron_shape(figure, IRON if side == "near" else IRON_FAR)
                for iron in frame.irons:
                    if iron.side == side:
                        parts.append(
                            f'<g transform="translate({_n(iron.x)} {_n(-iron.y)}) rotate({_n(iron.turn)})">{shape}</g>'
                        )
                continue
            if name not in frame.paths:
                continue
            colour, width = _STROKE[name]
            parts.append(f'<path d="{frame.paths[name]}" stroke="{colour}" stroke-width="{width}"/>')
        parts.append(
            f'<circle cx="{_n(frame.head[0])}" cy="{_n(-frame.head[1])}" r="{HEAD_R}" fill="{NEAR}"/>'
            f'<text x="{x + w / 2:g}" y="{LABEL_H - 6}" text-anchor="middle" font-family="sans-serif" '
            f'font-size="20" fill="{NEAR}">{index + 1}{" " + _escape(position.label) if labels else ""}</text></svg>'
        )
    return _svg(offset, h + LABEL_H, f"0 {y} {offset} {h + LABEL_H}", "".join(parts))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def alt_text(exercise: Exercise, figure: Figure) -> str:
    """The figure in words, from its positions: what a screen reader says instead."""
    steps = " ".join(f"{index}. {position.says}" for index, position in enumerate(figure.positions, start=1))
    return f"{exercise.name}, drawn in {len(figure.positions)} positions: {steps}"


@functools.lru_cache(maxsize=1024)
def figure_box(exercise: Exercise) -> FigureBox | None:
    """The files and sizes of an exercise's figure (cheap: no SVG is written). Kept by the
    exercise's value (frozen, so equal exercises give the same box): a build asks for each
    exercise's box once per card, in the library and on the week pages."""
    figure = exercise.figure
    if figure is None:
        return None
    layout = _layout(figure, drawing=False)
    _, _, w, h = layout.box
    return FigureBox(
        loop=f"{FIGURE_DIR}/{exercise.id}.svg",
        still=f"{FIGURE_DIR}/{exercise.id}-still.svg",
        loop_size=(w, h),
        still_size=(sum(width for _, width in layout.panels), h + LABEL_H),
        alt=alt_text(exercise, figure),
    )


def figure_files(exercise: Exercise) -> dict[str, str]:
    """path under the site root → SVG text, for both of an exercise's figure files."""
    box = figure_box(exercise)
    if box is None or exercise.figure is None:
        return {}
    layout = _layout(exercise.figure)  # once for both files
    return {box.loop: loop_svg(exercise.figure, layout), box.still: still_svg(exercise.figure, layout)}
