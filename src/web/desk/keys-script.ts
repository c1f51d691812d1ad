/**
 * The desk's one script: keyboard shortcuts. Served by storydesk at DESK_SCRIPT_PATH and loaded
 * with the response's CSP nonce; every page works without it (the keys only follow links and
 * focus fields that are there anyway). It reads no page text and writes none.
 */
export const DESK_KEYS_JS = `(function () {
  'use strict';
  function typing(e) { var t = e.target; return t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(t.tagName)); }
  function follow(selector) { var a = document.querySelector(selector); if (a && a.href) { window.location.href = a.href; return true; } return false; }
  var rows = Array.prototype.slice.call(document.querySelectorAll('tr[data-story]'));
  var current = -1;
  function mark(i) {
    if (!rows.length) return false;
    current = Math.max(0, Math.min(rows.length - 1, i));
    rows.forEach(function (row, j) { row.classList.toggle('current', j === current); });
    rows[current].scrollIntoView({ block: 'nearest' });
    return true;
  }
  document.addEventListener('keydown', function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (typing(e)) { if (e.key === 'Escape') e.target.blur(); return; }
    var done;
    switch (e.key) {
      case 'j': done = rows.length ? mark(current + 1) : follow('a[rel="next"]'); break;
      case 'k': done = rows.length ? mark(current - 1) : follow('a[rel="prev"]'); break;
      case 'o': case 'Enter': done = current >= 0 && follow('tr.current a'); break;
      case 'e': {
        var field = document.querySelector('#story input[name="title"]');
        if (field) { field.focus(); field.scrollIntoView({ block: 'center' }); done = true; }
        break;
      }
      case 'p': done = follow('a#preview-link'); break;
      case 'u': done = follow('a#back-to-list'); break;
      case '?': window.location.href = '/help'; done = true; break;
    }
    if (done) e.preventDefault();
  });
})();
`;
