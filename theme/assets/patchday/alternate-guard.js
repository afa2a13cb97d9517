// Material's bundle fetches "sitemap.xml" next to every <link rel="alternate">
// to remap language-switch clicks for sites whose alternates are site roots.
// Ours are exact pages (static-i18n) and Atom feeds, so each probe 404s and logs
// a console error; and Material's remapping would only rewrite links that are
// already right. Fail those probes locally, without a request: Material then
// keeps the plain links, exactly as after a 404.
(function () {
  "use strict";
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.__pdBlocked = /\/sitemap\.xml$/.test(String(url));
    if (this.__pdBlocked) return;
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (!this.__pdBlocked) return send.apply(this, arguments);
    var xhr = this;
    setTimeout(function () { xhr.dispatchEvent(new ProgressEvent("error")); }, 0);
  };
})();
