/* patchday "Am I affected?" checker.
 *
 * Reads the static JSON API (no query parameters, no external requests) and
 * lists every bulletin that applies to one product version, with the newest
 * update that fixes it. Markup: <div id="pd-affected" data-api="../api/v1/" data-lang="fr">.
 * All record text is inserted with textContent, never as HTML markup.
 */
(function () {
  'use strict';

  var LABELS = {
    en: {
      product: 'Product', version: 'Version', choose: 'Choose…', loading: 'Loading…',
      error: 'The advisory data could not be loaded.',
      none: 'No published bulletin applies to {version}.',
      count: '{n} bulletin(s) apply to {version}.',
      newest: 'Newest update that fixes them:', from: 'from', fixed: 'fixed version',
      open: 'No update is available yet for:', nofix: 'No update:', update: 'Update:',
      cves: 'CVEs:', severity: 'Severity:', notaffected: 'Stated as not affected by:',
      unsupported: 'This version is no longer supported.'
    },
    de: {
      product: 'Produkt', version: 'Version', choose: 'Auswählen…', loading: 'Wird geladen…',
      error: 'Die Daten konnten nicht geladen werden.',
      none: 'Für {version} gilt kein veröffentlichtes Bulletin.',
      count: '{n} Bulletin(s) betreffen {version}.',
      newest: 'Neuestes Update, das sie behebt:', from: 'aus', fixed: 'korrigierte Version',
      open: 'Noch kein Update verfügbar für:', nofix: 'Kein Update:', update: 'Update:',
      cves: 'CVEs:', severity: 'Schweregrad:', notaffected: 'Laut diesen Bulletins nicht betroffen:',
      unsupported: 'Diese Version wird nicht mehr unterstützt.'
    },
    fr: {
      product: 'Produit', version: 'Version', choose: 'Choisir…', loading: 'Chargement…',
      error: 'Les données n’ont pas pu être chargées.',
      none: 'Aucun bulletin publié ne concerne {version}.',
      count: '{n} bulletin(s) concernent {version}.',
      newest: 'Mise à jour la plus récente qui les corrige :', from: 'de', fixed: 'version corrigée',
      open: 'Aucune mise à jour disponible pour l’instant pour :', nofix: 'Pas de mise à jour :', update: 'Mise à jour :',
      cves: 'CVE :', severity: 'Gravité :', notaffected: 'Déclaré non concerné par :',
      unsupported: 'Cette version n’est plus prise en charge.'
    },
    ja: {
      product: '製品', version: 'バージョン', choose: '選択してください…', loading: '読み込み中…',
      error: 'データを読み込めませんでした。',
      none: '{version} に該当する公開済みのセキュリティ情報はありません。',
      count: '{version} に該当するセキュリティ情報: {n} 件',
      newest: 'これらを修正する最新の更新プログラム:', from: '出典', fixed: '修正済みバージョン',
      open: 'まだ更新プログラムがありません:', nofix: '更新プログラムなし:', update: '更新プログラム:',
      cves: 'CVE:', severity: '深刻度:', notaffected: '影響を受けないと記載:',
      unsupported: 'このバージョンはサポートが終了しています。'
    }
  };

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
    var L = LABELS[lang] || LABELS.en;
    var api = new URL(root.getAttribute('data-api') || 'api/v1/', document.baseURI);
    var site = new URL('../../', api); // api/v1/ sits two levels below the site root
    var state = { index: null, products: null, product: null };

    while (root.firstChild) root.removeChild(root.firstChild);
    var form = el('form', null, { 'class': 'pd-affected__form' });
    form.addEventListener('submit', function (ev) { ev.preventDefault(); });
    var pLabel = el('label', L.product, { 'for': 'pd-affected-product' });
    var pSelect = el('select', null, { id: 'pd-affected-product', name: 'product' });
    var vLabel = el('label', L.version, { 'for': 'pd-affected-version' });
    var vSelect = el('select', null, { id: 'pd-affected-version', name: 'version', disabled: 'disabled' });
    form.appendChild(pLabel); form.appendChild(pSelect); form.appendChild(vLabel); form.appendChild(vSelect);
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

    function render(version) {
      clear(out);
      var rows = version.bulletins.filter(function (r) { return r.status === 'affected' && !r.withdrawn; });
      var ids = [];
      rows.forEach(function (r) { if (ids.indexOf(r.bulletin) < 0) ids.push(r.bulletin); });
      if (!version.supported) out.appendChild(el('p', L.unsupported, { 'class': 'pd-affected__unsupported' }));
      out.appendChild(el('p', fmt(ids.length ? L.count : L.none, { n: ids.length, version: version.name }), { 'class': 'pd-affected__count' }));
      if (version.latest_update) {
        var u = version.latest_update;
        var p = el('p', null, { 'class': 'pd-affected__newest' });
        p.appendChild(el('strong', L.newest));
        p.appendChild(document.createTextNode(' '));
        p.appendChild(link(u.id, u.url));
        p.appendChild(document.createTextNode(' (' + L.fixed + ' ' + u.fixed + ', ' + L.from + ' ' + u.bulletin + ')'));
        out.appendChild(p);
      }
      if (version.unfixed && version.unfixed.length) {
        out.appendChild(el('p', L.open + ' ' + version.unfixed.join(', '), { 'class': 'pd-affected__open' }));
      }
      if (!ids.length) return;
      var ul = el('ul', null, { 'class': 'pd-affected__list' });
      rows.slice().reverse().forEach(function (r) {
        var li = el('li', null, { 'class': 'pd-affected__item', 'data-bulletin': r.bulletin });
        li.appendChild(link(r.bulletin + ': ' + titleOf(r.bulletin), bulletinHref(r.bulletin)));
        var meta = el('div', null);
        meta.appendChild(el('span', L.severity + ' ' + sevLabel(r.severity), { 'class': 'pd-affected__severity' }));
        meta.appendChild(document.createTextNode(' · ' + L.cves + ' ' + r.cves.join(', ')));
        li.appendChild(meta);
        var fix = el('div', null, { 'class': 'pd-affected__fix' });
        if (r.update) {
          fix.appendChild(document.createTextNode(L.update + ' '));
          fix.appendChild(link(r.update.id, r.update.url));
          fix.appendChild(document.createTextNode(' (' + L.fixed + ' ' + r.update.fixed + ')'));
        } else if (r.no_fix) {
          fix.textContent = L.nofix + ' ' + r.no_fix.reason;
        }
        li.appendChild(fix);
        ul.appendChild(li);
      });
      out.appendChild(ul);
      var not = version.bulletins.filter(function (r) { return r.status === 'not_affected' && !r.withdrawn; })
        .map(function (r) { return r.bulletin; });
      if (not.length) out.appendChild(el('p', L.notaffected + ' ' + not.join(', '), { 'class': 'pd-affected__not' }));
    }

    function showVersions() {
      clear(vSelect); clear(out);
      option(vSelect, '', L.choose);
      var id = pSelect.value;
      if (!id) { vSelect.setAttribute('disabled', 'disabled'); return; }
      out.textContent = L.loading;
      getJSON(new URL('products/' + encodeURIComponent(id) + '.json', api)).then(function (product) {
        state.product = product;
        product.versions.forEach(function (v) { option(vSelect, v.id, v.name); });
        vSelect.removeAttribute('disabled');
        out.textContent = '';
      }).catch(function () { out.textContent = L.error; });
    }

    function showVersion() {
      if (!state.product) return;
      var vid = vSelect.value;
      var version = state.product.versions.filter(function (v) { return v.id === vid; })[0];
      if (version) render(version); else clear(out);
    }

    pSelect.addEventListener('change', showVersions);
    vSelect.addEventListener('change', showVersion);

    Promise.all([getJSON(new URL('index.json', api)), getJSON(new URL('products/index.json', api))]).then(function (data) {
      state.index = data[0];
      state.products = data[1];
      option(pSelect, '', L.choose);
      state.products.products.forEach(function (p) { option(pSelect, p.id, p.name); });
      out.textContent = '';
      root.setAttribute('data-ready', 'true');
    }).catch(function () { out.textContent = L.error; });
  }

  function start() {
    var nodes = document.querySelectorAll('#pd-affected, [data-pd-affected]');
    for (var i = 0; i < nodes.length; i++) init(nodes[i]);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
