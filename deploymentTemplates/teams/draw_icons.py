#!/usr/bin/env python3
"""Draws the Teams app icons for ReflectBot: color.png (192x192) and outline.png (32x32, white on
transparent). Pure Python (zlib + struct) so it runs anywhere; shapes are sampled 4x4 per pixel for
smooth edges. Run from this folder: python3 draw_icons.py"""
import math
import struct
import zlib

SS = 4  # samples per pixel edge


def rounded_rect(x, y, x0, y0, x1, y1, r):
    cx = min(max(x, x0 + r), x1 - r)
    cy = min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r and x0 <= x <= x1 and y0 <= y <= y1


def bubble(x, y, s):
    """A speech bubble (rounded body plus a tail at the lower left), in a unit box scaled by s."""
    body = rounded_rect(x, y, 0.14 * s, 0.18 * s, 0.86 * s, 0.70 * s, 0.14 * s)
    # tail: triangle (0.26,0.66) (0.42,0.66) (0.22,0.86)
    ax, ay, bx, by, cx, cy = 0.26 * s, 0.66 * s, 0.44 * s, 0.66 * s, 0.20 * s, 0.86 * s
    d = (by - cy) * (ax - cx) + (cx - bx) * (ay - cy)
    l1 = ((by - cy) * (x - cx) + (cx - bx) * (y - cy)) / d
    l2 = ((cy - ay) * (x - cx) + (ax - cx) * (y - cy)) / d
    tail = l1 >= 0 and l2 >= 0 and l1 + l2 <= 1
    return body or tail


def leaf(x, y, s):
    """A leaf: the intersection of two circles, tilted, centred in the bubble."""
    u, v = x / s - 0.5, y / s - 0.44
    a = math.radians(-35)
    ru, rv = u * math.cos(a) - v * math.sin(a), u * math.sin(a) + v * math.cos(a)
    r = 0.20
    return (ru) ** 2 + (rv - 0.12) ** 2 <= r * r and (ru) ** 2 + (rv + 0.12) ** 2 <= r * r


def vein(x, y, s):
    u, v = x / s - 0.5, y / s - 0.44
    a = math.radians(-35)
    ru, rv = u * math.cos(a) - v * math.sin(a), u * math.sin(a) + v * math.cos(a)
    return abs(rv) <= 0.012 and abs(ru) <= 0.13


def render(size, shade):
    rows = []
    for py in range(size):
        row = bytearray([0])  # filter: none
        for px in range(size):
            acc = [0.0, 0.0, 0.0, 0.0]
            for sy in range(SS):
                for sx in range(SS):
                    x = px + (sx + 0.5) / SS
                    y = py + (sy + 0.5) / SS
                    r, g, b, a = shade(x, y, size)
                    acc[0] += r * a
                    acc[1] += g * a
                    acc[2] += b * a
                    acc[3] += a
            n = SS * SS
            alpha = acc[3] / n
            if alpha > 0:
                rgb = [int(round(c / acc[3])) for c in acc[:3]]
            else:
                rgb = [0, 0, 0]
            row += bytes(rgb + [int(round(alpha * 255))])
        rows.append(bytes(row))
    return b"".join(rows)


def color_shade(x, y, s):
    teal = (38, 110, 120)
    if leaf(x, y, s) and not vein(x, y, s):
        return (92, 170, 120, 1.0)
    if bubble(x, y, s):
        return (255, 255, 255, 1.0)
    return (*teal, 1.0)


def outline_shade(x, y, s):
    # White outline of the bubble (2 px at 32 px), with the leaf filled: reads at small sizes.
    inside = bubble(x, y, s)
    if not inside:
        return (0, 0, 0, 0.0)
    w = 2.2 / 32 * s
    ring = any(not bubble(x + dx * w, y + dy * w, s) for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1), (0.7, 0.7), (-0.7, -0.7), (0.7, -0.7), (-0.7, 0.7)))
    if ring or leaf(x, y, s):
        return (255, 255, 255, 1.0)
    return (0, 0, 0, 0.0)


def write_png(path, size, raw):
    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


if __name__ == "__main__":
    write_png("color.png", 192, render(192, color_shade))
    write_png("outline.png", 32, render(32, outline_shade))
