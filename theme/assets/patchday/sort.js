// Sortable columns for the index tables (table.pd-sortable). Without JavaScript the
// tables are complete and in their published order; this only adds a button to each
// column header. Severity sorts by the site's scale (the built-in levels' order, which every level is drawn as),
// numbers as numbers, everything else by the reader's language.
(function () {
  "use strict";
  var lang = document.documentElement.lang || "en";
  var collator = new Intl.Collator(lang, { numeric: true, sensitivity: "base" });
  function severityRank() {
    // The badge's class names its built-in level (render/helpers.py sev): highest first.
    var rank = {};
    ["critical", "important", "moderate", "low"].forEach(function (name, i) { rank[name] = i; });
    return rank;
  }
  function key(cell, rank) {
    if (!cell) return "";
    var sev = cell.querySelector(".pd-sev");
    if (sev) {
      var m = /pd-sev--(\S+)/.exec(sev.className);
      return m && m[1] in rank ? rank[m[1]] : 99;
    }
    var text = cell.textContent.trim();
    return /^\d+([.,]\d+)?$/.test(text) ? parseFloat(text.replace(",", ".")) : text;
  }
  function compare(a, b) {
    if (typeof a === "number" && typeof b === "number") return a - b;
    return collator.compare(String(a), String(b));
  }
  function init(table, rank) {
    var heads = table.tHead ? table.tHead.rows[0].cells : [];
    var body = table.tBodies[0];
    if (!body || body.rows.length < 2) return;
    var original = Array.prototype.slice.call(body.rows);
    Array.prototype.forEach.call(heads, function (th, col) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "pd-sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var dir = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", dir);
        var rows = original.slice().map(function (r, i) { return [key(r.cells[col], rank), i, r]; });
        rows.sort(function (x, y) {
          var c = compare(x[0], y[0]);
          return (dir === "ascending" ? c : -c) || x[1] - y[1];
        });
        rows.forEach(function (r) { body.appendChild(r[2]); });
      });
    });
  }
  function start() {
    var rank = severityRank();
    document.querySelectorAll("table.pd-sortable").forEach(function (t) { init(t, rank); });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
