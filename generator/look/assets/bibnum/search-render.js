/* bibnum search box: the DOM of its results (pure builders; search.js wires them up).
 *
 * Every text goes in through textContent: titles and subtitles come from editors' data and
 * harvested feeds, never as HTML.
 */
(function (root) {
  "use strict";

  var NS = root.BibnumSearch;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (m, key) { return values[key] !== undefined ? values[key] : m; });
  }

  function plural(count, forms) {
    var pair = forms.split("|");
    return count.toLocaleString("fr-FR") + " " + (count < 2 ? pair[0] : pair[1]);
  }

  /* The title with the reader's words marked (folded comparison, original text kept). */
  function highlighted(title, terms) {
    var span = el("span", "bn-search__title");
    String(title).split(/([^\s\-'’:,.;!?()«»"]+)/).forEach(function (part, i) {
      var folded = NS.normalize.fold(part);
      var hit = i % 2 === 1 && terms.some(function (t) {
        return folded.lastIndexOf(t.word, 0) === 0 || folded.lastIndexOf(t.singular, 0) === 0;
      });
      span.appendChild(hit ? el("mark", "", part) : document.createTextNode(part));
    });
    return span;
  }

  function optionOf(node, index) {
    node.id = "bn-search-option-" + index;
    node.setAttribute("role", "option");
    node.setAttribute("aria-selected", "false");
    node.tabIndex = -1;  // the focus stays in the field; arrows move aria-activedescendant
    return node;
  }

  /* One result: its title (reader's words marked), one line of context, its facet labels. */
  function option(item, labels, terms, base, index) {
    var node = optionOf(el("a", "bn-search__item"), index);
    node.href = base + item.url;
    node.appendChild(highlighted(item.title, terms));
    if (item.subtitle) { node.appendChild(el("span", "bn-search__subtitle", item.subtitle)); }
    var tags = el("span", "bn-search__tags");
    (item.categories || []).forEach(function (c) { tags.appendChild(el("span", "bn-search__tag", labels.category[c] || c)); });
    (item.audiences || []).forEach(function (a) {
      tags.appendChild(el("span", "bn-search__tag bn-search__tag--audience", labels.audience[a] || a));
    });
    if (item.when) { tags.appendChild(el("span", "bn-search__tag bn-search__tag--" + item.when, labels.when[item.when])); }
    if (tags.childNodes.length) { node.appendChild(tags); }
    return node;
  }

  /* "See all": an option too, so arrows and Enter reach it; choosing it narrows to its type. */
  function more(type, text, index) {
    var node = optionOf(el("a", "bn-search__item bn-search__more", text), index);
    node.href = "#";
    node.setAttribute("data-bn-type", type);
    return node;
  }

  function group(result, labels) {
    var box = el("div", "bn-search__group");
    box.setAttribute("role", "group");
    var title = el("div", "bn-search__group-title", labels.type[result.type] + " ");
    title.id = "bn-search-group-" + result.type;
    title.setAttribute("role", "presentation");
    title.appendChild(el("span", "bn-search__count", result.total.toLocaleString("fr-FR")));
    box.setAttribute("aria-labelledby", title.id);
    box.appendChild(title);
    return box;
  }

  NS.render = { el: el, format: format, plural: plural, highlighted: highlighted, option: option, more: more,
                group: group };
})(window);
