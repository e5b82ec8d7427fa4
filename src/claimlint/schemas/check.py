"""Walk a value against one of our JSON Schemas and say precisely what is wrong.

A general validator (the `jsonschema` package) answers "is it valid?" with messages written for
schema authors. Users need the field and the reason in their own terms, so this walker reads the
part of draft-07 that our schemas use (type, properties, required, additionalProperties,
propertyNames, items, minItems, minLength, minimum, exclusiveMinimum and maximum (numbers), enum,
pattern, format, anyOf, oneOf, $ref) and raises Violation(field, problem) at the first mistake.
tests/test_schemas.py checks that it and `jsonschema` agree on the bundled packs and on invalid
documents.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Collection, Mapping
from typing import Any

NON_EMPTY = r"\S"  # the pattern our schemas use for "a non-empty string"
_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "boolean": (bool,),
    "integer": (int,),
    "number": (int, float),
    "null": (type(None),),
}


_FORMS = {
    "object": "a mapping",
    "array": "a list",
    "string": "a string",
    "boolean": "true or false",
    "integer": "a whole number",
    "number": "a number",
    "null": "nothing",
}


class Violation(Exception):
    """The first mistake found: the field (dotted, relative to where the walk began) and why."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}" if field else problem)
        self.field, self.problem = field, problem


def kind(value: Any) -> str:
    """How messages name a value's type."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "a boolean"
    return {
        dict: "a mapping",
        list: "a list",
        str: "a string",
        int: "a number",
        float: "a number",
    }.get(type(value), type(value).__name__)


def close_match(key: str, known: Collection[str]) -> str | None:
    """The known key a typo most likely meant (snake_case typed for kebab-case counts)."""
    for candidate in (key, key.replace("_", "-"), key.replace("-", "_")):
        found = difflib.get_close_matches(candidate, list(known), n=1, cutoff=0.6)
        if found:
            return found[0]
    return None


def unknown_key(key: str, known: Collection[str]) -> str:
    """'unknown key (did you mean ...?); known keys: ...' in the schema's order."""
    hint = close_match(key, known)
    return (
        "unknown key"
        + (f" (did you mean '{hint}'?)" if hint else "")
        + f"; known keys: {', '.join(known)}"
    )


def join(field: str, key: Any) -> str:
    return f"{field}.{key}" if field else str(key)


def _types(node: Mapping[str, Any]) -> tuple[str, ...]:
    declared = node.get("type", ())
    return (declared,) if isinstance(declared, str) else tuple(declared)


def _is(value: Any, json_type: str) -> bool:
    if isinstance(value, bool) and json_type in ("integer", "number"):
        return False
    return isinstance(value, _JSON_TYPES[json_type])


class Walker:
    """Validates values against the nodes of one schema.

    `formats` checks strings whose node names a `format` (claimlint screens regexes this way);
    `stop` lists $refs not to descend into, for parts the caller validates on their own (a
    pack's rules, each reported as "rule CL101" rather than as a field of the pack).
    """

    def __init__(
        self,
        schema: Mapping[str, Any],
        formats: Mapping[str, Callable[[str], str | None]] | None = None,
        stop: Collection[str] = (),
    ) -> None:
        self.schema, self.formats, self.stop = schema, formats or {}, set(stop)
        self._resolved: dict[int, tuple[Mapping[str, Any], dict[str, Any]]] = {}

    # -- reading the schema ---------------------------------------------------------------------

    def resolve(self, node: Mapping[str, Any]) -> dict[str, Any]:
        """The node with its $ref followed; the node's own keys (description, default) win."""
        cached = self._resolved.get(id(node))
        if cached is not None and cached[0] is node:
            return cached[1]
        resolved = dict(node)
        while "$ref" in resolved:
            ref = resolved.pop("$ref")
            target = self.schema
            for part in ref.removeprefix("#/").split("/"):
                target = target[part]
            resolved = {**target, **resolved}
        self._resolved[id(node)] = (node, resolved)  # keeps `node` alive: its id stays its own
        return resolved

    def definition(self, name: str) -> dict[str, Any]:
        return self.resolve(self.schema["definitions"][name])

    def properties(self, node: Mapping[str, Any]) -> dict[str, Any]:
        return self.resolve(node).get("properties", {})

    def enum(self, node: Mapping[str, Any]) -> tuple[Any, ...]:
        return tuple(self.resolve(node).get("enum", ()))

    def default(self, node: Mapping[str, Any], key: str) -> Any:
        """The schema's default for one property of an object node (None if it has none)."""
        return self.resolve(self.properties(node).get(key, {})).get("default")

    # -- checking values ------------------------------------------------------------------------

    def check(self, node: Mapping[str, Any], value: Any, field: str = "") -> None:
        """Raise Violation for the first way `value` breaks `node`."""
        if node.get("$ref") in self.stop:
            return
        node = self.resolve(node)
        types = _types(node)
        if value is None and "null" in types:
            return
        if "anyOf" in node and not _all_required(node["anyOf"]):
            return self._any_of(node, value, field)
        if "string" in types and "array" in types:
            return self._strings(node, value, field)
        if "object" in types:
            return self._object(node, value, field)
        if "array" in types:
            return self._array(node, value, field)
        if "string" in types:
            return self._string(node, value, field)
        if "boolean" in types and not isinstance(value, bool):
            raise Violation(field, f"must be true or false, not {kind(value)}")
        if "integer" in types:
            minimum = node.get("minimum", 0)
            if not _is(value, "integer") or value < minimum:
                raise Violation(field, f"must be a whole number >= {minimum}")
        if "number" in types:
            self._number(node, value, field)
        if "enum" in node and value not in node["enum"]:
            raise Violation(field, self._not_one_of(node, value))
        pattern = node.get("pattern")
        if pattern and isinstance(value, str) and not re.search(pattern, value):
            raise Violation(field, f"{_short(value)} does not match {pattern}")

    @staticmethod
    def _number(node: Mapping[str, Any], value: Any, field: str) -> None:
        low, high = node.get("exclusiveMinimum"), node.get("maximum")
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise Violation(field, f"must be a number, not {kind(value)}")
        if (low is not None and value <= low) or (high is not None and value > high):
            bounds = f"above {low}" if low is not None else ""
            bounds += (" and " if bounds and high is not None else "") + (
                f"at most {high}" if high is not None else ""
            )
            raise Violation(field, f"must be a number {bounds}, not {value}")

    def valid(self, node: Mapping[str, Any], value: Any) -> bool:
        try:
            self.check(node, value)
        except Violation:
            return False
        return True

    def _not_one_of(self, node: Mapping[str, Any], value: Any) -> str:
        listed = ", ".join(str(v) for v in node["enum"] if v is not None)
        title = node.get("title")
        return (
            f"invalid {title} {_short(value)} (one of {listed})"
            if title
            else (f"{_short(value)} is not one of {listed}")
        )

    def _any_of(self, node: Mapping[str, Any], value: Any, field: str) -> None:
        """Alternatives told apart by type (a list of terms or a mapping) are checked as the one
        whose type fits, so that the message is about that form; untyped ones (a choice of
        enums or patterns) need one to pass."""
        options = [self.resolve(option) for option in node["anyOf"]]
        typed = [option for option in options if _types(option)]
        for option in typed:
            if any(_is(value, t) for t in _types(option)):
                return self.check(option, value, field)
        if typed:
            forms = list(dict.fromkeys(_FORMS[t] for o in typed for t in _types(o)))
            listed = ", ".join(forms[:-1]) + " or " + forms[-1] if len(forms) > 1 else forms[0]
            raise Violation(field, f"must be {listed}, not {kind(value)}")
        if not any(self.valid(option, value) for option in options):
            raise Violation(field, f"{_short(value)} is not allowed here")

    def _string(self, node: Mapping[str, Any], value: Any, field: str) -> None:
        if "enum" in node and value not in node["enum"]:
            raise Violation(field, self._not_one_of(node, value))
        if not isinstance(value, str):
            raise Violation(field, f"must be a non-empty string, not {kind(value)}")
        if not value.strip() and node.get("minLength", 1) > 0:  # explicit minLength 0 allows ""
            raise Violation(field, "must be a non-empty string")
        pattern = node.get("pattern")
        if pattern and pattern != NON_EMPTY and not re.search(pattern, value):
            raise Violation(field, f"{_short(value)} does not match {pattern}")
        check_format = self.formats.get(node.get("format", ""))
        problem = check_format(value) if check_format else None
        if problem:
            raise Violation(field, problem)

    def _strings(self, node: Mapping[str, Any], value: Any, field: str) -> None:
        """A list of strings, or one string standing for a list of one; mistakes are reported
        on the list's field."""
        items = self.resolve(node.get("items", {}))
        values = [value] if isinstance(value, str) else value
        shape = f"must be a {'non-empty ' if node.get('minItems') else ''}list of"
        shape += " " + node.get("title", "non-empty strings")
        if not isinstance(values, list):
            raise Violation(field, f"{shape}, not {kind(value)}")
        if len(values) < node.get("minItems", 0):
            raise Violation(field, shape)
        minimum, pattern = items.get("minLength", 0), items.get("pattern")
        allowed, check_format = items.get("enum"), self.formats.get(items.get("format", ""))
        for item in values:
            if (
                not isinstance(item, str)
                or len(item) < minimum
                or (pattern and not re.search(pattern, item))
            ):
                raise Violation(field, shape)
            if allowed is not None and item not in allowed:
                raise Violation(field, self._not_one_of(items, item))
            problem = check_format(item) if check_format else None
            if problem:
                raise Violation(field, problem)

    def _array(self, node: Mapping[str, Any], value: Any, field: str) -> None:
        minimum = node.get("minItems", 0)
        shape = f"must be a {'non-empty ' if minimum else ''}list of {node.get('title', 'values')}"
        if not isinstance(value, list):
            raise Violation(field, f"{shape}, not {kind(value)}")
        if len(value) < minimum:
            raise Violation(field, shape)
        items = node.get("items")
        if items is None:
            return
        resolved = self.resolve(items)
        scalar = not {"object", "array"} & set(_types(resolved))
        for index, item in enumerate(value):
            if scalar:  # a wrong word in a list of words: name the list
                self.check(items, item, field)
            else:
                self.check(items, item, f"{field}[{index}]")

    def _object(self, node: Mapping[str, Any], value: Any, field: str) -> None:
        if not isinstance(value, dict):
            raise Violation(field, f"must be a mapping, not {kind(value)}")
        properties: dict[str, Any] = node.get("properties", {})
        names = node.get("propertyNames")
        for key in value:
            if names is not None and not (isinstance(key, str) and self.valid(names, key)):
                raise Violation(join(field, key), self._unknown_name(names, key))
            if node.get("additionalProperties") is False and key not in properties:
                raise Violation(join(field, key), unknown_key(str(key), list(properties)))
        for key in node.get("required", ()):
            if key not in value:
                raise Violation(join(field, key), "is required")
        for combinator in ("anyOf", "oneOf"):
            if combinator in node:
                self._alternatives(node[combinator], combinator, value, field)
        for key, sub in properties.items():
            if key in value:
                self.check(sub, value[key], join(field, key))
        extra = node.get("additionalProperties")
        if isinstance(extra, dict):
            for key, item in value.items():
                if key not in properties:
                    self.check(extra, item, join(field, key))

    def _unknown_name(self, names: Mapping[str, Any], key: Any) -> str:
        names = self.resolve(names)
        if not isinstance(key, str) or not key.strip():
            return f"keys must be non-empty strings, not {kind(key)}"
        noun = names.get("title", "key")
        if "enum" in names:
            return f"unknown {noun} (use {' or '.join(names['enum'])})"
        if "pattern" in names and "anyOf" not in names:
            return f"{_short(key)} does not match {names['pattern']}"
        return f"unknown {noun}"

    def _alternatives(self, options: list, combinator: str, value: dict, field: str) -> None:
        """anyOf/oneOf over `required`: which keys an object must have (one of, or exactly one)."""
        keys = [key for option in options for key in option["required"]]
        held = sum(_holds(option, value) for option in options)
        if combinator == "anyOf" and not held:
            raise Violation(field or keys[0], f"needs at least one of {', '.join(keys)}")
        if combinator == "oneOf" and held != 1:
            raise Violation(field or keys[0], f"needs exactly one of {', '.join(keys)}")


def _holds(option: Mapping[str, Any], value: dict) -> bool:
    """Does an object meet one `required` alternative? Its `properties` may add a minItems."""
    for key in option["required"]:
        if key not in value:
            return False
        minimum = option.get("properties", {}).get(key, {}).get("minItems", 0)
        if isinstance(value[key], list) and len(value[key]) < minimum:
            return False
    return True


def _all_required(options: list) -> bool:
    return all(set(option) <= {"required", "properties"} for option in options)


def _short(value: Any, limit: int = 60) -> str:
    """repr() for messages, cut short: a configured value can be megabytes long."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."
