// Quote search, in the browser. Classic script (module scripts do not load from file://), no inline code (the
// page's Content-Security-Policy forbids it). The engine and the index load on first focus or input, by
// adding <script src> elements: fetch() of a JSON file does not work from file://.
(function () {
  "use strict";
  var input = document.getElementById("q");
  var form = document.getElementById("search-form");
  var status = document.getElementById("search-status");
  var list = document.getElementById("results");
  if (!input || !status || !list) return;
  var LIMIT = 50;
  var engine = null;
  var data = null;
  var loading = null;

  function addScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = src;
      s.onload = resolve;
      s.onerror = function () {
        reject(new Error("could not load " + src));
      };
      document.head.appendChild(s);
    });
  }

  function load() {
    if (loading) return loading;
    status.textContent = "Loading the search index…";
    var started = performance.now();
    loading = addScript(input.dataset.engine)
      .then(function () {
        return addScript(input.dataset.index);
      })
      .then(function () {
        data = window.parleySearch;
        engine = window.MiniSearch.loadJS(data.index, { idField: "id", fields: ["text", "speaker"], storeFields: [] });
        data.index = null;
        window.parleySearch = null;
        document.documentElement.dataset.searchLoadMs = String(Math.round(performance.now() - started));
        status.textContent = "Search index loaded: " + data.docs.length + " quotes.";
      })
      .catch(function (err) {
        status.textContent = "The search index could not be loaded (" + err.message + ").";
        throw err;
      });
    return loading;
  }

  function link(text, href) {
    if (!href) return document.createTextNode(text);
    var a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    return a;
  }

  // Results are built with textContent only: a quote holding markup shows as text.
  function render(query) {
    var started = performance.now();
    list.textContent = "";
    if (query.trim().length === 0) {
      status.textContent = "Type to search " + data.docs.length + " quotes.";
      return;
    }
    var hits = engine.search(query, { prefix: true, combineWith: "AND", boost: { speaker: 2 } });
    var shown = hits.slice(0, LIMIT);
    var fragment = document.createDocumentFragment();
    shown.forEach(function (hit) {
      // A doc is [text, speaker, meeting or -1, collection]; the last three point into their tables.
      var d = data.docs[hit.id];
      var who = data.speakers[d[1]];
      var li = document.createElement("li");
      var quote = document.createElement("blockquote");
      quote.textContent = d[0];
      li.appendChild(quote);
      var by = document.createElement("p");
      by.className = "by";
      by.appendChild(document.createTextNode("— "));
      var speaker = link(who[0], who[1]);
      if (speaker.nodeType === 1) speaker.className = "speaker";
      by.appendChild(speaker);
      if (d[2] >= 0) {
        var where = data.meetings[d[2]];
        by.appendChild(document.createTextNode(" at "));
        var meeting = link(where[0], where[1]);
        meeting.className = "meeting";
        by.appendChild(meeting);
      }
      by.appendChild(document.createTextNode(" · " + data.collections[d[3]]));
      li.appendChild(by);
      fragment.appendChild(li);
    });
    list.appendChild(fragment);
    var ms = performance.now() - started;
    document.documentElement.dataset.searchMs = ms.toFixed(1);
    status.textContent =
      hits.length === 0
        ? "No quote matches “" + query + "”."
        : hits.length > LIMIT
          ? hits.length + " quotes match; the first " + LIMIT + " are shown."
          : hits.length === 1
            ? "1 quote matches."
            : hits.length + " quotes match.";
  }

  var pending = 0;
  function search() {
    var query = input.value;
    var ticket = ++pending;
    load().then(function () {
      if (ticket === pending) render(query);
    });
  }

  input.addEventListener(
    "focus",
    function () {
      load().catch(function () {});
    },
    { once: true },
  );
  input.addEventListener("input", search);
  if (form)
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      search();
    });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) {
    input.value = initial;
    search();
  }
})();
