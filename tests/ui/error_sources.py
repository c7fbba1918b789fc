"""Find every user-facing error message raised in ``app/`` by reading the source with ``ast``.

A raise site ``raise SomeError(<message>)`` of a ``PrivacyDeskError`` subclass gives its
message as a catalogue key: a literal, an f-string (each ``{expression}`` becomes a named
placeholder), a module constant (``IN_USE_MESSAGE``) or a ``+`` of those; so does an entry
``Refusal(SomeError, <template>, ...)`` of a refusal table (``app.services.refusals``), whose
template is a catalogue key as written. Classes whose
``__init__`` wraps a ``problem``/``message`` argument (``SettingsError(field, problem)``)
give that argument; the wrapper sentence itself is a catalogue entry of its own.

Run ``python -m tests.ui.error_sources`` to print the messages the catalogue lacks, as TOML
lines ready for a translator.
"""

import ast
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

APP_DIR = Path(__file__).resolve().parents[2] / "app"
ERRORS_FILE = APP_DIR / "errors.py"
BASE_ERROR = "PrivacyDeskError"
# The argument that carries the message in classes whose __init__ takes several.
MESSAGE_PARAMETERS = ("message", "problem")
# An entry of a refusal table, ``Refusal(SomeError, <message>, ...)`` (``app.services.refusals``):
# its service raises ``SomeError`` with that message, and the Case menu shows it.
REFUSAL = "Refusal"


@dataclass(frozen=True)
class RaisedMessage:
    """One message found at a raise site.

    Attributes:
        text: the catalogue key (placeholders as ``{name}``), or ``None`` when the message is
            computed at run time (a variable, another error's text).
        error: the error class's name.
        where: ``path:line`` of the raise site, relative to the project.
    """

    text: str | None
    error: str
    where: str


def error_classes() -> dict[str, int | None]:
    """Return each ``PrivacyDeskError`` subclass of ``app/errors.py`` -> the position of its
    message argument (``None``: the class builds its whole message, nothing to collect)."""
    tree = ast.parse(ERRORS_FILE.read_text(encoding="utf-8"))
    classes: dict[str, int | None] = {BASE_ERROR: 0}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            parent = next((b.id for b in node.bases if isinstance(b, ast.Name)), None)
            if parent in classes:
                classes[node.name] = _message_position(node, classes[parent])
    return classes


def _message_position(node: ast.ClassDef, inherited: int | None) -> int | None:
    for item in node.body:
        if isinstance(item, ast.FunctionDef) and item.name == "__init__":
            names = [a.arg for a in item.args.args[1:]]
            found = [names.index(n) for n in MESSAGE_PARAMETERS if n in names]
            return found[0] if found else None
    return inherited


def raised_messages(root: Path = APP_DIR) -> list[RaisedMessage]:
    """Return the message of every raise of a ``PrivacyDeskError`` subclass below ``root``.

    A message held in a variable is followed to its string assignment in the same function,
    to the string returns of a same-module function it was assigned from, or (a parameter)
    to the string arguments of every call of that function in ``root``.
    """
    classes = error_classes()
    modules = {p: ast.parse(p.read_text(encoding="utf-8")) for p in sorted(root.rglob("*.py"))}
    forwarded: list[tuple[str, int, str, str]] = []
    found: list[RaisedMessage] = []
    for path, tree in modules.items():
        where = path.relative_to(root.parent).as_posix()
        for scope, call, name in _raised_calls(tree, classes):
            argument = _message_argument(call, classes[name])
            if argument is None:
                continue
            site = f"{where}:{call.lineno}"
            texts = _texts(argument, _Scope(tree, scope))
            if _called_name(call) == REFUSAL:
                # A refusal's message is a template in the catalogue's own form already.
                texts = [t.replace("{{", "{").replace("}}", "}") for t in texts]
            parameter = _parameter(argument, scope)
            if texts:
                found.extend(RaisedMessage(t, name, site) for t in texts)
            elif parameter is not None and scope is not None:
                forwarded.append((scope.name, parameter, name, site))
            else:
                found.append(RaisedMessage(None, name, site))
    for function, position, name, site in forwarded:
        texts = [t for tree in modules.values() for t in _call_arguments(tree, function, position)]
        if not texts:
            found.append(RaisedMessage(None, name, site))
        found.extend(RaisedMessage(t, name, site) for t in texts)
    return found


class _Scope:
    """Where names are looked up: the enclosing function's assignments, then the module's."""

    def __init__(self, tree: ast.Module, function: ast.FunctionDef | None) -> None:
        self.tree = tree
        self.function = function
        self.functions = {n.name: n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}

    def assignments(self, name: str) -> list[ast.expr]:
        for holder in (self.function, self.tree):
            if holder is None:
                continue
            nodes = holder.body if isinstance(holder, ast.Module) else list(ast.walk(holder))
            values = [v for n in nodes for v in _assigned(n, name)]
            if values:
                return values
        return []


def _assigned(node: ast.AST, name: str) -> list[ast.expr]:
    if isinstance(node, ast.Assign) and any(
        isinstance(t, ast.Name) and t.id == name for t in node.targets
    ):
        return [node.value]
    if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        return [node.value] if node.target.id == name and node.value is not None else []
    return []


def _raised_calls(
    tree: ast.Module, classes: dict[str, int | None]
) -> Iterator[tuple[ast.FunctionDef | None, ast.Call, str]]:
    functions = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)]
    owner: dict[int, ast.FunctionDef] = {}
    for function in functions:  # outer first, so the innermost function wins
        for node in ast.walk(function):
            owner[id(node)] = function
    for node in ast.walk(tree):
        # An error raised, or built and returned for the caller to raise (``return
        # WrongKeyError(...)`` in app/store/connection.py's classification).
        built = node.exc if isinstance(node, ast.Raise) else None
        built = node.value if isinstance(node, ast.Return) else built
        if isinstance(built, ast.Call):
            name = _called_name(built)
            if name in classes:
                yield owner.get(id(node)), built, name
        error = _refused_error(node)
        if error in classes and isinstance(node, ast.Call):
            yield owner.get(id(node)), node, error


def _refused_error(node: ast.AST) -> str | None:
    """The error class a refusal table's entry names (``None``: no such entry)."""
    if not isinstance(node, ast.Call) or _called_name(node) != REFUSAL or not node.args:
        return None
    first = node.args[0]
    return first.id if isinstance(first, ast.Name) else None


def _message_argument(call: ast.Call, position: int | None) -> ast.expr | None:
    if _called_name(call) == REFUSAL:
        position = 1  # Refusal(error, message, ...)
    if position is None:
        return None
    for keyword in call.keywords:
        if keyword.arg in MESSAGE_PARAMETERS:
            return keyword.value
    return call.args[position] if len(call.args) > position else None


def _parameter(node: ast.expr, function: ast.FunctionDef | None) -> int | None:
    if not isinstance(node, ast.Name) or function is None:
        return None
    names = [a.arg for a in function.args.args if a.arg not in ("self", "cls")]
    return names.index(node.id) if node.id in names else None


def _call_arguments(tree: ast.Module, function: str, position: int) -> Iterator[str]:
    scope = _Scope(tree, None)
    for node in ast.walk(tree):
        called = isinstance(node, ast.Call) and _called_name(node) == function
        if called and isinstance(node, ast.Call) and len(node.args) > position:
            yield from _texts(node.args[position], scope)


def _called_name(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return call.func.id if isinstance(call.func, ast.Name) else None


def _texts(node: ast.expr, scope: _Scope) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [_escape_braces(node.value)] if node.value else []
    if isinstance(node, ast.Name):
        return [t for value in scope.assignments(node.id) for t in _texts(value, scope)]
    if isinstance(node, ast.Call) and _called_name(node) in scope.functions:
        return _returned(scope.functions[str(_called_name(node))], scope)
    if isinstance(node, ast.JoinedStr):
        return ["".join(_f_string_parts(node))]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _operand(node.left, scope), _operand(node.right, scope)
        return [a + b for a in left for b in right]
    return []


def _returned(function: ast.FunctionDef, scope: _Scope) -> list[str]:
    returns = [n.value for n in ast.walk(function) if isinstance(n, ast.Return) and n.value]
    return [t for value in returns for t in _texts(value, _Scope(scope.tree, function))]


def _operand(node: ast.expr, scope: _Scope) -> list[str]:
    """A part of a ``+`` message: its text, or a placeholder when it is computed."""
    return _texts(node, scope) or ["{" + _placeholder_name(node) + "}"]


def _f_string_parts(node: ast.JoinedStr) -> Iterator[str]:
    for part in node.values:
        if isinstance(part, ast.Constant):
            yield _escape_braces(str(part.value))
        elif isinstance(part, ast.FormattedValue):
            yield "{" + _placeholder_name(part.value) + "}"


def _placeholder_name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id.strip("_") or "value"
    if isinstance(node, ast.Attribute):
        return node.attr.strip("_") or "value"
    if isinstance(node, ast.Call):
        if isinstance(node.func, ast.Attribute) and node.func.attr == "join" and node.args:
            return _placeholder_name(node.args[0])
        return _placeholder_name(node.func)
    if isinstance(node, ast.Subscript):
        return _placeholder_name(node.value)
    return "value"


def _escape_braces(text: str) -> str:
    return text.replace("{", "{{").replace("}", "}}")


def shape(key: str) -> str:
    """Return ``key`` with every placeholder's name dropped (``{count}`` -> ``{}``), so a
    translator may rename placeholders without breaking the match with the raise site."""
    return re.sub(r"(?<!\{)\{[A-Za-z_][A-Za-z0-9_]*\}(?!\})", "{}", key)


def _main() -> None:
    from app.error_text import CATALOGUE_PATH, load_catalogue

    known = {shape(entry.english) for entry in load_catalogue(CATALOGUE_PATH).entries}
    missing = sorted({m.text for m in raised_messages() if m.text and shape(m.text) not in known})
    for text in missing:
        # A JSON string is a valid TOML basic string (same escapes for quotes and backslashes).
        print(f'{json.dumps(text, ensure_ascii=False)} = ""')


if __name__ == "__main__":
    _main()
