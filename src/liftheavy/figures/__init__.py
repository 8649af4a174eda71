"""The figures stage: an exercise's positions (data) → SVG files drawn from them.

`pose` turns a position's joint angles into points resting on their support (and tells
the loader when a part said to rest on something does not); `draw` writes the two SVG
documents of a figure; `sheet` lays every figure out for review (`make figures`).
"""
