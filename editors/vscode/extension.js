// A minimal VS Code extension: start `claimlint server` over stdio for Markdown, HTML and text.
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const [command, ...args] = vscode.workspace
    .getConfiguration("claimlint")
    .get("command", ["claimlint", "server"]);
  const serverOptions = { command, args, transport: TransportKind.stdio };
  const clientOptions = {
    documentSelector: [
      { scheme: "file", language: "markdown" },
      { scheme: "file", language: "html" },
      { scheme: "file", language: "plaintext" },
      { scheme: "untitled", language: "markdown" },
    ],
    synchronize: {
      // configuration and rule packs: the server re-reads them when they change
      fileEvents: vscode.workspace.createFileSystemWatcher("**/{.claimlint.yaml,.claimlint.yml,pyproject.toml,*.yaml,*.yml}"),
    },
  };
  client = new LanguageClient("claimlint", "claimlint", serverOptions, clientOptions);
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
