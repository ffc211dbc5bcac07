/* Material for MkDocs' storage helpers (its partials/javascripts/base.html), loaded as a file
   so that no page needs an inline script (Content-Security-Policy, issue 12). The scope is the
   site's root: two folders above this file (assets/bibnum/), unless the site sets extra.scope. */
(function () {
  var script = document.currentScript;
  var scope = script.getAttribute("data-md-scope");
  window.__md_scope = scope ? new URL(scope, location) : new URL("../../", script.src);
  window.__md_hash = function (e) {
    return [].concat(Array.from(e)).reduce(function (n, c) { return (n << 5) - n + c.charCodeAt(0); }, 0);
  };
  window.__md_get = function (e, store, base) {
    store = store || localStorage;
    base = base || window.__md_scope;
    return JSON.parse(store.getItem(base.pathname + "." + e));
  };
  window.__md_set = function (e, value, store, base) {
    store = store || localStorage;
    base = base || window.__md_scope;
    try { store.setItem(base.pathname + "." + e, JSON.stringify(value)); } catch (err) { /* storage full or off */ }
  };
})();
