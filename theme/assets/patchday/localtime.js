// Beside each release time (time.pd-time, printed in the vendor's zone), the same instant
// in the reader's own zone and language. Without JavaScript, or for a reader already in
// the vendor's zone, the vendor's time stands alone: it always names its zone.
(function () {
  "use strict";
  function run() {
    var lang = document.documentElement.lang || "en";
    var here;
    try { here = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { return; }
    var fmt = new Intl.DateTimeFormat(lang, { dateStyle: "long", timeStyle: "short", timeZone: here });
    var zoneFmt = new Intl.DateTimeFormat(lang, { timeZoneName: "long", timeZone: here });
    document.querySelectorAll("time.pd-time[datetime]").forEach(function (t) {
      if (t.dataset.pdZone === here || t.nextElementSibling && t.nextElementSibling.classList.contains("pd-localtime")) return;
      var when = new Date(t.getAttribute("datetime"));
      if (isNaN(when)) return;
      var zone = zoneFmt.formatToParts(when).filter(function (p) { return p.type === "timeZoneName"; })
        .map(function (p) { return p.value; }).join("");
      var span = document.createElement("span");
      span.className = "pd-localtime";
      span.textContent = (t.dataset.pdLocal || "") + ": " + fmt.format(when) + (zone ? " (" + zone + ")" : "");
      t.insertAdjacentElement("afterend", span);
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run); else run();
})();
