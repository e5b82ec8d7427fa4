-- claimlint in Neovim's built-in LSP client: put this in your init.lua (or :luafile it).
-- Neovim 0.8+ uses vim.lsp.start; 0.7 (Debian 12's package) falls back to start_client.
local markers = { ".claimlint.yaml", ".claimlint.yml", "pyproject.toml", ".git" }

local function root_of(buf)
  local name = vim.api.nvim_buf_get_name(buf)
  local found = vim.fs and vim.fs.find(markers, { upward = true, path = vim.fs.dirname(name) })[1]
  return found and vim.fs.dirname(found) or vim.fn.getcwd()
end

local function attach(args)
  local config = {
    name = "claimlint",
    cmd = { "claimlint", "server" },
    root_dir = root_of(args.buf),
  }
  if vim.lsp.start then
    vim.lsp.start(config)
  else
    local client = vim.lsp.start_client(config)
    if client then
      vim.lsp.buf_attach_client(args.buf, client)
    end
  end
end

vim.api.nvim_create_autocmd("FileType", {
  pattern = { "markdown", "html", "text" },
  callback = attach,
})
