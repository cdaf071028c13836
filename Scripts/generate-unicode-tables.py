#!/usr/bin/env python3
"""Generate Sources/TextCells/UnicodeTables.swift from the Unicode data files.

Input: the Debian package `unicode-data` (apt-get install unicode-data), which
puts the Unicode Character Database under /usr/share/unicode/:
  EastAsianWidth.txt, LineBreak.txt, emoji/emoji-data.txt,
  extracted/DerivedGeneralCategory.txt

Usage: Scripts/generate-unicode-tables.py [UCD_DIR] > Sources/TextCells/UnicodeTables.swift

The output is committed, so widths and break classes are the same on every
host, whatever its libc or locale says.

Both tables cover the whole code space as runs; each run is packed into one
UInt32 as (first code point << shift) | value, so a lookup is a binary search
for the last run that starts at or before the scalar.
"""
import os
import re
import sys

UCD = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/unicode"
MAX = 0x110000


def read_ranges(path):
    """Yield (first, last, value) from a UCD property file."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            fields = [x.strip() for x in line.split(";")]
            cps = fields[0].split("..")
            first = int(cps[0], 16)
            last = int(cps[-1], 16)
            yield first, last, fields[1]


def fill(table, first, last, value):
    for cp in range(first, last + 1):
        table[cp] = value


def runs(table):
    out = []
    prev = None
    for cp, value in enumerate(table):
        if value != prev:
            out.append((cp, value))
            prev = value
    return out


# --- width kinds -----------------------------------------------------------
NARROW, WIDE, AMBIGUOUS, ZERO = 0, 1, 2, 3
EMOJI_FLAG = 4  # Emoji=Yes: a following VS16 asks for emoji presentation

eaw = ["N"] * MAX
# Defaults for unassigned code points (UAX #11 §4, also the @missing lines of
# extracted/DerivedEastAsianWidth.txt): ideograph blocks are Wide.
for first, last in [(0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF),
                    (0x20000, 0x2FFFD), (0x30000, 0x3FFFD)]:
    fill(eaw, first, last, "W")
for first, last, value in read_ranges(os.path.join(UCD, "EastAsianWidth.txt")):
    fill(eaw, first, last, value)

gc = ["Cn"] * MAX
for first, last, value in read_ranges(os.path.join(UCD, "extracted", "DerivedGeneralCategory.txt")):
    fill(gc, first, last, value)

emoji = [False] * MAX
for first, last, value in read_ranges(os.path.join(UCD, "emoji", "emoji-data.txt")):
    if value == "Emoji":
        fill(emoji, first, last, True)

width = [NARROW] * MAX
for cp in range(MAX):
    kind = {"W": WIDE, "F": WIDE, "A": AMBIGUOUS}.get(eaw[cp], NARROW)
    # Marks and format characters take no cell of their own.
    if gc[cp] in ("Mn", "Me", "Cf"):
        kind = ZERO
    # Hangul medial vowels and final consonants join the preceding syllable.
    if 0x1160 <= cp <= 0x11FF or 0xD7B0 <= cp <= 0xD7FF:
        kind = ZERO
    if emoji[cp] and kind != WIDE and cp > 0x7F:
        kind |= EMOJI_FLAG
    # ASCII digits, '#' and '*' are Emoji=Yes for keycaps; keep the flag so
    # "1️⃣" measures 2.
    if emoji[cp] and cp <= 0x7F:
        kind |= EMOJI_FLAG
    width[cp] = kind

# --- line break classes ----------------------------------------------------
# Order matters: the Swift enum LineBreakClass lists the same names in the
# same order. QU is split by general category (Pi / Pf / other) for LB19.
CLASSES = ["XX", "BK", "CR", "LF", "NL", "SP", "ZW", "ZWJ", "CM", "WJ", "GL",
           "BA", "BB", "B2", "HY", "CB", "CL", "CP", "EX", "IN", "IS", "NS",
           "OP", "QU", "QUPi", "QUPf", "SY", "AL", "HL", "NU", "PR", "PO",
           "ID", "EB", "EM", "RI", "AI", "SA", "CJ", "SG", "H2", "H3", "JL",
           "JV", "JT"]
INDEX = {name: i for i, name in enumerate(CLASSES)}

lb = ["XX"] * MAX
# Defaults for unassigned code points (UAX #14 §5.1 / DerivedLineBreak @missing).
for first, last, value in [(0x20A0, 0x20CF, "PR"), (0x3400, 0x4DBF, "ID"),
                           (0x4E00, 0x9FFF, "ID"), (0xF900, 0xFAFF, "ID"),
                           (0x1F000, 0x1FAFF, "ID"), (0x1FC00, 0x1FFFD, "ID"),
                           (0x20000, 0x2FFFD, "ID"), (0x30000, 0x3FFFD, "ID")]:
    fill(lb, first, last, value)
for first, last, value in read_ranges(os.path.join(UCD, "LineBreak.txt")):
    fill(lb, first, last, value)
for cp in range(MAX):
    if lb[cp] == "QU" and gc[cp] in ("Pi", "Pf"):
        lb[cp] = "QU" + gc[cp]

width_runs = runs(width)
lb_runs = runs([INDEX[c] for c in lb])


def emit(name, packed, doc):
    print(f"/// {doc}")
    print(f"let {name}: [UInt32] = [")
    for i in range(0, len(packed), 8):
        print("    " + ", ".join(f"0x{v:08X}" for v in packed[i:i + 8]) + ",")
    print("]")
    print()


version = "unknown"
with open(os.path.join(UCD, "EastAsianWidth.txt"), encoding="utf-8") as f:
    m = re.search(r"EastAsianWidth-(\d+\.\d+\.\d+)", f.read(300))
    if m:
        version = m.group(1)

print("// Generated by Scripts/generate-unicode-tables.py from the Unicode")
print(f"// Character Database {version}. Do not edit by hand.")
print()
print(f"/// Unicode version of the tables below.")
print(f'public let unicodeTablesVersion = "{version}"')
print()
emit("widthRuns", [(cp << 3) | v for cp, v in width_runs],
     "Width kind runs: (first << 3) | kind, kind = 0 narrow, 1 wide, 2 ambiguous, 3 zero, +4 Emoji=Yes.")
emit("lineBreakRuns", [(cp << 6) | v for cp, v in lb_runs],
     "Line break class runs: (first << 6) | LineBreakClass.rawValue.")
