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

  function init() {
    var form = document.querySelector("[data-bn-filter]");
    if (form) { setupFilter(form); }
    var chooser = document.querySelector("[data-bn-chooser]");
    if (chooser) { setupChooser(chooser); }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
