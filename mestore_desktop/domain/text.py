"""Messages that reach the screen translated, without the core knowing about Qt.

``domain/``, ``services/`` and ``sync/`` never import Qt, yet their errors and statuses are shown
to a cashier in Spanish (the default) or English (``--lang en``). They describe such a message
as a :class:`Text`: the Spanish template (the key of the translation, context ``"messages"`` of
``resources/translations/mestore_<lang>.ts``) and the values of its ``{named}`` fields, already
formatted (money as ``$ 25.000``). ``str(text)`` is the Spanish sentence (logs, the Spanish CLI);
the UI translates the template with ``mestore_desktop.ui.i18n.render`` and then fills it.

``N_("…", field=value)`` builds one; the completeness test finds every ``N_("…")`` in the code
(an AST scan, like lupdate) and fails when its template is missing or untranslated in a ``.ts``.
The template must therefore be a string literal at the call site, never a variable.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

# The .ts context every Text's template lives in.
MESSAGES_CONTEXT = "messages"


@dataclass(frozen=True)
class Text:
    """A Spanish template with ``{named}`` fields and their values, translated only on screen."""

    source: str
    params: Mapping[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not isinstance(self.source, str):
            raise TypeError(f"Text source must be str, got {type(self.source).__name__}")
        # A read-only copy: a frozen message must not change under the exception carrying it.
        object.__setattr__(self, "params", MappingProxyType(dict(self.params)))

    def __str__(self) -> str:
        return fill(self.source, self.params)

    def __reduce__(self) -> tuple[type[Text], tuple[str, dict[str, object]]]:
        # The read-only params view cannot be pickled or deep-copied; an exception carrying a
        # Text must survive both (a process pool, copy.deepcopy of an error).
        return (Text, (self.source, dict(self.params)))

    def __bool__(self) -> bool:
        """An empty message is false, as an empty str is ("nothing to say")."""
        return bool(self.source)

    def __hash__(self) -> int:
        return hash((self.source, tuple(sorted((k, repr(v)) for k, v in self.params.items()))))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Text):
            return NotImplemented
        return self.source == other.source and dict(self.params) == dict(other.params)


def N_(source: str, /, **params: object) -> Text:  # gettext's conventional name
    """Mark *source* (a Spanish literal) for translation, with its fields' values."""
    return Text(source, params)


def fill(template: str, params: Mapping[str, object]) -> str:
    """*template* with its ``{named}`` fields filled; a broken template stays readable.

    A translation with a typo in a field name must never hide an error from the cashier: the
    template is shown as it is instead of raising.
    """
    if not params:
        return template
    try:
        return template.format_map(dict(params))
    except (KeyError, IndexError, ValueError, AttributeError):
        return template


def message_of(exc: BaseException) -> Text:
    """The message an exception carries: its Text, or its ``str()`` as an untranslated template.

    User-facing errors are raised with a Text as their first argument
    (``raise OrderError(N_("…"))``), so ``str(exc)`` stays the Spanish sentence (logs, the CLI)
    while the UI renders the Text.
    """
    first = exc.args[0] if exc.args else None
    return first if isinstance(first, Text) else Text(str(exc))


def joined(*parts: Text | str | None, sep: str = " ") -> Text:
    """*parts* one after another (each translated on its own); empty ones and None left out."""
    kept = [as_text(part) for part in parts if part]
    if len(kept) == 1:
        return kept[0]
    # The template has no words of its own, so it needs no translation.
    template = (
        sep.replace("{", "{{")
        .replace("}", "}}")
        .join(f"{{part{index}}}" for index in range(len(kept)))
    )
    return Text(template, {f"part{index}": part for index, part in enumerate(kept)})


def as_text(message: Text | str) -> Text:
    """*message* as a Text (a plain str becomes an untranslated template without fields)."""
    return message if isinstance(message, Text) else Text(str(message))
