/* bibnum search: the query normalizer and the reader of the static, chunked index.
 *
 * The normalizer mirrors generator/search/normalize.py rule for rule (tests run both on
 * the same cases). The index layout is described in generator/search/static_index.py:
 * meta.json first, then only the word shards and result chunks a query needs.
 */
(function (root) {
  "use strict";

  var STOP_WORDS = {};
  ("a ai au aux avec c ce ces d dans de des du elle en es et eu eux il ils j je l la le les leur leurs " +
   "lui m ma mais me mes moi mon n ne nos notre nous on ou par pas pour qu que qui s sa se ses son " +
   "sur t ta te tes toi ton tu un une vos votre vous y").split(" ").forEach(function (w) { STOP_WORDS[w] = true; });
  var DIACRITICS = /[\u0300-\u036f]/g;
  var WORD = /[a-z0-9]+/g;
  var DIGITS = /^[0-9]+$/;
  // Weight of a word found in the title, a strong field, a medium field, the body (postings.py CLASSES).
  var WEIGHTS = [10, 6, 3, 1];
  var PREFIX_FACTOR = 0.7;  // a word the reader has only begun counts a little less than a whole one
  var KEEP_RATIO = 0.25;    // results scoring under a quarter of the best one are noise

  function fold(text) {
    return String(text).toLowerCase().replace(/œ/g, "oe").replace(/æ/g, "ae").replace(/ß/g, "ss").replace(/ø/g, "o")
      .normalize("NFD").replace(DIACRITICS, "");
  }

  function words(text) {
    return fold(text).match(WORD) || [];
  }

  function depluralize(word) {
    var n = word.length;
    if (n <= 3) { return word; }
    if (/eaux$/.test(word)) { return word.slice(0, -1); }
    if (/aux$/.test(word)) { return word.slice(0, -3) + "al"; }
    if (/(eux|oux)$/.test(word)) { return word.slice(0, -1); }
    if (/s$/.test(word) && !/ss$/.test(word)) { return word.slice(0, -1); }
    return word;
  }

  function queryTerms(query) {
    var found = words(query);
    if (!found.length) { return []; }
    var last = String(query).slice(-1);
    var typing = !/\s/.test(last) && /[a-z0-9]/.test(fold(last));
    var terms = found.map(function (w, i) {
      return { word: w, singular: depluralize(w), prefix: typing && i === found.length - 1 };
    });
    var kept = terms.filter(function (t) { return t.word.length > 1 || DIGITS.test(t.word); });
    var content = kept.filter(function (t) { return !STOP_WORDS[t.word]; });
    return content.length ? content : kept;
  }

  /* ---- the static index ------------------------------------------------------------- */

  function StaticIndex(base) {
    this.base = base;              // URL of the bn-search/ folder, ending with "/"
    this.cache = {};               // path -> Promise of parsed JSON
    this.meta = null;
  }

  StaticIndex.prototype.json = function (path, fresh) {
    var url = this.base + path;
    if (!this.cache[path]) {
      this.cache[path] = fetch(url, fresh ? { cache: "no-cache" } : {}).then(function (response) {
        if (!response.ok) { throw new Error(url + ": HTTP " + response.status); }
        return response.json();
      });
      var cache = this.cache;
      this.cache[path].catch(function () { delete cache[path]; });  // a failed fetch may be retried
    }
    return this.cache[path];
  };

  StaticIndex.prototype.ready = function () {
    var self = this;
    return this.json("meta.json", true).then(function (meta) {
      if (!self.meta) {
        self.meta = meta;
        // "name.digest name.digest ...": a file is named by its content (static_index.py).
        self.shardNames = {};
        self.longest = 0;
        meta.shards.split(" ").forEach(function (token) {
          var dot = token.lastIndexOf(".");
          var name = token.slice(0, dot);
          self.shardNames[name] = token.slice(dot + 1);
          self.longest = Math.max(self.longest, name.length);
        });
        self.blocks = meta.docs.split(" ");
      }
      return meta;
    });
  };

  StaticIndex.prototype.shardFor = function (word) {
    for (var n = Math.min(word.length, this.longest); n > 0; n -= 1) {
      if (Object.prototype.hasOwnProperty.call(this.shardNames, word.slice(0, n))) { return word.slice(0, n); }
    }
    return null;
  };

  StaticIndex.prototype.shard = function (name) {
    return this.json("s/" + name + "." + this.shardNames[name] + ".json");
  };

  /* Entries of a shard matching one word: exact words and their stem group at full weight,
     words that merely start with it at PREFIX_FACTOR (only while typing, or when nothing else matches). */
  function matches(entries, word, prefix) {
    var groups = {}, found = [], i;
    for (i = 0; i < entries.length; i += 1) {
      if (entries[i][0] === word) { groups[entries[i][1]] = true; }
    }
    for (i = 0; i < entries.length; i += 1) {
      if (groups[entries[i][1]]) { found.push([entries[i], 1]); }
    }
    if (prefix || !found.length) {
      for (i = 0; i < entries.length; i += 1) {
        if (!groups[entries[i][1]] && entries[i][0].lastIndexOf(word, 0) === 0) {
          found.push([entries[i], PREFIX_FACTOR]);
        }
      }
    }
    return found;
  }

  function scores(found) {
    var best = {};
    found.forEach(function (pair) {
      var codes = pair[0][2], doc = -1;
      for (var i = 0; i < codes.length; i += 1) {
        doc += Math.floor(codes[i] / 4);
        var weight = WEIGHTS[codes[i] % 4] * pair[1];
        if (!(best[doc] >= weight)) { best[doc] = weight; }
      }
    });
    return best;
  }

  /* doc id -> best weight for one query term: the word itself, else its singular. */
  StaticIndex.prototype.lookup = function (term) {
    var self = this;
    var candidates = term.singular !== term.word ? [term.word, term.singular] : [term.word];
    function attempt(i) {
      if (i >= candidates.length) { return Promise.resolve({}); }
      var name = self.shardFor(candidates[i]);
      if (!name) { return attempt(i + 1); }
      return self.shard(name).then(function (entries) {
        var found = matches(entries, candidates[i], term.prefix);
        return found.length ? scores(found) : attempt(i + 1);
      });
    }
    return attempt(0);
  };

  function combine(maps) {
    var smallest = maps.reduce(function (a, b) { return Object.keys(a).length <= Object.keys(b).length ? a : b; });
    var all = {}, any = {}, doc;
    Object.keys(smallest).forEach(function (key) {
      var total = 0;
      for (var i = 0; i < maps.length; i += 1) {
        if (maps[i][key] === undefined) { return; }
        total += maps[i][key];
      }
      all[key] = total;
    });
    if (Object.keys(all).length || maps.length === 1) { return all; }
    // No document holds every word: rank those holding most of them.
    maps.forEach(function (map) {
      for (doc in map) {
        if (Object.prototype.hasOwnProperty.call(map, doc)) { any[doc] = (any[doc] || 0) + map[doc]; }
      }
    });
    Object.keys(any).forEach(function (key) { any[key] = any[key] / maps.length; });
    return any;
  }

  function inRanges(ranges, doc) {
    var low = 0, high = ranges.length - 1;
    while (low <= high) {
      var mid = (low + high) >> 1;
      if (doc < ranges[mid][0]) { high = mid - 1; } else if (doc >= ranges[mid][1]) { low = mid + 1; } else { return true; }
    }
    return false;
  }

  StaticIndex.prototype.typeOf = function (doc) {
    var types = this.meta.types;
    for (var i = 0; i < types.length; i += 1) {
      if (doc >= types[i][1] && doc < types[i][2]) { return types[i][0]; }
    }
    return null;
  };

  StaticIndex.prototype.docs = function (ids) {
    var self = this, chunk = this.meta.chunk;
    var chunks = {};
    ids.forEach(function (id) { chunks[Math.floor(id / chunk)] = true; });
    var names = Object.keys(chunks);
    var block = this.meta.block;
    return Promise.all(names.map(function (n) {
      return self.json("d/" + n + "." + self.blocks[Math.floor(n / block)] + ".json");
    }))
      .then(function (loaded) {
        var rows = {};
        names.forEach(function (n, i) { rows[n] = loaded[i]; });
        return ids.map(function (id) {
          var row = rows[Math.floor(id / chunk)][id % chunk];
          return { id: id, type: self.typeOf(id), title: row[0], url: row[1], subtitle: row[2],
                   categories: row[3], audiences: row[4], date: row[5], when: row[6] };
        });
      });
  };

  /* {doc id: the title's own address, or ""} for the titles among IDS: the link chunks beside the
     display chunks (static_index.py), which the portal's search never reads; the search widget does. */
  StaticIndex.prototype.links = function (ids) {
    var self = this, chunk = this.meta.chunk, block = this.meta.block;
    var titles = ids.filter(function (id) { return self.typeOf(id) === "title"; });
    var chunks = {};
    titles.forEach(function (id) { chunks[Math.floor(id / chunk)] = true; });
    var names = Object.keys(chunks);
    return Promise.all(names.map(function (n) {
      return self.json("l/" + n + "." + self.blocks[Math.floor(n / block)] + ".json");
    }))
      .then(function (loaded) {
        var links = {}, rows = {};
        names.forEach(function (n, i) { rows[n] = loaded[i]; });
        titles.forEach(function (id) { links[id] = rows[Math.floor(id / chunk)][id % chunk] || ""; });
        return links;
      });
  };

  /* The shared backend interface (search-algolia.js answers the same way):
     search(query, {type, category, audience, when}, perGroup) -> Promise of
     {terms, total, counts: {type: n}, groups: [{type, total, items: [doc...]}]} or null. */
  StaticIndex.prototype.search = function (query, filters, perGroup) {
    var self = this;
    var terms = queryTerms(query);
    if (!terms.length) { return Promise.resolve(null); }
    return this.ready().then(function () {
      var facetsNeeded = filters.category || filters.audience || filters.when;
      return Promise.all([
        Promise.all(terms.map(function (t) { return self.lookup(t); })),
        facetsNeeded ? self.json("f." + self.meta.facets + ".json") : Promise.resolve(null)
      ]);
    }).then(function (loaded) {
      var scored = combine(loaded[0]), facets = loaded[1];
      function kept(doc) {
        return ["category", "audience", "when"].every(function (name) {
          var value = filters[name];
          return !value || inRanges((facets[name] || {})[value] || [], doc);
        });
      }
      var ids = Object.keys(scored).map(Number).filter(kept);
      var best = ids.reduce(function (m, doc) { return Math.max(m, scored[doc]); }, 0);
      ids = ids.filter(function (doc) { return scored[doc] >= best * KEEP_RATIO; });
      ids.sort(function (a, b) { return scored[b] - scored[a] || a - b; });
      // A best bet (static_index.best_bets): the query, as a whole, names a document to show first.
      var bets = self.meta.bets || {};
      var key = words(query).join(" ");
      var bet = Object.prototype.hasOwnProperty.call(bets, key) ? bets[key] : null;
      if (bet !== null && kept(bet)) {
        ids = [bet].concat(ids.filter(function (doc) { return doc !== bet; }));
        scored[bet] = Math.max(scored[bet] || 0, best);
      } else {
        bet = null;
      }
      var counts = {}, byType = {};
      ids.forEach(function (doc) {
        var type = self.typeOf(doc);
        counts[type] = (counts[type] || 0) + 1;
        (byType[type] = byType[type] || []).push(doc);
      });
      // Resources first (what readers come for), then the group holding the best match.
      var types = self.meta.types.map(function (t) { return t[0]; });
      var order = types.filter(function (type) { return byType[type] && (!filters.type || filters.type === type); })
        .sort(function (a, b) {
          return (a !== "resource") - (b !== "resource") || scored[byType[b][0]] - scored[byType[a][0]] ||
            types.indexOf(a) - types.indexOf(b);
        });
      var shown = [];
      order.forEach(function (type) { shown = shown.concat(byType[type].slice(0, perGroup)); });
      return self.docs(shown).then(function (docs) {
        var byId = {};
        docs.forEach(function (d) { d.score = scored[d.id]; byId[d.id] = d; });
        return {
          terms: terms,
          total: ids.length,
          counts: counts,
          groups: order.map(function (type) {
            return { type: type, total: counts[type],
                     items: rerank(byType[type].slice(0, perGroup).map(function (id) { return byId[id]; }), query, bet) };
          })
        };
      });
    });
  };

  /* Among the results shown, the query's best bet comes first, then a title equal to the query,
     then titles starting with it. */
  function rerank(items, query, bet) {
    var wanted = words(query).join(" ");
    function closeness(item) {
      if (item.id === bet) { return 3; }
      var title = words(item.title).join(" ");
      return title === wanted ? 2 : (title.lastIndexOf(wanted, 0) === 0 ? 1 : 0);
    }
    return items.map(function (item, i) { return [closeness(item), i, item]; })
      .sort(function (a, b) { return b[0] - a[0] || a[1] - b[1]; })
      .map(function (x) { return x[2]; });
  }

  root.BibnumSearch = root.BibnumSearch || {};
  root.BibnumSearch.normalize = { fold: fold, words: words, depluralize: depluralize, queryTerms: queryTerms };
  root.BibnumSearch.StaticIndex = StaticIndex;
})(window);
