"""What git ignores, with git's own answer inside a work tree, so that every folder gives the
same result: a parent folder's .gitignore, .git/info/exclude and a sub-folder's negation apply
whichever folder is linted.

Inside a git work tree, `git ls-files --others --ignored --exclude-standard --directory` names
the untracked files and folders git ignores (tracked files are never ignored). Without git (not
installed, or refusing the repository), every .gitignore from the repository root down and
.git/info/exclude are read with pathspec's GitIgnoreSpec, in git's precedence: a deeper file
over a shallower one, .gitignore over info/exclude, the last matching line of a file wins, and
nothing below an ignored folder comes back. Outside a repository, the .gitignore files from the
linted folder down apply the same way.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from claimlint.inputs.files import read_regular

MAX_IGNORE_BYTES = 4 * 1024 * 1024
GIT_TIMEOUT = 120  # seconds; a git that does not answer in time gives way to the fallback


def repository_top(folder: Path) -> Path | None:
    """The nearest folder at or above `folder` that holds a `.git` (folder or file)."""
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


class Ignores:
    """Decides for the paths below one folder whether git ignores them."""

    def __init__(self, root: Path) -> None:
        self.root = Path(os.path.abspath(root))
        self.top = repository_top(self.root)
        self._git = _ask_git(self.root) if self.top is not None else None
        self._fallback = None if self._git is not None else _IgnoreFiles(self.top or self.root)

    def ignored(self, path: Path, is_dir: bool) -> bool:
        path = Path(os.path.abspath(path))
        if self._git is not None:
            relative = path.relative_to(self.root).as_posix()
            entries = self._git
            if "./" in entries or relative + ("/" if is_dir else "") in entries:
                return True
            parts = relative.split("/")
            return any("/".join(parts[:i]) + "/" in entries for i in range(1, len(parts)))
        assert self._fallback is not None
        return self._fallback.ignored(path, is_dir)


def _ask_git(folder: Path) -> frozenset[str] | None:
    """The untracked paths git ignores below `folder` (folders end in /), or None when git
    cannot answer."""
    command = ["git", "ls-files", "--others", "--ignored", "--exclude-standard", "--directory"]
    try:
        done = subprocess.run(
            [*command, "-z"],
            cwd=folder,
            capture_output=True,
            timeout=GIT_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    names = done.stdout.decode("utf-8", errors="surrogateescape").split("\0")
    return frozenset(name for name in names if name)


class _IgnoreFiles:
    """git's ignore rules read from the files themselves (when git is not there to ask)."""

    def __init__(self, top: Path) -> None:
        self.top = top
        self._specs: dict[Path, object | None] = {}
        self._dirs: dict[Path, bool] = {}
        self._exclude = _spec(_info_exclude(top))

    def ignored(self, path: Path, is_dir: bool) -> bool:
        try:
            relative = path.relative_to(self.top)
        except ValueError:
            return False
        folders = [self.top / Path(*relative.parts[:i]) for i in range(1, len(relative.parts))]
        if any(self._dir_ignored(folder) for folder in folders):
            return True
        return self._decide(path, is_dir)

    def _dir_ignored(self, folder: Path) -> bool:
        if folder not in self._dirs:
            self._dirs[folder] = self._decide(folder, True)
        return self._dirs[folder]

    def _decide(self, path: Path, is_dir: bool) -> bool:
        """The last word of the most specific ignore file that has one."""
        suffix = "/" if is_dir else ""
        parts = path.relative_to(self.top).parts
        verdict = _verdict(self._exclude, "/".join(parts) + suffix)
        for depth in range(len(parts)):  # the folders from the top down to the path's own
            folder = self.top.joinpath(*parts[:depth])
            said = _verdict(self._spec_for(folder), "/".join(parts[depth:]) + suffix)
            if said is not None:
                verdict = said
        return bool(verdict)

    def _spec_for(self, folder: Path):
        if folder not in self._specs:
            self._specs[folder] = _spec(folder / ".gitignore")
        return self._specs[folder]


def _info_exclude(top: Path) -> Path:
    """.git/info/exclude, also for a worktree or submodule whose .git is a file."""
    dot_git = top / ".git"
    if dot_git.is_file():
        try:
            text = dot_git.read_text(encoding="utf-8", errors="replace").strip()
        except OSError:
            return dot_git / "info" / "exclude"
        if text.startswith("gitdir:"):
            git_dir = (top / text[len("gitdir:") :].strip()).resolve()
            common = git_dir / "commondir"
            if common.is_file():
                git_dir = (git_dir / common.read_text(encoding="utf-8").strip()).resolve()
            return git_dir / "info" / "exclude"
    return dot_git / "info" / "exclude"


def _spec(file: Path):
    """A GitIgnoreSpec of an ignore file, or None when there is none to read (a FIFO or a
    device named .gitignore is never opened for a blocking read). A line git accepts but
    pathspec cannot compile (`[z-a]`, a lone `!`) matches nothing, as in git."""
    try:
        lines = read_regular(file, MAX_IGNORE_BYTES).decode("utf-8", "replace").splitlines()
    except OSError:
        return None
    import pathspec

    try:
        return pathspec.GitIgnoreSpec.from_lines(lines)
    except Exception:  # re.error, GitIgnorePatternError: keep the lines that compile
        good = []
        for line in lines:
            try:
                pathspec.GitIgnoreSpec.from_lines([line])
            except Exception:
                continue
            good.append(line)
        return pathspec.GitIgnoreSpec.from_lines(good)


def _verdict(spec, relative: str) -> bool | None:
    """True (ignored), False (re-included by a negation) or None (no line matches)."""
    if spec is None:
        return None
    return spec.check_file(relative).include
