"""Figure kinematics: one position's joint angles → the points of a 2-D figure, in cm.

Between the data and the drawing. `place()` builds the figure joint by joint from the
pelvis, then sets it down so the first part the position `rests` on touches its support
(x = 0 there); every other resting part must then touch its own support too, which
`contact_gaps()` measures for the loader, and `suggest()` finds the one angle that fixes
a gap, for the loader's message. y is up and the floor is y = 0; a side view faces +x.
"""

from __future__ import annotations

import math
from dataclasses import replace

from liftheavy.data.anatomy import VIEWS
from liftheavy.data.model import HOLDS_FIXING_HANDS, FigurePosition, Limbs

Point = tuple[float, float]

# Segment lengths for a 175 cm adult, from Winter's proportions of body height
# (Biomechanics and Motor Control of Human Movement, 4th ed., 2009, fig. 4.1).
THIGH = 43.0
SHANK = 43.0
ANKLE_HEIGHT = 7.0  # ankle joint above the sole
HEEL_BACK = 5.0  # back of the heel behind the ankle
TOE_FRONT = 20.0  # toes in front of the ankle
TRUNK = 50.0  # hip joint to shoulder joint
NECK = 23.0  # shoulder line to the middle of the head
HEAD_R = 10.5
UPPER_ARM = 31.0
FOREARM = 33.0  # elbow to the middle of the grip
HIP_HALF = 9.0  # front view: hip joint either side of the pelvis' middle
SHOULDER_HALF = 19.0  # front view: shoulder joint either side of the midline

# Heights of what a figure rests on (cm): a flat bench, a plyo box, an aerobic step, a
# stack of bumper plates, the middle of a pull-up bar (where the hands hold it), and "air":
# the top of a hop, that far above the floor. A partner holds rather than supports, so is
# not measured.
SUPPORT_HEIGHT = {"floor": 0.0, "bench": 45.0, "box": 50.0, "step": 15.0, "plates": 6.0, "bar": 225.0, "air": 15.0}
# How far a resting part sits below its joint: kneecap, elbow, buttocks, back of the ribs.
PAD = {"knee": 6.0, "elbow": 5.0, "hips": 10.0, "back": 10.0, "hand": 0.0, "heel": 0.0, "toe": 0.0}
# A part is on its support when its gap is within this (cm): the stroke's own half-width.
TOUCH = 3.0

# Holds that fix the hands to the trunk: (along the trunk from the shoulder line, in front
# of it) in cm, and how much shorter the arm looks from the side (elbows turned out).
GRIPS = {"chest": (-15.0, 20.0, 0.9), "rack": (-6.0, 15.0, 0.9), "back": (-4.0, -9.0, 0.72)}


def _step(origin: Point, theta: float, length: float) -> Point:
    """The point `length` from `origin` in direction `theta` (degrees: 0 up, 90 forward)."""
    rad = math.radians(theta)
    return (origin[0] + length * math.sin(rad), origin[1] + length * math.cos(rad))


def skeleton(position: FigurePosition, view: str, hold: str) -> dict[str, Point]:
    """Every named point of the figure, the middle of the pelvis at (0, 0)."""
    trunk = float(position.trunk)
    shoulders = _step((0.0, 0.0), trunk, TRUNK)
    points: dict[str, Point] = {
        "pelvis": (0.0, 0.0),
        "hips": (0.0, 0.0),
        "back": _step((0.0, 0.0), trunk, TRUNK / 2),
        "neck": shoulders,
        "head": _step(shoulders, trunk + position.neck, NECK),
    }
    for side, limbs in (("near", position.near), ("far", position.far)):
        if view == "side":
            _side_limbs(points, side, limbs, trunk, shoulders)
        else:
            _front_limbs(points, side, limbs, trunk, shoulders)
    if hold in HOLDS_FIXING_HANDS:
        along, ahead, shorter = GRIPS[hold]
        t = math.radians(trunk)
        grip = (
            shoulders[0] + along * math.sin(t) + ahead * math.cos(t),
            shoulders[1] + along * math.cos(t) - ahead * math.sin(t),
        )
        for side in ("near", "far"):
            start = points[f"{side}-shoulder"]
            points[f"{side}-elbow"], points[f"{side}-hand"] = _reach(
                start, grip, UPPER_ARM * shorter, FOREARM * shorter
            )
        points["grip"] = grip
    return points


def _reach(shoulder: Point, target: Point, upper: float, lower: float) -> tuple[Point, Point]:
    """Elbow and hand of an arm reaching from `shoulder` for `target`, the elbow below."""
    dx, dy = target[0] - shoulder[0], target[1] - shoulder[1]
    length = math.hypot(dx, dy) or 1.0
    d = max(min(length, upper + lower - 0.01), abs(upper - lower) + 0.01)
    a = (upper * upper - lower * lower + d * d) / (2 * d)
    h = math.sqrt(max(upper * upper - a * a, 0.0))
    ux, uy = dx / length, dy / length
    mx, my = shoulder[0] + a * ux, shoulder[1] + a * uy
    elbow = min(((mx - h * uy, my + h * ux), (mx + h * uy, my - h * ux)), key=lambda e: e[1])
    theta = math.degrees(math.atan2(target[0] - elbow[0], target[1] - elbow[1]))
    return elbow, _step(elbow, theta, lower)


def _side_limbs(points: dict[str, Point], side: str, limbs: Limbs, trunk: float, shoulders: Point) -> None:
    thigh = trunk + 180.0 - limbs.hip
    knee = _step((0.0, 0.0), thigh, THIGH)
    shank = thigh + limbs.knee
    ankle = _step(knee, shank, SHANK)
    foot = shank - 90.0 - limbs.ankle  # heel-to-toe direction
    sole = _step(ankle, foot + 90.0, ANKLE_HEIGHT)
    points[f"{side}-hip"] = (0.0, 0.0)
    points[f"{side}-knee"] = knee
    points[f"{side}-ankle"] = ankle
    points[f"{side}-heel"] = _step(sole, foot, -HEEL_BACK)
    points[f"{side}-toe"] = _step(sole, foot, TOE_FRONT)
    upper = trunk + 180.0 - (limbs.shoulder or 0)
    elbow = _step(shoulders, upper, UPPER_ARM)
    points[f"{side}-shoulder"] = shoulders
    points[f"{side}-elbow"] = elbow
    points[f"{side}-hand"] = _step(elbow, upper - (limbs.elbow or 0), FOREARM)


def _front_limbs(points: dict[str, Point], side: str, limbs: Limbs, trunk: float, shoulders: Point) -> None:
    # Bending a knee or elbow in a front view turns the lower segment towards the viewer,
    # so it is drawn shorter (cos of the bend) along the upper one.
    out = 1.0 if side == "near" else -1.0
    hip = _step((0.0, 0.0), trunk + 90.0 * out, HIP_HALF)
    thigh = trunk + 180.0 - out * limbs.hip
    knee = _step(hip, thigh, THIGH)
    ankle = _step(knee, thigh, SHANK * math.cos(math.radians(limbs.knee)))
    sole = _step(ankle, thigh, ANKLE_HEIGHT)
    points[f"{side}-hip"] = hip
    points[f"{side}-knee"] = knee
    points[f"{side}-ankle"] = ankle
    points[f"{side}-heel"] = sole
    points[f"{side}-toe"] = _step(sole, thigh - 90.0 * out, 8.0)
    shoulder = _step(shoulders, trunk + 90.0 * out, SHOULDER_HALF)
    upper = trunk + 180.0 - out * (limbs.shoulder or 0)
    elbow = _step(shoulder, upper, UPPER_ARM)
    points[f"{side}-shoulder"] = shoulder
    points[f"{side}-elbow"] = elbow
    points[f"{side}-hand"] = _step(elbow, upper, FOREARM * math.cos(math.radians(limbs.elbow or 0)))


def _touching(part: str) -> list[str]:
    """The points of `part` that touch: a flat foot is its heel and its toes."""
    if part.endswith("-foot"):
        return [part.removesuffix("foot") + "heel", part.removesuffix("foot") + "toe"]
    return [part]


def contact(points: dict[str, Point], part: str) -> Point:
    """Where `part` ("near-heel", "far-knee", "hips") touches what it rests on."""
    x, y = points[part]
    return (x, y - PAD[part.split("-")[-1]])


def place(position: FigurePosition, view: str, hold: str) -> dict[str, Point]:
    """The position's points, moved so its first resting part is on its support at x = 0."""
    points = skeleton(position, view, hold)
    part, support = position.rests[0]
    cx, cy = contact(points, _touching(part)[0])
    dx, dy = -cx, SUPPORT_HEIGHT.get(support, 0.0) - cy
    return {name: (x + dx, y + dy) for name, (x, y) in points.items()}


def contact_gaps(position: FigurePosition, view: str, hold: str) -> list[tuple[str, str, float]]:
    """(part, support, gap in cm) for each resting point: positive floats, negative sinks."""
    points = place(position, view, hold)
    gaps = []
    for part, support in position.rests:
        if support in SUPPORT_HEIGHT:
            for point in _touching(part):
                gaps.append((point, support, contact(points, point)[1] - SUPPORT_HEIGHT[support]))
    return gaps


def worst_gap(position: FigurePosition, view: str, hold: str) -> tuple[str, str, float] | None:
    """The resting point furthest off its support, if any is further than `TOUCH`."""
    gaps = [gap for gap in contact_gaps(position, view, hold) if abs(gap[2]) > TOUCH]
    return max(gaps, key=lambda gap: abs(gap[2])) if gaps else None


def suggest(position: FigurePosition, view: str, hold: str, part: str) -> tuple[str, str, int] | None:
    """(side, joint, value): the smallest single change of an angle on `part`'s side that
    puts every resting part of that side on its support, or None when no single angle can."""
    side, _, kind = part.partition("-")
    if side not in ("near", "far"):
        return None
    best: tuple[int, str, int] | None = None
    limbs: Limbs = getattr(position, side)
    joints = ("elbow", "shoulder") if kind in ("hand", "elbow") else ("ankle", "knee", "hip")
    for joint in joints:
        now = getattr(limbs, joint)
        if now is None:  # the arms follow a fixed grip
            continue
        whole = VIEWS[view][joint].range
        for value in range(whole.low, whole.high + 1):
            moved = replace(limbs, **{joint: value})
            trial = replace(position, near=moved) if side == "near" else replace(position, far=moved)
            off = [gap for point, _, gap in contact_gaps(trial, view, hold) if point.startswith(side) or point == part]
            if all(abs(gap) <= TOUCH for gap in off) and (best is None or abs(value - now) < best[0]):
                best = (abs(value - now), joint, value)
    return (side, best[1], best[2]) if best else None
