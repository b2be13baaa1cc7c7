"""Refresh resources/translations/mestore_en.ts from the code and the helpers' translation lists.

    .venv/bin/python -m tests.support.merge_translations /work/coord/translations-*.tsv

1. ``pyside6-lupdate`` scans the UI sources (``mestore_desktop/ui/**.py`` and ``app.py``) into the
   ``.ts``; lupdate merges, so every translation already there is kept, new strings arrive
   unfinished and strings gone from the code are dropped (``-no-obsolete``). The core's messages
   (``N_("…")`` anywhere in the package, context ``messages``: ``mestore_desktop/domain/text.py``)
   are handed to lupdate as a generated file of ``QT_TRANSLATE_NOOP("messages", "…")`` lines, one
   per call site; their locations are then pointed back at the real ``N_`` calls.
2. Each line ``context<TAB>Spanish source<TAB>English translation`` of the given TSV files fills
   the message with that context and source (``\\n``, ``\\t`` and ``\\\\`` are escapes). A TSV
   line wins over the translation in the ``.ts``.
3. lupdate runs once more to write the file in its own layout, and whatever is still unfinished
   is listed, with the TSV lines that matched no string in the code.

Exit status: 0 when every string is translated and every TSV line was used, 1 otherwise, 2 when
lupdate cannot run. Only the ``.ts`` is written; nothing else is touched.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.support.message_scan import NCall, n_calls, python_files

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "mestore_en.ts"
_ESCAPES = {"n": "\n", "t": "\t", "\\": "\\"}


def ui_sources(root: Path = ROOT) -> list[Path]:
    """Every file whose strings are translated: the UI package and the composition root."""
    return [
        *sorted((root / "mestore_desktop" / "ui").rglob("*.py")),
        root / "mestore_desktop" / "app.py",
    ]


CATALOGUE_NAME = "n_messages_catalogue.py"
_CATALOGUE_LOCATION = re.compile(
    r'<location filename="[^"]*' + re.escape(CATALOGUE_NAME) + r'" line="(\d+)"/>'
)


def message_calls(root: Path = ROOT) -> list[NCall]:
    """Every ``N_("…")`` call with a literal template in the package, in file order."""
    calls = n_calls(python_files(root / "mestore_desktop"))
    return [call for call in calls if call.source is not None]


@contextmanager
def messages_catalogue(calls: list[NCall]) -> Iterator[Path]:
    """A throwaway Python file lupdate reads: line *n* marks the template of ``calls[n - 1]``."""
    with tempfile.TemporaryDirectory(prefix="mestore-lupdate-") as folder:
        path = Path(folder) / CATALOGUE_NAME
        lines = [f'QT_TRANSLATE_NOOP("messages", {call.source!r})' for call in calls]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        yield path


def point_locations_at_code(ts: Path, calls: list[NCall]) -> None:
    """Replace the generated file's locations in *ts* with the ``N_`` calls they stand for."""

    def real(match: re.Match[str]) -> str:
        site = calls[int(match.group(1)) - 1].site
        relative = Path("../..") / site.path.relative_to(ROOT)
        return f'<location filename="{relative.as_posix()}" line="{site.line}"/>'

    ts.write_text(_CATALOGUE_LOCATION.sub(real, ts.read_text(encoding="utf-8")), encoding="utf-8")


def find_lupdate() -> Path | None:
    beside = Path(sys.executable).parent / "pyside6-lupdate"
    if beside.is_file():
        return beside
    found = shutil.which("pyside6-lupdate")
    return Path(found) if found else None


def run_lupdate(lupdate: Path, ts: Path, sources: list[Path]) -> None:
    subprocess.run(  # fixed argv of our own files, no shell
        [str(lupdate), "-silent", "-no-obsolete", *map(str, sources), "-ts", str(ts)],
        check=True,
        capture_output=True,
        text=True,
    )


@dataclass(frozen=True)
class Entry:
    context: str
    source: str
    translation: str
    origin: str  # file:line, for the report


def unescape(text: str) -> str:
    out, chars = [], iter(text)
    for char in chars:
        if char == "\\":
            following = next(chars, "")
            out.append(_ESCAPES.get(following, "\\" + following))
        else:
            out.append(char)
    return "".join(out)


def read_tsv(path: Path) -> tuple[list[Entry], list[str]]:
    """The entries of one TSV file, and its malformed lines (blank lines and # comments skip)."""
    entries, bad = [], []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        origin = f"{path.name}:{number}"
        if len(fields) != 3 or not all(field.strip() for field in fields):
            bad.append(f"{origin}: expected context<TAB>source<TAB>translation: {line!r}")
            continue
        context, source, translation = (unescape(field) for field in fields)
        entries.append(Entry(context.strip(), source, translation, origin))
    return entries, bad


def fill(ts: Path, entries: list[Entry]) -> tuple[list[Entry], list[str]]:
    """Write the entries' translations into *ts*; returns the unused entries and the changes."""
    tree = ET.parse(ts)  # noqa: S314  our own file
    messages = {
        (context.findtext("name"), message.findtext("source")): message
        for context in tree.getroot().iter("context")
        for message in context.iter("message")
    }
    unused, changed = [], []
    for entry in entries:
        message = messages.get((entry.context, entry.source))
        if message is None or message.get("numerus") == "yes":
            unused.append(entry)
            continue
        translation = message.find("translation")
        assert translation is not None  # lupdate always writes one
        previous = translation.text or ""
        if previous and previous != entry.translation and translation.get("type") is None:
            changed.append(
                f"{entry.origin}: {entry.context} | {previous!r} -> {entry.translation!r}"
            )
        translation.text = entry.translation
        translation.attrib.pop("type", None)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return unused, changed


def unfinished(ts: Path) -> list[str]:
    root = ET.parse(ts).getroot()  # noqa: S314  our own file
    return [
        f"{context.findtext('name')} | {message.findtext('source')!r}"
        for context in root.iter("context")
        for message in context.iter("message")
        for translation in [message.find("translation")]
        if translation is None
        or translation.get("type") == "unfinished"
        or not "".join(translation.itertext()).strip()
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("tsv", nargs="*", type=Path, help="translations-<name>.tsv files")
    parser.add_argument("--ts", type=Path, default=TS, help="the .ts to refresh")
    args = parser.parse_args(argv)
    lupdate = find_lupdate()
    if lupdate is None:
        print("pyside6-lupdate not found (install PySide6 in this environment)", file=sys.stderr)
        return 2
    entries, bad = [], []
    for path in args.tsv:
        found, malformed = read_tsv(path)
        entries += found
        bad += malformed
    calls = message_calls()
    with messages_catalogue(calls) as catalogue:
        sources = [*ui_sources(), catalogue]
        run_lupdate(lupdate, args.ts, sources)
        unused, changed = fill(args.ts, entries)
        run_lupdate(lupdate, args.ts, sources)  # lupdate's own layout again
    point_locations_at_code(args.ts, calls)
    missing = unfinished(args.ts)
    print(f"{args.ts.name}: {len(entries) - len(unused)} of {len(entries)} TSV lines applied")
    for title, lines in (
        ("malformed TSV lines", bad),
        (
            "TSV lines matching no string in the code",
            [f"{entry.origin}: {entry.context} | {entry.source!r}" for entry in unused],
        ),
        ("translations changed by a TSV line", changed),
        ("still unfinished", missing),
    ):
        if lines:
            print(f"\n{title} ({len(lines)}):")
            print("\n".join(f"  {line}" for line in lines))
    return 1 if bad or unused or missing else 0


if __name__ == "__main__":
    sys.exit(main())
