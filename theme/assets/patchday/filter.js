// Client-side filters for index tables. Without JavaScript the tables are
// complete; this only adds controls and hides rows. Labels and option names
// come from the page (data-pd-filter JSON), so they are already translated.
(function () {
  "use strict";
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function select(id, label, options, all) {
    var wrap = el("label", { "for": id, "class": "pd-filter__field" }, label + " ");
    var s = el("select", { id: id });
    s.appendChild(el("option", { value: "" }, all));
    options.forEach(function (o) { s.appendChild(el("option", { value: o[0] }, o[1])); });
    wrap.appendChild(s);
    return [wrap, s];
  }
  function init(box) {
    var cfg = JSON.parse(box.getAttribute("data-pd-filter"));
    var L = cfg.labels;
    var scope = box.closest("article") || document;
    var rows = Array.prototype.slice.call(scope.querySelectorAll("table.pd-filterable tbody tr"));
    var form = el("form", { "class": "pd-filter__form", role: "search", "aria-label": L.filter });
    form.addEventListener("submit", function (ev) { ev.preventDefault(); });
    var controls = {};
    var n = document.querySelectorAll(".pd-filter__form").length;
    if (cfg.products.length > 1) { var p = select("pd-f-product-" + n, L.product, cfg.products, L.all); form.appendChild(p[0]); controls.product = p[1]; }
    var s = select("pd-f-severity-" + n, L.severity, cfg.severities, L.all); form.appendChild(s[0]); controls.severity = s[1];
    if (cfg.months.length > 1) { var m = select("pd-f-month-" + n, L.month, cfg.months, L.all); form.appendChild(m[0]); controls.month = m[1]; }
    var exLabel = el("label", { "class": "pd-filter__field" });
    var ex = el("input", { type: "checkbox", id: "pd-f-exploited-" + n });
    exLabel.appendChild(ex); exLabel.appendChild(document.createTextNode(" " + L.exploited));
    form.appendChild(exLabel);
    var status = el("p", { "class": "pd-filter__status", role: "status", "aria-live": "polite" });
    function apply() {
      var shown = 0;
      rows.forEach(function (r) {
        var ok = true;
        if (controls.product && controls.product.value) ok = ok && (" " + r.getAttribute("data-product") + " ").indexOf(" " + controls.product.value + " ") >= 0;
        if (controls.severity.value) ok = ok && r.getAttribute("data-severity") === controls.severity.value;
        if (controls.month && controls.month.value) ok = ok && r.getAttribute("data-month") === controls.month.value;
        if (ex.checked) ok = ok && r.getAttribute("data-exploited") === "1";
        r.hidden = !ok;
        if (ok) shown++;
      });
      status.textContent = L.rows.replace("{shown}", shown).replace("{total}", rows.length);
    }
    // The filter lives in the query string (?severity=critical&exploited=1), so a
    // filtered view can be bookmarked and shared; values not offered here are ignored.
    var params = new URLSearchParams(window.location.search);
    Object.keys(controls).forEach(function (name) {
      var v = params.get(name), c = controls[name];
      if (v && Array.prototype.some.call(c.options, function (o) { return o.value === v; })) c.value = v;
    });
    ex.checked = params.get("exploited") === "1";
    function remember() {
      var q = new URLSearchParams(window.location.search);
      Object.keys(controls).forEach(function (name) {
        if (controls[name].value) q.set(name, controls[name].value); else q.delete(name);
      });
      if (ex.checked) q.set("exploited", "1"); else q.delete("exploited");
      var s = q.toString();
      history.replaceState(null, "", window.location.pathname + (s ? "?" + s : "") + window.location.hash);
    }
    form.addEventListener("change", function () { apply(); remember(); });
    box.appendChild(form);
    box.appendChild(status);
    apply();
  }
  function start() { document.querySelectorAll("[data-pd-filter]").forEach(init); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
