-- Headless check: open a page, wait for claimlint's diagnostics, print them, quit.
--   nvim --headless -u NONE -c "filetype on" -c "luafile editors/neovim/claimlint.lua" \
--        -c "luafile editors/neovim/print-diagnostics.lua" page.md
local buf = vim.api.nvim_get_current_buf()
if vim.bo[buf].filetype == "" then
  vim.cmd("filetype detect") -- a file named on the command line loads before -c commands run
end
local ok = vim.wait(60000, function()
  return #vim.diagnostic.get(buf) > 0
end, 100)
vim.wait(500) -- let a second publication (if any) arrive
local name = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(buf), ":.")
if not ok then
  print(name .. ": no diagnostics within 60 s")
end
for _, d in ipairs(vim.diagnostic.get(buf)) do
  local severity = vim.diagnostic.severity[d.severity] or d.severity
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or ""
  print(string.format("%s:%d:%d: %s [%s] %s", name, d.lnum + 1, d.col + 1, code, severity, d.message))
end
vim.cmd("qa!")
