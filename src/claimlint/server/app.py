"""The pygls language server: lint on open, change (debounced) and save; hover; code actions."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from claimlint.server.actions import code_actions, overlapping
from claimlint.server.linting import LintService, Outcome, is_settings_file, path_of
from claimlint.server.positions import PositionMap
from claimlint.server.render import hover_text, problem_diagnostic, to_lsp
from claimlint.version import __version__

log = logging.getLogger("claimlint.server")
WATCHED = ("**/.claimlint.yaml", "**/.claimlint.yml", "**/pyproject.toml", "**/*.yaml", "**/*.yml")


@dataclass(frozen=True)
class Settings:
    """What `claimlint server`'s options (or the client's initializationOptions) decide."""

    debounce_ms: int = 200
    rule_dirs: tuple[str, ...] = ()
    config_file: str | None = None
    max_chars: int | None = None


class ClaimlintServer(LanguageServer):
    """A LanguageServer with one LintService and the pending debounced lints."""

    def __init__(self, settings: Settings) -> None:
        super().__init__("claimlint", __version__)
        self.settings = settings
        self.debounce = settings.debounce_ms / 1000
        kwargs = {"max_chars": settings.max_chars} if settings.max_chars else {}
        self.service = LintService(
            rule_dirs=settings.rule_dirs, config_file=settings.config_file, **kwargs
        )
        self.pending: dict[str, asyncio.TimerHandle] = {}

    # -- linting ---------------------------------------------------------------------------------

    def positions(self, text: str) -> PositionMap:
        return PositionMap(text, str(self.workspace.position_encoding or "utf-16"))

    def outcome(self, uri: str) -> Outcome | None:
        """The result for the document's current text (linting it if needed), or None."""
        document = self.workspace.text_documents.get(uri)
        if document is None:
            return None
        root = self.workspace.root_path
        path = path_of(
            uri, to_fs_path(uri) if uri.startswith("file:") else None, document.language_id, root
        )
        return self.service.lint(uri, path, document.source, document.language_id)

    def lint_and_publish(self, uri: str) -> None:
        self.pending.pop(uri, None)
        document = self.workspace.text_documents.get(uri)
        try:
            outcome = self.outcome(uri)
        except Exception as err:  # noqa: BLE001 - a bug must not take the server down
            log.exception("linting %s failed", uri)
            self.window_log_message(
                types.LogMessageParams(type=types.MessageType.Error, message=f"{uri}: {err}")
            )
            return
        if outcome is None or document is None:
            return
        if outcome.problem:
            items = [problem_diagnostic(outcome.problem)]
        else:
            positions = self.positions(outcome.text)
            items = [to_lsp(d, positions) for d in outcome.diagnostics]
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=items, version=document.version)
        )

    def schedule(self, uri: str) -> None:
        """Lint after the debounce delay; a newer edit restarts the wait."""
        handle = self.pending.pop(uri, None)
        if handle is not None:
            handle.cancel()
        if self.debounce <= 0:
            self.lint_and_publish(uri)
            return
        loop = asyncio.get_running_loop()
        self.pending[uri] = loop.call_later(self.debounce, self.lint_and_publish, uri)

    def settings_changed(self) -> None:
        """A configuration file or pack changed: re-read them and re-lint every open document."""
        self.service.invalidate()
        for uri in list(self.workspace.text_documents):
            self.lint_and_publish(uri)


def create_server(settings: Settings | None = None) -> ClaimlintServer:
    """A server with every feature registered (not started)."""
    server = ClaimlintServer(settings or Settings())

    @server.feature(types.INITIALIZED)
    async def initialized(ls: ClaimlintServer, params: types.InitializedParams) -> None:
        dynamic = (
            ls.client_capabilities.workspace
            and ls.client_capabilities.workspace.did_change_watched_files
            and ls.client_capabilities.workspace.did_change_watched_files.dynamic_registration
        )
        root = ls.workspace.root_path
        ls.service.warm(path_of("untitled", None, "markdown", root))
        if dynamic:
            watchers = [types.FileSystemWatcher(glob_pattern=g) for g in WATCHED]
            registration = types.Registration(
                id="claimlint-settings",
                method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers),
            )
            try:
                await ls.client_register_capability_async(
                    types.RegistrationParams(registrations=[registration])
                )
            except Exception:  # noqa: BLE001 - saving a config file still works
                log.warning("the client refused the file watchers")

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: ClaimlintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.lint_and_publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: ClaimlintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: ClaimlintServer, params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        path = to_fs_path(uri) if uri.startswith("file:") else None
        if path and is_settings_file(path):
            ls.settings_changed()
        else:
            ls.lint_and_publish(uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: ClaimlintServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        handle = ls.pending.pop(uri, None)
        if handle is not None:
            handle.cancel()
        ls.service.forget(uri)
        ls.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
        )

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched(ls: ClaimlintServer, params: types.DidChangeWatchedFilesParams) -> None:
        paths = [to_fs_path(c.uri) or c.uri for c in params.changes]
        if any(is_settings_file(p) for p in paths):
            ls.settings_changed()

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: ClaimlintServer, params: types.HoverParams) -> types.Hover | None:
        outcome = ls.outcome(params.text_document.uri)
        if outcome is None or not outcome.diagnostics:
            return None
        positions = ls.positions(outcome.text)
        point = types.Range(start=params.position, end=params.position)
        here = overlapping(outcome.diagnostics, positions, point)
        if not here:
            return None
        text = "\n\n---\n\n".join(hover_text(d, outcome.rule(d.rule)) for d in here)
        first = here[0]
        return types.Hover(
            contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text),
            range=positions.range(first.line, first.column, first.end_line, first.end_column),
        )

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def actions(ls: ClaimlintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        outcome = ls.outcome(uri)
        if outcome is None or not outcome.diagnostics:
            return []
        positions = ls.positions(outcome.text)
        return code_actions(uri, outcome, ls.service, positions, params.range)

    return server


def serve(settings: Settings | None = None) -> None:
    """Run the server over stdin/stdout until the client exits."""
    create_server(settings).start_io()
