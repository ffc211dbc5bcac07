/* bibnum: progressive enhancements. Every feature works without this file. */
(function () {
  "use strict";

  var STORAGE_KEY = "bibnum.library";

  function storage() {
    try { return window.localStorage; } catch (e) { return null; }
  }

  /* Catalogue: filter the cards instantly; the facet pages remain for no-JS readers. */
  function setupFilter(form) {
    var cards = Array.prototype.slice.call(document.querySelectorAll("[data-bn-cards] > li"));
    var count = form.querySelector("[data-bn-count]");
    var empty = document.querySelector("[data-bn-empty]");
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    function apply() {
      var shown = 0;
      cards.forEach(function (card) {
        var ok = selects.every(function (select) {
          if (!select.value) { return true; }
          var values = (card.getAttribute("data-" + select.name) || "").split(" ");
          return values.indexOf(select.value) !== -1;
        });
        card.hidden = !ok;
        if (ok) { shown += 1; }
      });
      if (count) { count.textContent = String(shown); }
      if (empty) { empty.hidden = shown !== 0; }
    }
    selects.forEach(function (select) { select.addEventListener("change", apply); });
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply();
  }

  /* Resource page: choose one's library once; the access button then uses its login. */
  function setupChooser(chooser) {
    var form = chooser.querySelector("[data-bn-chooser-form]");
    var select = chooser.querySelector("[data-bn-library-select]");
    var list = chooser.querySelector("[data-bn-chooser-list]");
    var note = chooser.querySelector("[data-bn-chooser-note]");
    var button = document.querySelector("[data-bn-access-button]");
    if (!form || !select || !button) { return; }
    var networkHref = button.getAttribute("href");
    var store = storage();

    function choose(id, remember) {
      var option = null;
      for (var i = 0; i < select.options.length; i += 1) {
        if (select.options[i].value === id && id) { option = select.options[i]; }
      }
      if (option) {
        select.value = id;
        button.setAttribute("href", option.getAttribute("data-href"));
        button.setAttribute("data-library", id);
        if (note) { note.textContent = option.textContent + " — " + chooser.getAttribute("data-remembered"); }
        if (remember && store) { store.setItem(STORAGE_KEY, id); }
      } else {
        select.value = "";
        button.setAttribute("href", networkHref);
        button.removeAttribute("data-library");
        if (note) { note.textContent = ""; }
        if (remember && store) { store.removeItem(STORAGE_KEY); }
      }
    }

    select.addEventListener("change", function () { choose(select.value, true); });
    form.hidden = false;
    if (list) { list.open = false; }
    choose(store ? store.getItem(STORAGE_KEY) : "", false);
  }

  /* Tables and code wider than the screen scroll sideways: each such region must be reachable from
     the keyboard (WCAG 2.1.1). Material wraps Markdown tables once the page is loaded (hence
     document$) and makes wide code focusable only on devices without touch. */
  function scrollableRegions() {
    var regions = document.querySelectorAll(".md-typeset__scrollwrap:not([tabindex]), .md-typeset pre > code:not([tabindex])");
    Array.prototype.forEach.call(regions, function (region) {
      if (region.scrollWidth <= region.clientWidth) { return; }
      region.setAttribute("tabindex", "0");
      var caption = region.querySelector("caption");
      if (caption) {
        region.setAttribute("role", "region");
        region.setAttribute("aria-label", caption.textContent);
      }
    });
  }

  /* Material's header buttons (the menu, and the search on phones) are <label>s of hidden
     checkboxes: no keyboard access, no name. Make them buttons, named after what they open
     (Material's own French labels), with Escape closing the menu (WCAG 2.1.1, 4.1.2). */
  function headerButtons() {
    var names = { __drawer: ".md-nav--primary", __search: ".md-search__input" };
    var labels = document.querySelectorAll("label.md-header__button[for]");
    Array.prototype.forEach.call(labels, function (label) {
      var toggle = document.getElementById(label.htmlFor);
      if (!toggle || label.hasAttribute("tabindex")) { return; }
      var named = names[label.htmlFor] ? document.querySelector(names[label.htmlFor]) : null;
      label.setAttribute("role", "button");
      label.setAttribute("tabindex", "0");
      if (named && named.getAttribute("aria-label") && !label.hasAttribute("aria-label")) {
        label.setAttribute("aria-label", named.getAttribute("aria-label"));
      }
      label.setAttribute("aria-expanded", String(toggle.checked));
      toggle.addEventListener("change", function () { label.setAttribute("aria-expanded", String(toggle.checked)); });
      label.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); label.click(); }
      });
    });
    var drawer = document.getElementById("__drawer");
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || !drawer || !drawer.checked) { return; }
      drawer.checked = false;
      drawer.dispatchEvent(new Event("change"));
      var button = document.querySelector('label.md-header__button[for="__drawer"]');
      if (button) { button.focus(); }
    });
  }

  function init() {
    headerButtons();
    var form = document.querySelector("[data-bn-filter]");
    if (form) { setupFilter(form); }
    var chooser = document.querySelector("[data-bn-chooser]");
    if (chooser) { setupChooser(chooser); }
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(scrollableRegions);
  }
  window.addEventListener("resize", scrollableRegions);

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
