// The search page: looks words up in this language's index (render/search_index.py says
// how it is laid out), fetching only the shards and records a search needs.
// ?q=... runs a search on load, so results can be linked to; the address follows the box.
(function () {
  "use strict";

  // ---- words: the same as search_index.tokens (a test runs both on the same strings) ----
  var CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af";
  var ALNUM = "(?:(?![" + CJK + "])[\\p{L}\\p{N}])";
  var WORDS = new RegExp("([" + CJK + "]+)|(" + ALNUM + "+(?:[-.]" + ALNUM + "+)*)", "gu");
  var CJK_CHAR = new RegExp("^[" + CJK + "]");

  function normal(text) { return text.normalize("NFKC").toLowerCase(); }

  // Each word of a text; with parts, a dotted or hyphenated word also gives its parts (the index
  // holds them); a search looks for the whole word only.
  function words(text, parts) {
    var out = [], m;
    WORDS.lastIndex = 0;
    text = normal(text);
    while ((m = WORDS.exec(text)) !== null) {
      if (m[1]) {
        var run = Array.from(m[1]);
        if (run.length === 1) out.push(run[0]);
        for (var i = 0; i + 1 < run.length; i++) out.push(run[i] + run[i + 1]);
      } else {
        out.push(m[2]);
        if (parts && /[-.]/.test(m[2])) m[2].split(/[-.]/).forEach(function (p) { if (p) out.push(p); });
      }
    }
    return out;
  }

  function tokens(text) { return words(text, true); }

  function key(term) { return CJK_CHAR.test(term) ? Array.from(term)[0] : term.slice(0, 2); }

  function fnv1a(text) {
    var h = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h >>> 0;
  }

  // What else a typed word may stand for: without a plural ending, so that "updates" also
  // finds "update" (a word matches every indexed word it starts).
  function stems(word) {
    var out = [word];
    if (CJK_CHAR.test(word) || /\d/.test(word)) return out;
    ["s", "es", "en", "e", "n"].forEach(function (end) {
      var cut = word.slice(0, -end.length);
      if (word.slice(-end.length) === end && cut.length >= 4 && out.indexOf(cut) < 0) out.push(cut);
    });
    return out;
  }

  if (typeof module !== "undefined" && module.exports) {
    module.exports = { tokens: tokens, key: key, fnv1a: fnv1a, stems: stems, words: words };
  }
  if (typeof document === "undefined") return;

  // ---- the index: meta.json, then shards and records as a search needs them ----------

  function Index(base) {
    this.base = base;
    this.files = {};
    this.meta = null;
  }
  // Shards and records are gzip files; a server that sends them with Content-Encoding: gzip
  // has the browser inflate them already, so look at the bytes before inflating.
  function inflate(buffer) {
    var head = new Uint8Array(buffer, 0, Math.min(2, buffer.byteLength));
    if (head[0] !== 0x1f || head[1] !== 0x8b) return Promise.resolve(new TextDecoder().decode(buffer));
    var stream = new Blob([buffer]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).text();
  }

  Index.prototype.json = function (path, fresh) {
    var self = this;
    if (!this.files[path]) {
      this.files[path] = fetch(new URL(path, this.base), fresh ? { cache: "no-cache" } : {}).then(function (r) {
        if (!r.ok) throw new Error(path + ": " + r.status);
        return r.arrayBuffer();
      }).then(inflate).then(JSON.parse);
      this.files[path].catch(function () { delete self.files[path]; });
    }
    return this.files[path];
  };
  Index.prototype.load = function () {
    var self = this;
    // meta.json names the build's folder: asked fresh, so a browser never mixes two builds.
    return this.meta ? Promise.resolve(this.meta) : this.json("meta.json", true).then(function (m) { self.meta = m; return m; });
  };
  Index.prototype.shard = function (term) {
    var m = this.meta;
    return this.json(m.build + "/t/" + (fnv1a(key(term)) % m.shards) + ".json.gz");
  };
  Index.prototype.record = function (n) {
    var m = this.meta;
    return this.json(m.build + "/r/" + Math.floor(n / m.chunk) + ".json.gz").then(function (chunk) { return chunk[n % m.chunk]; });
  };

  // Every record that holds all of the query's words, best first: a word counts by where it
  // stands in the record (the weights of the index), in full where it is the whole indexed word
  // and half where it starts one, and rarer words count more.
  function search(index, query) {
    var terms = [];
    words(query, false).forEach(function (w) { if (terms.indexOf(w) < 0) terms.push(w); });
    if (!terms.length) return Promise.resolve([]);
    return index.load().then(function (meta) {
      return Promise.all(terms.map(function (t) { return index.shard(t); })).then(function (shards) {
        var total = null;
        terms.forEach(function (term, i) {
          var shard = shards[i], scores = {}, prefixes = stems(term);
          // A one-letter word is only ever itself: its shard holds no words that start with it.
          var whole = !CJK_CHAR.test(term) && term.length < 2;
          Object.keys(shard).forEach(function (word) {
            var exact = word === term;
            if (!exact && (whole || !prefixes.some(function (p) { return word.lastIndexOf(p, 0) === 0; }))) return;
            var list = shard[word], rare = Math.log(1 + meta.docs / (list.length / 2));
            for (var j = 0; j < list.length; j += 2) {
              var s = list[j + 1] * rare * (exact ? 1 : 0.5);
              if (!(scores[list[j]] >= s)) scores[list[j]] = s;
            }
          });
          if (total === null) {
            total = scores;
          } else {
            var both = {};
            Object.keys(total).forEach(function (doc) { if (doc in scores) both[doc] = total[doc] + scores[doc]; });
            total = both;
          }
        });
        return Object.keys(total).map(Number).sort(function (a, b) { return total[b] - total[a] || b - a; });
      });
    });
  }

  // ---- the page -------------------------------------------------------------------------

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function fmt(text, values) {
    return text.replace(/\{(\w+)\}/g, function (all, name) { return name in values ? String(values[name]) : all; });
  }

  // Text with the query's words marked: nodes, never markup, so record text cannot inject any.
  function marked(text, terms) {
    var frag = document.createDocumentFragment();
    var pattern = terms.filter(function (t) { return t.length > 1 || CJK_CHAR.test(t); })
      .map(function (t) { return t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); });
    if (!pattern.length) { frag.appendChild(document.createTextNode(text)); return frag; }
    var re = new RegExp(pattern.join("|"), "giu"), last = 0, m;
    var norm = text.normalize("NFKC");
    if (norm.length !== text.length) { frag.appendChild(document.createTextNode(text)); return frag; }
    while ((m = re.exec(norm)) !== null && m[0]) {
      frag.appendChild(document.createTextNode(text.slice(last, m.index)));
      frag.appendChild(el("mark", "", text.slice(m.index, m.index + m[0].length)));
      last = m.index + m[0].length;
    }
    frag.appendChild(document.createTextNode(text.slice(last)));
    return frag;
  }

  function matches(text, terms) {
    var have = tokens(text);
    return terms.every(function (t) {
      var prefixes = stems(t);
      return have.some(function (w) { return prefixes.some(function (p) { return w.lastIndexOf(p, 0) === 0; }); });
    });
  }

  function start() {
    var box = document.getElementById("pd-search");
    if (!box) return;
    var L;
    try { L = JSON.parse(box.getAttribute("data-labels") || ""); } catch (e) { return; }
    var lang = document.documentElement.lang || "en";
    var plural = (typeof Intl !== "undefined" && Intl.PluralRules) ? new Intl.PluralRules(lang) : null;
    function say(entry, n, values) {
      var text = typeof entry === "string" ? entry : (entry[plural ? plural.select(n) : (n === 1 ? "one" : "other")] || entry.other);
      values.n = n.toLocaleString(lang);
      return fmt(text, values);
    }
    var index = new Index(new URL(box.getAttribute("data-index"), document.baseURI));
    var site = new URL(box.getAttribute("data-base") || "./", document.baseURI);

    // Not a second role=search landmark: the header's box is the site's one (axe landmark-unique).
    var form = el("form", "pd-search__form");
    var label = el("label", "pd-search__label", L.label);
    label.setAttribute("for", "pd-search-input");
    var input = el("input", "pd-search__input");
    input.type = "search";
    input.id = "pd-search-input";
    input.name = "q";
    input.autocomplete = "off";
    input.spellcheck = false;
    form.appendChild(label);
    form.appendChild(input);
    var status = el("p", "pd-search__status");
    status.setAttribute("role", "status");
    var list = el("ol", "pd-results");
    var more = el("button", "pd-search__more", L.more);
    more.type = "button";
    more.hidden = true;
    box.appendChild(form);
    box.appendChild(status);
    box.appendChild(list);
    box.appendChild(more);

    var shown = [], at = 0, terms = [], run = 0;
    var PAGE = 10;

    function result(rec) {
      var li = el("li", "pd-result");
      var href = new URL(rec.u, site).pathname;
      var a = el("a", "pd-result__link");
      a.href = href;
      var id = el("span", "pd-id", rec.i);
      a.appendChild(id);
      a.appendChild(document.createTextNode(" "));
      a.appendChild(marked(rec.t, terms));
      var h = el("h2", "pd-result__title");
      h.appendChild(a);
      li.appendChild(h);
      var x = el("p", "pd-result__excerpt");
      x.appendChild(marked(rec.x, terms));
      li.appendChild(x);
      var facts = el("p", "pd-result__facts");
      facts.appendChild(marked(rec.f, terms));
      li.appendChild(facts);
      var subs = rec.s.filter(function (s) { return matches(s[0] + " " + s[1] + " " + s[2], terms); }).slice(0, 5);
      if (subs.length) {
        var ul = el("ul", "pd-result__sub");
        ul.setAttribute("aria-label", L.inBulletin);
        subs.forEach(function (s) {
          var item = el("li");
          var sa = el("a", "pd-result__link pd-result__sub-link");
          sa.href = href + "#" + s[0];
          sa.appendChild(marked(s[1], terms));
          item.appendChild(sa);
          ul.appendChild(item);
        });
        li.appendChild(ul);
      }
      return li;
    }

    function showMore(mine) {
      var next = shown.slice(at, at + PAGE);
      at += next.length;
      more.hidden = true;
      return Promise.all(next.map(function (n) { return index.record(n); })).then(function (recs) {
        if (mine !== run) return;
        recs.forEach(function (rec) { list.appendChild(result(rec)); });
        more.hidden = at >= shown.length;
      });
    }

    function fail() {
      box.setAttribute("data-state", "error");
      status.textContent = L.error;
      status.classList.add("pd-search__status--error");
    }

    function go(q, push) {
      var mine = ++run;
      q = q.trim();
      terms = words(q, false);
      while (list.firstChild) list.removeChild(list.firstChild);
      more.hidden = true;
      status.classList.remove("pd-search__status--error");
      if (push) {
        var url = new URL(window.location.href);
        if (q) url.searchParams.set("q", q); else url.searchParams.delete("q");
        history.replaceState(null, "", url);
      }
      if (!terms.length) { status.textContent = ""; box.removeAttribute("data-state"); return; }
      // data-state says when a search is done (what the tests and the benchmark wait for).
      box.setAttribute("data-state", "loading");
      status.textContent = L.loading;
      search(index, q).then(function (docs) {
        if (mine !== run) return;
        shown = docs;
        at = 0;
        status.textContent = docs.length ? say(L.results, docs.length, { q: q }) : fmt(L.none, { q: q });
        return showMore(mine).then(function () { if (mine === run) box.setAttribute("data-state", "done"); });
      }).catch(function () { if (mine === run) fail(); });
    }

    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { go(input.value, true); }, 200);
    });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      clearTimeout(timer);
      go(input.value, true);
    });
    more.addEventListener("click", function () {
      var first = list.children.length;
      showMore(run).then(function () {
        var next = list.children[first];
        if (next) next.querySelector("a").focus();
      }).catch(fail);
    });
    var q = new URLSearchParams(window.location.search).get("q");
    if (q) {
      input.value = q;
      go(q, false);
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
