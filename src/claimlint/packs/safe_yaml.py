"""YAML for packs and configuration with bounded cost: no billion laughs, no deep recursion.

`yaml.safe_load` builds no objects, but an alias bomb of a few hundred bytes expands to a
billion nodes for whoever walks (or repr()s) the result, and a 50,000-deep document exhausts
Python's recursion. The event stream is read first, streaming and without recursion, counting
the nodes an alias stands for and the nesting depth; only a document within both bounds is
then composed.
"""

from __future__ import annotations

from typing import Any

MAX_DEPTH = 100  # nested mappings/sequences; real packs and configurations use fewer than 10
MAX_NODES = 200_000  # scalars and collections, aliases counted as what they expand to


class YamlProblem(Exception):
    """Invalid or over-limit YAML: the problem and the 1-based line, when known."""

    def __init__(self, problem: str, line: int | None = None) -> None:
        self.problem, self.line = problem, line
        super().__init__(f"{problem} (line {line})" if line else problem)


def load_yaml(text: str) -> Any:
    """Safe-load one YAML document after checking its depth and expanded size."""
    import yaml  # only when YAML is really read

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml is 10x faster
    try:
        _check_events(yaml, yaml.parse(text, Loader=loader))
        return yaml.load(text, Loader=loader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        problem = getattr(err, "problem", None) or str(err)
        raise YamlProblem(_short(problem), mark.line + 1 if mark is not None else None) from None
    except RecursionError:  # defensive: the depth check should make this unreachable
        raise YamlProblem(f"nested too deeply (more than {MAX_DEPTH} levels)") from None


def _check_events(yaml: Any, events: Any) -> None:
    sizes: dict[str, int] = {}  # anchor -> nodes it expands to
    frames: list[list[Any]] = []  # open collections: [anchor, nodes so far]
    keys: list[dict[str, int] | None] = []  # per open collection: a mapping's keys so far
    expecting_key: list[bool] = []  # per open collection: is its next child node a key?
    node_starts = (
        yaml.ScalarEvent,
        yaml.AliasEvent,
        yaml.MappingStartEvent,
        yaml.SequenceStartEvent,
    )
    total = 0
    for event in events:
        line = event.start_mark.line + 1 if event.start_mark is not None else None
        if isinstance(event, node_starts) and keys and keys[-1] is not None:
            if expecting_key[-1]:
                _note_key(keys[-1], event, line)
            expecting_key[-1] = not expecting_key[-1]
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            mapping = isinstance(event, yaml.MappingStartEvent)
            keys.append({} if mapping else None)
            expecting_key.append(True)
            if len(frames) >= MAX_DEPTH:
                raise YamlProblem(f"nested too deeply (more than {MAX_DEPTH} levels)", line)
            frames.append([event.anchor, 1])
            size = 1
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            keys.pop()
            expecting_key.pop()
            anchor, count = frames.pop()
            if anchor is not None:
                sizes[anchor] = count
            if frames:
                frames[-1][1] += count
            continue
        elif isinstance(event, yaml.ScalarEvent):
            size = 1
            if event.anchor is not None:
                sizes[event.anchor] = 1
        elif isinstance(event, yaml.AliasEvent):
            size = sizes.get(event.anchor, 1)
        else:
            continue
        total += size
        if total > MAX_NODES:
            raise YamlProblem(
                f"too large: more than {MAX_NODES} values once aliases are expanded", line
            )
        if frames and not isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            frames[-1][1] += size


def _note_key(seen: dict[str, int], event: Any, line: int | None) -> None:
    """Refuse a key a mapping already has: YAML would keep only the last value, silently
    dropping the first (a rule's examples, a lexicon's regexes)."""
    key = getattr(event, "value", None)  # a scalar's; a complex key is too rare to compare
    if key is None:
        return
    if key in seen:
        raise YamlProblem(
            f"duplicate key {short_repr(key)} (first on line {seen[key]}): YAML keeps only the "
            "last value, so the first would be lost",
            line,
        )
    seen[key] = line or 0


def _short(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def short_repr(value: Any, limit: int = 60) -> str:
    """repr() for messages, cut to `limit` characters: a value can be megabytes long."""
    if isinstance(value, (list, dict, tuple, set)) and len(value) > 20:
        return f"a {type(value).__name__} of {len(value)} items"
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


__all__ = ["MAX_DEPTH", "MAX_NODES", "YamlProblem", "load_yaml", "short_repr"]
