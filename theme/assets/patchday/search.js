// Starts Pagefind's UI on the search page. Pagefind picks the index of the
// page's <html lang>, so a French reader searches French pages only.
// ?q=... runs a search on load, so results can be linked to.
(function () {
  "use strict";
  function start() {
    var box = document.getElementById("pd-search");
    if (!box || typeof PagefindUI === "undefined") return;
    var bundle = box.getAttribute("data-bundle");
    // Each language has its own bundle under its root; result URLs are site-root paths,
    // so resolve them against the site root, wherever the site is mounted.
    var base = new URL(box.getAttribute("data-base") || bundle.replace(/pagefind\/$/, ""), window.location.href).pathname;
    var ui = new PagefindUI({ element: "#pd-search", bundlePath: bundle, baseUrl: base, showSubResults: true, showImages: false, resetStyles: false });
    // Pagefind's input has only a placeholder, which disappears as one types: give it a
    // visible label (axe label-title-only), in the page's language.
    var input = box.querySelector("input.pagefind-ui__search-input");
    if (input && !input.id) {
      input.id = "pd-search-input";
      var label = document.createElement("label");
      label.setAttribute("for", input.id);
      label.className = "pd-search__label";
      label.textContent = box.getAttribute("data-label") || "";
      box.insertBefore(label, box.firstChild);
    }
    var q = new URLSearchParams(window.location.search).get("q");
    if (q) ui.triggerSearch(q);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
