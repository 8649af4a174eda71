"""How far each joint of a drawn figure may bend: the table the loader checks angles against.

`loader.py` reads a figure's positions (`data/exercises.yaml`, `figure:`) and reports any
angle outside its range here; `tools/schema.py` writes the same ranges into the JSON
Schema, and `liftheavy.figures` keeps its suggested fixes inside them. Whole degrees; 0 is
standing tall with the arms at the sides.

Side view (the figure faces right): flexion is positive, extension negative.
Front view (the figure faces the viewer): hip and shoulder are abduction (out to the
side), knee and elbow bend towards the viewer; "near" is the limb on the right of the
picture.

Ranges are adult passive range of motion from goniometry (Soucie et al. 2011,
https://doi.org/10.1111/j.1365-2516.2010.02399.x: hip flexion and extension, knee flexion,
ankle dorsiflexion and plantarflexion, shoulder and elbow flexion), rounded out, with three
deliberate widenings, because the figure is simpler than a body:
- the trunk is one rigid segment, so `hip` also carries the pelvis and lower back (a deep
  squat or a hinge): up to 135;
- ankle dorsiflexion with the knee bent under load (squat, split squat) goes past the
  straight-knee value measured there: up to 40;
- the neck's range (45 each way) is a common clinical norm, not from that study.
"""

from __future__ import annotations

from dataclasses import dataclass

from liftheavy.data.limits import Whole


@dataclass(frozen=True, slots=True)
class Joint:
    """One angle's range and what it measures, in a coach's words."""

    range: Whole
    means: str


SIDE_VIEW = {
    "hip": Joint(Whole(-30, 135, 90), "hip flexion: the thigh forward of the trunk's line (negative: behind it)"),
    "knee": Joint(Whole(-5, 155, 90), "knee flexion: 0 is a straight leg"),
    "ankle": Joint(Whole(-60, 40, 20), "ankle dorsiflexion: the shin over the toes (negative: toes pointed)"),
    "shoulder": Joint(Whole(-60, 180, 90), "shoulder flexion: the arm forward (180 overhead; negative: behind)"),
    "elbow": Joint(Whole(0, 150, 90), "elbow flexion: 0 is a straight arm"),
}
FRONT_VIEW = {
    "hip": Joint(Whole(-30, 50, 20), "hip abduction: the leg out to the side (negative: across the other)"),
    "knee": Joint(Whole(0, 155, 90), "knee bend towards the viewer: 0 is a straight leg"),
    "ankle": Joint(Whole(-60, 40, 0), "ankle dorsiflexion (drawn as a small foot)"),
    "shoulder": Joint(Whole(-20, 180, 90), "shoulder abduction: the arm out to the side (180 overhead)"),
    "elbow": Joint(Whole(0, 150, 0), "elbow bend towards the viewer: 0 is a straight arm"),
}
VIEWS = {"side": SIDE_VIEW, "front": FRONT_VIEW}
TRUNK = Joint(
    Whole(-100, 100, 0),
    "the trunk's lean from upright: forward in a side view (90 is flat, face down; -90 lying on the back), "
    "towards the right of the picture in a front view",
)
NECK = Joint(Whole(-45, 45, 0), "neck flexion: the head forward of the trunk's line (negative: looking up)")
