/* patchday "Am I affected?" checker.
 *
 * Reads the static JSON API (no query parameters, no external requests) and shows,
 * for one product version, exactly what the product page and the API say: every
 * bulletin that applies (its own and its components'), the updates to install in
 * order (`status.install`, worked out once at build time), and what has no fix yet.
 * The browser adds one thing: an installed build number, compared with each fixed
 * build segment by segment as numbers (so 15.2.2562.9 is older than 15.2.2562.34).
 * Deep link: affected/?product=ID&version=ID[&build=N].
 * Markup: <div id="pd-affected" data-api="../api/v1/" data-lang="fr" data-labels="{JSON}">.
 * All record text is inserted with textContent, never as HTML markup.
 */
(function () {
  'use strict';

  // The words come from the page (data-labels: JSON written from the site's one label table),
  // so the checker speaks the page's language. Counting texts are {one, other, ...} objects
  // chosen with Intl.PluralRules; "sep" is the locale's list separator.
  function readLabels(root) {
    try { return JSON.parse(root.getAttribute('data-labels') || ''); } catch (e) { return null; }
  }

  // Dotted numeric builds, segment by segment as integers; a missing segment counts as 0.
  // Returns -1, 0 or 1, or null when either is not a build number.
  function compareBuilds(a, b) {
    var re = /^\d+(\.\d+)*$/;
    if (!re.test(a) || !re.test(b)) return null;
    var x = a.split('.'), y = b.split('.');
    for (var i = 0; i < Math.max(x.length, y.length); i++) {
      var p = (x[i] || '0').replace(/^0+(?=\d)/, ''), q = (y[i] || '0').replace(/^0+(?=\d)/, '');
      // Compare as digit strings (length first) so builds beyond 2^53 still compare exactly.
      if (p.length !== q.length) return p.length < q.length ? -1 : 1;
      if (p !== q) return p < q ? -1 : 1;
    }
    return 0;
  }

  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (attrs) Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  function fmt(text, values) {
    return text.replace(/\{(\w+)\}/g, function (_, k) { return values[k] !== undefined ? String(values[k]) : ''; });
  }

  function getJSON(url) {
    return fetch(url, { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) throw new Error(r.status + ' ' + url);
      return r.json();
    });
  }

  function safeHref(url) {
    // Only http(s) links from the data; anything else is shown as text.
    try {
      var u = new URL(url, document.baseURI);
      return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
    } catch (e) { return null; }
  }

  function link(text, href) {
    var h = safeHref(href);
    return h ? el('a', text, { href: h }) : el('span', text);
  }

  function init(root) {
    var lang = (root.getAttribute('data-lang') || document.documentElement.lang || 'en').slice(0, 2);
    var L = readLabels(root);
    if (!L) return; // no words: leave the page's noscript advice standing
    var plural = (typeof Intl !== 'undefined' && Intl.PluralRules) ? new Intl.PluralRules(lang) : null;
    function forms(entry, n, values) {
      var text = typeof entry === 'string' ? entry : (entry[plural ? plural.select(n) : (n === 1 ? 'one' : 'other')] || entry.other);
      values.n = n;
      return fmt(text, values);
    }
    var api = new URL(root.getAttribute('data-api') || 'api/v1/', document.baseURI);
    var site = new URL('../../', api); // api/v1/ sits two levels below the site root
    var state = { index: null, products: null, product: null };

    while (root.firstChild) root.removeChild(root.firstChild);
    var form = el('form', null, { 'class': 'pd-affected__form' });
    form.addEventListener('submit', function (ev) { ev.preventDefault(); });
    var pSelect = el('select', null, { id: 'pd-affected-product', name: 'product' });
    var vSelect = el('select', null, { id: 'pd-affected-version', name: 'version', disabled: 'disabled' });
    var bInput = el('input', null, { id: 'pd-affected-build', name: 'build', type: 'text', inputmode: 'decimal',
                                     autocomplete: 'off', spellcheck: 'false' });
    var bWrap = el('span', null, { 'class': 'pd-affected__field pd-affected__build', hidden: 'hidden' });
    // Each label with its field in one box, so they wrap together and keep their gap.
    function field(box, text, control) {
      box.appendChild(el('label', text, { 'for': control.id })); box.appendChild(control);
      form.appendChild(box);
    }
    field(el('span', null, { 'class': 'pd-affected__field' }), L.product, pSelect);
    field(el('span', null, { 'class': 'pd-affected__field' }), L.version, vSelect);
    field(bWrap, L.build, bInput);
    var out = el('div', L.loading, { 'class': 'pd-affected__results', 'aria-live': 'polite' });
    root.appendChild(form); root.appendChild(out);

    function option(select, value, text) { select.appendChild(el('option', text, { value: value })); }
    function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

    function summaryOf(id) {
      var list = state.index.bulletins;
      for (var i = 0; i < list.length; i++) if (list[i].id === id) return list[i];
      return null;
    }
    function sevLabel(name) {
      var labels = (state.index.labels || {})[lang] || {};
      return labels[name] || name;
    }
    function bulletinHref(id) {
      var s = summaryOf(id);
      if (!s) return null;
      return new URL((s.paths && s.paths[lang]) || s.path, site).href;
    }
    function titleOf(id) {
      var s = summaryOf(id);
      return s ? ((s.titles && s.titles[lang]) || s.title) : '';
    }
    function componentText(c) {
      return c ? fmt(c.relation === 'installed_on' ? L.installed_on : L.component_of, { component: c.name }) : null;
    }
    function buildApplies(version) {
      // A build number describes the whole product only when its updates are cumulative.
      return state.product.updates === 'cumulative' &&
        version.status.install.some(function (i) { return !i.component && i.fixed; });
    }

    function permalink(version, build) {
      var u = new URL(window.location.href);
      u.search = '';
      u.hash = '';
      u.searchParams.set('product', state.product.id);
      u.searchParams.set('version', version.id);
      if (build) u.searchParams.set('build', build);
      return u;
    }

    function render(version) {
      clear(out);
      var st = version.status;
      var build = bInput.value.trim();
      var useBuild = buildApplies(version);
      if (useBuild) bWrap.removeAttribute('hidden'); else bWrap.setAttribute('hidden', 'hidden');
      if (!useBuild) build = '';
      var link_ = permalink(version, build);
      try { window.history.replaceState(null, '', link_.href); } catch (e) { /* file:// */ }
      if (!version.supported) out.appendChild(el('p', L.unsupported, { 'class': 'pd-affected__unsupported' }));
      var ids = st.bulletins;
      out.appendChild(el('p', ids.length ? forms(L.count, ids.length, { version: version.name }) : fmt(L.none, { version: version.name }),
                         { 'class': 'pd-affected__count' }));
      if (build && compareBuilds(build, build) === null) {
        out.appendChild(el('p', L.badBuild, { 'class': 'pd-affected__badbuild', role: 'alert' }));
        build = '';
      }
      var todo = [], done = [];
      st.install.forEach(function (i) {
        var installed = build && !i.component && i.fixed && compareBuilds(build, i.fixed) >= 0;
        (installed ? done : todo).push(i);
      });
      if (todo.length) {
        out.appendChild(el('p', forms(L.install, todo.length, {}), { 'class': 'pd-affected__install-title' }));
        var ol = el('ol', null, { 'class': 'pd-affected__install' });
        todo.forEach(function (i) {
          var li = el('li', null, { 'class': 'pd-affected__step', 'data-update': i.id, 'data-bulletin': i.bulletin });
          li.appendChild(link(i.id, i.url));
          var from = L.fromBulletin.split('{id}');
          li.appendChild(document.createTextNode(' (' + (i.fixed ? L.fixed + ' ' + i.fixed : L.notStated) + ') · ' + from[0]));
          li.appendChild(link(i.bulletin, bulletinHref(i.bulletin)));
          if (from[1]) li.appendChild(document.createTextNode(from[1]));
          var comp = componentText(i.component);
          if (comp) li.appendChild(el('span', ' · ' + comp, { 'class': 'pd-affected__component' }));
          if (i.resolves.length > 1) li.appendChild(el('span', ' · ' + L.resolves + ' ' + i.resolves.join(L.sep), { 'class': 'pd-affected__resolves' }));
          ol.appendChild(li);
        });
        out.appendChild(ol);
      } else if (ids.length) {
        out.appendChild(el('p', st.no_fix.length ? L.nothingYet : fmt(L.nothing, { version: version.name }), { 'class': 'pd-affected__nothing' }));
      }
      if (done.length) {
        out.appendChild(el('p', forms(L.done, done.length, { build: build }) + ' ' +
                           done.map(function (i) { return i.id; }).join(L.sep), { 'class': 'pd-affected__done' }));
      }
      if (st.no_fix.length) {
        var unfixed = [];
        st.no_fix.forEach(function (o) { if (unfixed.indexOf(o.bulletin) < 0) unfixed.push(o.bulletin); });
        out.appendChild(el('p', forms(L.open, unfixed.length, {}), { 'class': 'pd-affected__open-title' }));
        var ul = el('ul', null, { 'class': 'pd-affected__open' });
        st.no_fix.forEach(function (o) {
          var li = el('li', null, { 'class': 'pd-affected__nofix', 'data-bulletin': o.bulletin, 'data-kind': o.kind });
          li.appendChild(link(o.bulletin, bulletinHref(o.bulletin)));
          li.appendChild(document.createTextNode(': ' + L[o.kind] + '. ' + o.reason));
          var comp = componentText(o.component);
          if (comp) li.appendChild(el('span', ' · ' + comp, { 'class': 'pd-affected__component' }));
          ul.appendChild(li);
        });
        out.appendChild(ul);
      }
      var rows = version.bulletins.filter(function (r) { return r.status === 'affected' && !r.withdrawn; });
      if (rows.length) {
        var list = el('ul', null, { 'class': 'pd-affected__list' });
        rows.slice().reverse().forEach(function (r) {
          var li = el('li', null, { 'class': 'pd-affected__item', 'data-bulletin': r.bulletin });
          li.appendChild(link(r.bulletin + ': ' + titleOf(r.bulletin), bulletinHref(r.bulletin)));
          var meta = el('div', null);
          meta.appendChild(el('span', L.severity + ' ' + sevLabel(r.severity), { 'class': 'pd-affected__severity' }));
          meta.appendChild(document.createTextNode(' · ' + L.cves + ' ' + r.cves.join(L.sep)));
          var comp = componentText(r.component);
          if (comp) meta.appendChild(el('span', ' · ' + comp, { 'class': 'pd-affected__component' }));
          li.appendChild(meta);
          list.appendChild(li);
        });
        out.appendChild(list);
      }
      var not = version.bulletins.filter(function (r) { return r.status === 'not_affected' && !r.withdrawn; })
        .map(function (r) { return r.bulletin; });
      if (not.length) out.appendChild(el('p', L.notaffected + ' ' + not.join(L.sep), { 'class': 'pd-affected__not' }));
      var perma = el('p', null, { 'class': 'pd-affected__permalink' });
      perma.appendChild(el('a', L.permalink, { href: link_.href }));
      out.appendChild(perma);
      out.setAttribute('data-version', version.id);
    }

    function showVersions(wanted) {
      clear(vSelect); clear(out);
      option(vSelect, '', L.choose);
      var id = pSelect.value;
      state.product = null;
      if (!id) { vSelect.setAttribute('disabled', 'disabled'); return Promise.resolve(); }
      out.textContent = L.loading;
      return getJSON(new URL('products/' + encodeURIComponent(id) + '.json', api)).then(function (product) {
        state.product = product;
        product.versions.forEach(function (v) { option(vSelect, v.id, v.name); });
        vSelect.removeAttribute('disabled');
        out.textContent = '';
        if (wanted && product.versions.some(function (v) { return v.id === wanted; })) {
          vSelect.value = wanted;
          showVersion();
        }
      }).catch(function () { out.textContent = L.error; });
    }

    function showVersion() {
      if (!state.product) return;
      var vid = vSelect.value;
      var version = state.product.versions.filter(function (v) { return v.id === vid; })[0];
      if (version) render(version); else { clear(out); bWrap.setAttribute('hidden', 'hidden'); }
    }

    pSelect.addEventListener('change', function () { bInput.value = ''; showVersions(null); });
    vSelect.addEventListener('change', showVersion);
    bInput.addEventListener('input', showVersion);

    Promise.all([getJSON(new URL('index.json', api)), getJSON(new URL('products/index.json', api))]).then(function (data) {
      state.index = data[0];
      state.products = data[1];
      option(pSelect, '', L.choose);
      state.products.products.forEach(function (p) { option(pSelect, p.id, p.name); });
      out.textContent = '';
      // Deep link: ?product=…&version=…[&build=…] opens the same answer for a colleague.
      var q = new URLSearchParams(window.location.search);
      var wanted = q.get('product');
      var ready = Promise.resolve();
      if (wanted && state.products.products.some(function (p) { return p.id === wanted; })) {
        pSelect.value = wanted;
        bInput.value = q.get('build') || '';
        ready = showVersions(q.get('version'));
      }
      return ready.then(function () { root.setAttribute('data-ready', 'true'); });
    }).catch(function () { out.textContent = L.error; });
  }

  // For tests and for other scripts on the page: the comparison the checker uses.
  window.patchdayCompareBuilds = compareBuilds;

  function start() {
    var nodes = document.querySelectorAll('#pd-affected, [data-pd-affected]');
    for (var i = 0; i < nodes.length; i++) init(nodes[i]);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
