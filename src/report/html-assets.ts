// The inline stylesheet and script of the HTML report (no network: nothing is loaded from elsewhere).

export const HTML_STYLE = `
:root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --bg: #ffffff; --line: #d1d9e0; --head: #f6f8fa;
  --accent: #0969da; --error: #cf222e; --warning: #9a6700; --note: #0969da; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --line: #3d444d;
  --head: #151b23; --accent: #4493f8; --error: #f85149; --warning: #d29922; --note: #4493f8; } }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.55 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans KR", sans-serif;
  color: var(--fg); background: var(--bg); }
header, main, nav { max-width: 1200px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 24px; }
h1 { font-size: 1.8em; margin: 0 0 8px; }
h2 { font-size: 1.4em; margin: 32px 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.15em; margin: 24px 0 8px; }
h4 { font-size: 1em; margin: 16px 0 6px; }
a { color: var(--accent); }
code { font: 0.9em/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--head);
  padding: 1px 4px; border-radius: 4px; overflow-wrap: break-word; }
nav ol { columns: 3 14em; margin: 8px 0 0; padding-left: 20px; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 0.93em; }
th, td { border: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
thead th { background: var(--head); position: sticky; top: 0; }
th button { all: unset; cursor: pointer; font-weight: 600; }
th button:focus-visible { outline: 2px solid var(--accent); }
th[aria-sort="ascending"] button::after { content: " \\25B2"; }
th[aria-sort="descending"] button::after { content: " \\25BC"; }
tbody tr:nth-child(even) { background: color-mix(in srgb, var(--head) 60%, transparent); }
.table-tools { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; margin: 8px 0; }
.table-tools input { font: inherit; padding: 4px 8px; min-width: 18em; border: 1px solid var(--line); border-radius: 6px;
  background: var(--bg); color: var(--fg); }
.hint, figcaption { color: var(--muted); font-size: 0.9em; }
figure.diagram { margin: 8px 0 16px; }
pre.mermaid { margin: 0; padding: 12px; overflow-x: auto; background: var(--head); border: 1px solid var(--line);
  border-radius: 6px; font: 0.85em/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
@media print { nav, .table-tools { display: none; } thead th { position: static; } }
`;

/** Sorts the interactive tables by a clicked header and filters their rows by the search box. */
export const HTML_SCRIPT = `
(function () {
  'use strict';
  var PLACEHOLDER = '__PLACEHOLDER__';
  var tables = document.querySelectorAll('table.interactive');
  Array.prototype.forEach.call(tables, function (table) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var input = document.getElementById(table.id + '-filter');
    var count = document.getElementById(table.id + '-count');
    var template = count ? count.getAttribute('data-template') || '' : '';
    function update() {
      var query = input ? input.value.trim().toLowerCase() : '';
      var shown = 0;
      rows.forEach(function (row) {
        var hit = query === '' || row.textContent.toLowerCase().indexOf(query) !== -1;
        row.hidden = !hit;
        if (hit) shown += 1;
      });
      if (count) count.textContent = template.split(PLACEHOLDER).join(String(shown));
    }
    function sortBy(header, column) {
      var ascending = header.getAttribute('aria-sort') !== 'ascending';
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) { cell.removeAttribute('aria-sort'); });
      header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      var key = function (row) { return row.cells[column].textContent.trim(); };
      rows.sort(function (a, b) {
        var order = key(a).localeCompare(key(b), undefined, { numeric: true, sensitivity: 'base' });
        return ascending ? order : -order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    }
    Array.prototype.forEach.call(table.querySelectorAll('thead th button'), function (button) {
      button.addEventListener('click', function () { sortBy(button.parentNode, Number(button.getAttribute('data-col'))); });
    });
    if (input) input.addEventListener('input', update);
    update();
  });
})();
`;
