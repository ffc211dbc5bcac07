/* <bibnum-recherche bibliotheque="ID">: the network's search inside another site's page (issue 17).
 *
 * generator/outputs/widget.py writes widget/bibnum-recherche.js as search-index.js and
 * search-render.js (the portal's own index reader and result builders, in a scope of their
 * own: nothing leaks into the host page) followed by this file, given NS (their namespace),
 * SETTINGS (the portal's strings and library ids, from the build) and CSS. Every address is
 * derived from this script's own src, never from the host page: the index is the portal's
 * bn-search/, and each library's access links are widget/acces/<library>.json, computed at
 * build time. Texts go in through textContent only.
 */
"use strict";

var R = NS.render;
var SHOWN = { resource: true, title: true };  // events, posts, libraries stay on the portal
var PER_GROUP = 5;
var LIBRARY_ID = /^[a-z0-9][a-z0-9_-]*$/;
var here = document.currentScript || document.querySelector('script[src$="/' + SETTINGS.script + '"]');
var home = new URL("../", here.src).href;  // the portal's root: the script lives in <portal>/widget/
// The portal's static index (generator/search/__init__.py INDEX_DIR), one per page, shared by every widget.
var index = new NS.StaticIndex(new URL("bn-search/", home).href);
var accesses = Object.create(null);  // library id ("" for the portal's own login) -> Promise of its access links

function known(library) {
  return LIBRARY_ID.test(library) && SETTINGS.libraries.indexOf(library) >= 0;
}

function accessOf(library) {
  var file = known(library) ? R.format(SETTINGS.library_access, { library: library }) : SETTINGS.portal_access;
  var key = known(library) ? library : "";
  if (!accesses[key]) {
    accesses[key] = fetch(new URL(file, home).href).then(function (response) {
      if (!response.ok) { throw new Error(file + ": HTTP " + response.status); }
      return response.json();
    });
    accesses[key].catch(function () { delete accesses[key]; });
  }
  return accesses[key];
}

function say(key, values) { return R.format(SETTINGS.strings[key], values || {}); }

function styleOf(shadow) {
  // A constructed sheet is not an inline style: a host page's Content-Security-Policy lets it in.
  if (shadow.adoptedStyleSheets !== undefined && typeof CSSStyleSheet === "function") {
    try {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      shadow.adoptedStyleSheets = [sheet];
      return;
    } catch (error) { /* an older browser: the <style> element below */ }
  }
  shadow.appendChild(R.el("style", "", CSS));
}

function Widget(host) {
  var shadow = host.attachShadow({ mode: "open" });
  styleOf(shadow);
  var box = R.el("div", "box");
  box.setAttribute("role", "search");
  var label = R.el("label", "label", say("label", { portal: SETTINGS.portal }));
  label.htmlFor = "bn-widget-input";
  var input = R.el("input", "input");
  input.id = "bn-widget-input";
  input.type = "text";
  input.autocomplete = "off";
  input.spellcheck = false;
  input.placeholder = say("placeholder");
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", "bn-widget-results");
  input.setAttribute("aria-describedby", "bn-widget-status");
  this.notice = R.el("p", "notice");
  this.notice.hidden = true;
  this.status = R.el("p", "status");
  this.status.id = "bn-widget-status";
  this.status.setAttribute("role", "status");
  this.status.setAttribute("aria-live", "polite");
  this.results = R.el("div", "results");
  this.results.id = "bn-widget-results";
  this.results.setAttribute("role", "listbox");
  this.results.setAttribute("aria-label", say("results_label"));
  this.hint = R.el("p", "hint", say("hint"));
  this.hint.hidden = true;
  [label, input, this.notice, this.status, this.results, this.hint].forEach(function (node) { box.appendChild(node); });
  shadow.appendChild(box);
  this.host = host;
  this.input = input;
  this.options = [];
  this.active = -1;
  this.seq = 0;
  this.rendered = null;
  this.enterPending = false;
  this.library = host.getAttribute(SETTINGS.attribute) || "";
  if (!known(this.library)) {
    this.notice.textContent = say("unknown", { library: this.library, portal: SETTINGS.portal });
    this.notice.hidden = false;
  }
  var self = this;
  input.addEventListener("input", function () { self.run(); });
  input.addEventListener("keydown", function (event) { self.key(event); });
}

Widget.prototype.setActive = function (position) {
  var options = this.options;
  options.forEach(function (option) { option.classList.remove("active"); option.setAttribute("aria-selected", "false"); });
  this.active = position >= 0 && position < options.length ? position : -1;
  if (this.active < 0) { this.input.removeAttribute("aria-activedescendant"); return; }
  var option = options[this.active];
  option.classList.add("active");
  option.setAttribute("aria-selected", "true");
  this.input.setAttribute("aria-activedescendant", option.id);
  if (option.scrollIntoView) { option.scrollIntoView({ block: "nearest" }); }
};

Widget.prototype.open = function (option) {
  if (option) { window.location.assign(option.href); }
};

Widget.prototype.key = function (event) {
  var count = this.options.length;
  if (event.key === "ArrowDown" || event.key === "ArrowUp") {
    event.preventDefault();
    if (!count) { return; }
    var step = event.key === "ArrowDown" ? 1 : -1;
    var from = this.active >= 0 ? this.active : (step > 0 ? -1 : count);
    this.setActive((from + step + count) % count);
  } else if (event.key === "Enter") {
    event.preventDefault();
    if (this.rendered !== this.input.value && this.input.value.trim()) {
      this.enterPending = true;  // the results of what was just typed are on their way
    } else {
      this.open(this.options[Math.max(this.active, 0)]);
    }
  } else if (event.key === "Escape") {
    event.preventDefault();
    if (this.input.value) { this.input.value = ""; this.clear(); } else { this.input.blur(); }
  }
};

Widget.prototype.clear = function () {
  this.seq += 1;
  this.rendered = null;
  this.enterPending = false;
  this.options = [];
  this.results.textContent = "";
  this.status.textContent = "";
  this.hint.hidden = true;
  this.input.setAttribute("aria-expanded", "false");
  this.setActive(-1);
};

/* Percent-encoding once, as Python's quote(value, safe="") does in access.py (ENC, DESIGN.md §6). */
function encoded(value) {
  return encodeURIComponent(value).replace(/[!'()*]/g, function (c) {
    return "%" + c.charCodeAt(0).toString(16).toUpperCase();
  });
}

function own(map, key) {
  return Object.prototype.hasOwnProperty.call(map, key) ? map[key] : null;
}

/* Where a result opens: a title at its own address inside its resource's login (the recipe the
   build made for this library: before, after, "encoded" or "raw"), a resource (or a title without
   a recipe) through the library's access link to the resource, else (read on site only) its page
   on the portal. */
Widget.prototype.linkOf = function (item, access) {
  var recipe = item.type === "title" && item.target ? own(access.titles || {}, item.url) : null;
  if (recipe) { return recipe[0] + (recipe[2] === "raw" ? item.target : encoded(item.target)) + recipe[1]; }
  return own(access.links, item.url) || new URL(item.url, home).href;
};

Widget.prototype.render = function (res, access, query) {
  var self = this, labels = index.meta.labels;
  var groups = res.groups.filter(function (group) { return SHOWN[group.type]; });
  var total = groups.reduce(function (sum, group) { return sum + group.total; }, 0);
  this.results.textContent = "";
  this.options = [];
  groups.forEach(function (group) {
    var box = R.group(group, labels);
    group.items.forEach(function (item) {
      var option = R.option(item, labels, res.terms || [], home, self.options.length);
      option.href = self.linkOf(item, access);
      self.options.push(option);
      box.appendChild(option);
    });
    self.results.appendChild(box);
  });
  this.status.textContent = total ? R.plural(total, labels.ui.results)
    : R.format(labels.ui.none, { query: query.trim() });
  this.input.setAttribute("aria-expanded", String(this.options.length > 0));
  this.hint.hidden = !this.options.length;
  this.rendered = query;
  this.setActive(-1);
  this.host.setAttribute("data-rendered", query);  // tests wait on it
  if (this.enterPending && query === this.input.value) {
    this.enterPending = false;
    this.open(this.options[0]);
  }
};

Widget.prototype.run = function () {
  var self = this, query = this.input.value, seq = ++this.seq;
  if (!query.trim()) { this.clear(); return; }
  if (!NS.normalize.queryTerms(query).length) { this.clear(); this.status.textContent = say("short"); return; }
  Promise.all([index.search(query, {}, PER_GROUP), accessOf(this.library)]).then(function (loaded) {
    var found = loaded[0], titles = [];
    (found ? found.groups : []).forEach(function (group) {
      if (group.type === "title") { group.items.forEach(function (item) { titles.push(item.id); }); }
    });
    // The titles' own addresses are kept apart from the results (the portal's search never needs them).
    return index.links(titles).then(function (links) {
      (found ? found.groups : []).forEach(function (group) {
        group.items.forEach(function (item) { item.target = links[item.id] || ""; });
      });
      return loaded;
    });
  }).then(function (loaded) {
    if (seq === self.seq && loaded[0]) { self.render(loaded[0], loaded[1], query); }
  }).catch(function () {
    if (seq === self.seq) { self.clear(); self.status.textContent = say("error"); }
  });
};

if (!window.customElements.get(SETTINGS.tag)) {  // the script pasted twice defines it once
  window.customElements.define(SETTINGS.tag, class extends HTMLElement {
    connectedCallback() {
      if (!this.shadowRoot) { this.widget = new Widget(this); }
    }
  });
}
