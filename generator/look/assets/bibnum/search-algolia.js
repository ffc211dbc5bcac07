/* bibnum search through Algolia, for sites whose data/sites.yml names an Algolia index.
 *
 * Loaded by search.js only then, after the vendored search-only client
 * (assets/vendor/algoliasearch/algoliasearch-lite.umd.js). Answers like StaticIndex.search
 * (search-index.js), so the box, its groups and its facets stay the same; the records and
 * settings are those `bibnum search push` sends (generator/search/algolia.py).
 */
(function (root) {
  "use strict";

  var NS = root.BibnumSearch;

  function AlgoliaIndex(appId, searchKey, indexName, meta, fallback) {
    this.client = root["algoliasearch/lite"].liteClient(appId, searchKey);
    this.indexName = indexName;
    this.types = meta.labels.type_order;
    this.fallback = fallback;  // the static index answers when Algolia cannot be reached
  }

  function facetFilters(filters) {
    var list = [];
    if (filters.category) { list.push("categories:" + filters.category); }
    if (filters.audience) { list.push("audiences:" + filters.audience); }
    if (filters.when) { list.push("when:" + filters.when); }
    return list;
  }

  function item(hit, type) {
    return { id: hit.objectID, type: type, title: hit.title, url: hit.url, subtitle: hit.subtitle || "",
             categories: hit.categories || [], audiences: hit.audiences || [], date: hit.date || "", when: hit.when || "" };
  }

  /* One request for the counts by type, one per type for its first results: a single round trip. */
  AlgoliaIndex.prototype.search = function (query, filters, perGroup) {
    var self = this;
    var terms = NS.normalize.queryTerms(query);
    if (!terms.length) { return Promise.resolve(null); }
    var common = facetFilters(filters);
    var types = this.types.filter(function (type) { return !filters.type || filters.type === type; });
    var requests = [{ indexName: this.indexName, query: query, hitsPerPage: 0, facets: ["type"], facetFilters: common }];
    types.forEach(function (type) {
      requests.push({ indexName: self.indexName, query: query, hitsPerPage: perGroup,
                      facetFilters: common.concat(["type:" + type]) });
    });
    return this.client.search({ requests: requests }).then(function (response) {
      var results = response.results;
      var counts = (results[0].facets && results[0].facets.type) || {};
      var groups = [];
      types.forEach(function (type, i) {
        var result = results[i + 1];
        if (result && result.nbHits) {
          groups.push({ type: type, total: result.nbHits,
                        items: result.hits.map(function (hit) { return item(hit, type); }) });
        }
      });
      return { terms: terms, total: results[0].nbHits, counts: counts, groups: groups };
    }, function () {
      return self.fallback.search(query, filters, perGroup);
    });
  };

  NS.AlgoliaIndex = AlgoliaIndex;
})(window);
