// bibnum serve only (generator/live/): never part of a published site.
// Reloads the page once the site it belongs to was rebuilt (keeping the scroll position when the
// page still exists), and shows the editor's mistakes in a banner while the sources are invalid.
// Everything the banner shows is set with textContent: a message quotes the editor's input.
(function () {
  "use strict";
  var me = document.currentScript;
  if (!me || !window.EventSource) return;
  var session = me.dataset.session;
  var served = Number(me.dataset.generation);
  var site = location.pathname.split("/")[1] || "";
  var scrollKey = "bibnum-preview-scroll:" + location.pathname;
  var banner = null;
  var shown = null; // the problems the banner lists, as JSON
  var dismissed = null; // the problems the editor hid: shown again once they change
  var reloading = false;

  var kept = sessionStorage.getItem(scrollKey);
  if (kept !== null) {
    sessionStorage.removeItem(scrollKey);
    window.addEventListener("load", function () { window.scrollTo(0, Number(kept)); });
  }

  function reload() {
    if (reloading) return;
    reloading = true;
    // A page that no longer exists: the server sends its site's 404 page, with no scroll to keep.
    fetch(location.pathname + location.search, {method: "HEAD", cache: "no-store"}).then(function (response) {
      if (response.ok) sessionStorage.setItem(scrollKey, String(window.scrollY));
      location.reload();
    }, function () { reloading = false; }); // the server is gone: the stream tells when it is back
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function hide() {
    if (banner) banner.remove();
    banner = null;
  }

  function show(state) {
    var key = JSON.stringify(state.problems);
    if (banner && key === shown) return; // the same mistakes: not announced again
    hide();
    if (!state.problems.length || key === dismissed) return;
    var texts = state.texts;
    shown = key;
    banner = element("aside", "bibnum-preview");
    banner.setAttribute("aria-label", texts.label);
    var alert = element("div", "bibnum-preview__alert");
    alert.setAttribute("role", "alert");
    alert.append(element("p", "bibnum-preview__heading", texts.heading), element("p", "", texts.kept));
    var list = element("ul", "bibnum-preview__problems");
    state.problems.forEach(function (problem) {
      var item = element("li");
      if (problem.where) item.append(element("code", "bibnum-preview__where", problem.where), ": ");
      item.append(element("span", "bibnum-preview__message", problem.message));
      list.append(item);
    });
    alert.append(list);
    var close = element("button", "bibnum-preview__dismiss", texts.dismiss);
    close.type = "button";
    close.addEventListener("click", function () { dismiss(key); });
    banner.append(alert, close);
    document.body.prepend(banner);
  }

  function dismiss(key) {
    dismissed = key;
    hide();
  }

  document.addEventListener("keydown", function (event) {
    var typing = event.target.closest && event.target.closest("input, textarea, select, [contenteditable]");
    if (event.key === "Escape" && banner && !typing) dismiss(shown);
  });

  function receive(message) {
    var state = JSON.parse(message.data);
    // A page of no site (the preview's own 404 page) follows every build.
    var built = Object.prototype.hasOwnProperty.call(state.sites, site) ? state.sites[site] : state.generation;
    if (state.session !== session || built > served) {
      reload();
      return;
    }
    show(state);
  }

  // A browser opens a few connections at most to one server (6 in HTTP/1.1): a tab in the
  // background lets its stream go, so that many open tabs never stall the next page. Back in
  // front, the stream's first event says whether its site was rebuilt meanwhile.
  var stream = null;
  function follow() {
    if (document.hidden) {
      if (stream) stream.close();
      stream = null;
    } else if (!stream) {
      stream = new EventSource(me.dataset.events);
      stream.onmessage = receive;
    }
  }
  document.addEventListener("visibilitychange", follow);
  window.addEventListener("pagehide", function () {
    if (stream) stream.close();
    stream = null;
  });
  window.addEventListener("pageshow", follow); // back from the browser's page cache
  follow();
})();
