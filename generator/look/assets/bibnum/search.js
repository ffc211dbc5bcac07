/* bibnum search box: results as you type, grouped by type, narrowed by facets, keyboard first.
 *
 * Markup: generator/look/partials/search.html; the results' DOM: search-render.js. Data: the
 * static index (search-index.js) or, when the site configures it, Algolia (search-algolia.js,
 * loaded only then). Labels come from the index's meta.json, generated from generator/i18n/fr.py.
 */
(function () {
  "use strict";

  var NS = window.BibnumSearch || {};
  var R = NS.render;
  var PER_GROUP_ALL = 3;   // results per group while every type is shown
  var PER_GROUP_ONE = 20;  // results when one type is chosen ("more" adds as many again)
  var FACETS = ["category", "audience", "when"];

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = function () { reject(new Error("cannot load " + src)); };
      document.head.appendChild(script);
    });
  }

  function setup(root) {
    var input = root.querySelector("[data-bn-search-input]");
    var form = root.querySelector("[data-bn-search-form]");
    var facetsBox = root.querySelector("[data-bn-search-facets]");
    var status = root.querySelector("[data-bn-search-status]");
    var results = root.querySelector("[data-bn-search-results]");
    var toggle = document.getElementById("__search");
    var base = root.getAttribute("data-bn-base");
    var staticIndex = new NS.StaticIndex(root.getAttribute("data-bn-index"));
    var hint = root.querySelector("[data-bn-search-hint]");
    // Shown with results only: while the panel is closed its link must not take a Tab stop.
    var browse = root.querySelector("[data-bn-search-browse]");
    var state = { filters: { type: "", category: "", audience: "", when: "" }, limit: PER_GROUP_ONE,
                  seq: 0, active: -1, options: [], labels: null, backend: null, controls: null,
                  rendered: null, enterPending: false, slow: null };

    function backend() {
      if (state.backend) { return state.backend; }
      state.backend = staticIndex.ready().then(function (meta) {
        state.labels = meta.labels;
        var app = root.getAttribute("data-bn-algolia-app");
        if (!app) { return staticIndex; }
        return loadScript(root.getAttribute("data-bn-algolia-client"))
          .then(function () { return loadScript(root.getAttribute("data-bn-algolia-script")); })
          .then(function () {
            return new NS.AlgoliaIndex(app, root.getAttribute("data-bn-algolia-key"),
                                       root.getAttribute("data-bn-algolia-index"), meta, staticIndex);
          })
          .catch(function () { return staticIndex; });  // Algolia unreachable: the static index still answers
      });
      state.backend.catch(function () { state.backend = null; });
      return state.backend;
    }

    function ui(key) { return state.labels ? state.labels.ui[key] : ""; }

    function open() {
      if (toggle && !toggle.checked) { toggle.checked = true; }
      backend();
    }

    function close() {
      if (toggle) { toggle.checked = false; }
      input.blur();
    }

    function setActive(index) {
      state.options.forEach(function (option) { option.classList.remove("bn-search__item--active"); option.setAttribute("aria-selected", "false"); });
      state.active = index >= 0 && index < state.options.length ? index : -1;
      if (state.active < 0) { input.removeAttribute("aria-activedescendant"); return; }
      var option = state.options[state.active];
      option.classList.add("bn-search__item--active");
      option.setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", option.id);
      if (option.scrollIntoView) { option.scrollIntoView({ block: "nearest" }); }
    }

    function choose(option) {
      if (!option) { return; }
      var type = option.getAttribute("data-bn-type");
      if (!type) { window.location.href = option.href; return; }
      if (type === state.filters.type) {  // already showing this type: show more of it
        state.limit += PER_GROUP_ONE;
        run();
      } else {
        setFilter("type", type, true);
      }
    }

    function setFilter(name, value, refocus) {
      state.filters[name] = value;
      state.limit = PER_GROUP_ONE;
      run();
      if (refocus) { input.focus(); }  // not after a select: arrows there would lose it
    }

    function buildControls() {
      var labels = state.labels;
      var types = R.el("div", "bn-search__types");
      types.setAttribute("role", "group");
      types.setAttribute("aria-label", ui("facet.type"));
      var selects = {};
      FACETS.forEach(function (name) {
        var select = R.el("select", "bn-search__facet");
        select.setAttribute("aria-label", ui("facet." + name));
        select.appendChild(new Option(ui("any." + name), ""));
        Object.keys(labels[name]).forEach(function (value) { select.appendChild(new Option(labels[name][value], value)); });
        select.addEventListener("change", function () { setFilter(name, select.value); });
        selects[name] = select;
      });
      facetsBox.appendChild(types);
      FACETS.forEach(function (name) { facetsBox.appendChild(selects[name]); });
      state.controls = { types: types, selects: selects };
    }

    function renderTypes(res) {
      var types = state.controls.types;
      types.textContent = "";
      var entries = [["", ui("all"), res.total]];
      state.labels.type_order.forEach(function (type) {
        if (res.counts[type]) { entries.push([type, state.labels.type[type], res.counts[type]]); }
      });
      entries.forEach(function (entry) {
        var button = R.el("button", "bn-search__type", entry[1] + " ");
        button.type = "button";
        button.setAttribute("aria-pressed", String(state.filters.type === entry[0]));
        button.appendChild(R.el("span", "bn-search__count", entry[2].toLocaleString("fr-FR")));
        button.addEventListener("click", function () { setFilter("type", entry[0], true); });
        types.appendChild(button);
      });
      state.controls.selects.when.hidden = !(res.counts.event || state.filters.when);
    }

    function render(res, query) {
      results.textContent = "";
      state.options = [];
      if (!state.controls) { buildControls(); }
      facetsBox.hidden = false;
      renderTypes(res);
      if (!res.total) {
        status.textContent = R.format(ui("none"), { query: query.trim() }) + " " + ui("none_hint");
      } else {
        status.textContent = R.plural(res.total, ui("results"));
      }
      res.groups.forEach(function (group) {
        var box = R.group(group, state.labels);
        group.items.forEach(function (item) {
          var option = R.option(item, state.labels, res.terms || [], base, state.options.length);
          state.options.push(option);
          box.appendChild(option);
        });
        if (group.total > group.items.length) {
          var more = R.more(group.type, state.filters.type ? ui("next")
                            : R.format(ui("more"), { count: group.total }), state.options.length);
          state.options.push(more);
          box.appendChild(more);
        }
        results.appendChild(box);
      });
      input.setAttribute("aria-expanded", String(state.options.length > 0));
      if (hint) { hint.textContent = ui("hint"); hint.hidden = !state.options.length; }
      if (browse) { browse.hidden = false; }
      state.rendered = query;
      setActive(-1);
      if (state.enterPending && query === input.value) {  // Enter was pressed before these results arrived
        state.enterPending = false;
        choose(state.options[0]);
      }
      // What the list shows now, and how many times it was drawn (tests and benchmarks wait on these).
      root.setAttribute("data-bn-rendered", query);
      root.setAttribute("data-bn-renders", String(Number(root.getAttribute("data-bn-renders") || 0) + 1));
      root.dispatchEvent(new CustomEvent("bn-search-rendered", { detail: { query: query, total: res.total } }));
    }

    function clear() {
      state.seq += 1;
      state.rendered = null;
      state.enterPending = false;
      window.clearTimeout(state.slow);
      if (hint) { hint.hidden = true; }
      if (browse) { browse.hidden = true; }
      results.textContent = "";
      status.textContent = "";
      facetsBox.hidden = true;
      state.options = [];
      input.setAttribute("aria-expanded", "false");
      setActive(-1);
    }

    function run() {
      var query = input.value;
      var seq = ++state.seq;
      if (!query.trim()) { clear(); return; }
      backend().then(function (engine) {
        if (seq !== state.seq) { return null; }
        if (!NS.normalize.queryTerms(query).length) {
          clear();
          status.textContent = ui("short");
          return null;
        }
        var perGroup = state.filters.type ? state.limit : PER_GROUP_ALL;
        window.clearTimeout(state.slow);
        state.slow = window.setTimeout(function () {  // say so only when the network is slow
          if (seq === state.seq) { status.textContent = ui("loading"); }
        }, 400);
        return engine.search(query, state.filters, perGroup).then(function (res) {
          window.clearTimeout(state.slow);
          if (seq === state.seq && res) { render(res, query); }
        });
      }).catch(function () {
        if (seq === state.seq) { clear(); status.textContent = ui("error") || "…"; }
      });
    }

    input.addEventListener("focus", open);
    root.addEventListener("focusout", function (event) {
      // Tab out of the box closes its panel (on a phone it covers the page the focus moves to).
      // A tap on plain text inside the panel has no relatedTarget and keeps it open.
      if (event.relatedTarget && !root.contains(event.relatedTarget) && toggle) { toggle.checked = false; }
    });
    input.addEventListener("input", run);
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        var count = state.options.length;
        if (count) {
          // Down from the field goes to the first result, up to the last; both wrap around.
          var from = state.active < 0 ? (event.key === "ArrowDown" ? -1 : count) : state.active;
          setActive((from + (event.key === "ArrowDown" ? 1 : -1) + count) % count);
        }
      } else if (event.key === "Enter") {
        event.preventDefault();
        if (state.rendered !== input.value && input.value.trim()) {
          state.enterPending = true;  // the results of what was just typed are on their way
        } else {
          choose(state.options[state.active >= 0 ? state.active : 0]);
        }
      } else if (event.key === "Escape") {
        event.preventDefault();
        if (input.value) { input.value = ""; clear(); } else { close(); }
      }
    });
    results.addEventListener("click", function (event) {
      var option = event.target.closest && event.target.closest("[data-bn-type]");
      if (option) { event.preventDefault(); choose(option); }
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () { window.setTimeout(function () { clear(); input.focus(); }, 0); });
    if (toggle) {
      toggle.addEventListener("change", function () { if (toggle.checked) { input.focus(); } });
    }
    document.addEventListener("keydown", function (event) {
      var target = event.target;
      var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        open();
        input.focus();
      }
    });
    // A page opened with ?q=… (the browser's search bar, through opensearch.xml) runs that search.
    var asked = new URLSearchParams(window.location.search).get("q");
    if (asked && asked.trim()) {
      input.value = asked;
      open();
      input.focus();
      run();
    }
  }

  function init() {
    var root = document.querySelector("[data-bn-search]");
    if (root && NS.StaticIndex && R) { setup(root); }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
