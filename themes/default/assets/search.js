/* Learning Lessons search: loads only the index files a query needs. No libraries, no eval.
 * The index (search/meta, t<N>, d<N>, f<N>) is written by the generator; see SearchIndexFiles.swift.
 * Folding and stem() must stay in step with SearchText.swift and Stemmer.swift (a test runs both). */
(function () {
  'use strict';

  var PAGE = 10;

  function words(text) {
    var folded = String(text).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    return folded.split(/[^\p{L}\p{N}]+/u).filter(function (w) { return w.length > 1; });
  }

  function stem(word) {
    var w = word;
    if (w.length <= 3 || !/^[a-z]+$/.test(w)) { return w; }
    if (/sses$/.test(w)) { w = w.slice(0, -2); }
    else if (/ies$/.test(w) && w.length > 4) { w = w.slice(0, -2); }
    else if (/s$/.test(w) && !/(ss|us|is)$/.test(w)) { w = w.slice(0, -1); }
    var m = /(ing|ed)$/.exec(w);
    if (m) {
      var s = w.slice(0, -m[1].length);
      if (s.length >= 3 && /[aeiou]/.test(s)) {
        w = s;
        var last = w.charAt(w.length - 1);
        if (w.length >= 4 && w.charAt(w.length - 2) === last && !/[aeioulsz]/.test(last)) { w = w.slice(0, -1); }
        else if (w.length === 3 && /^[^aeiou][aeiou][^aeiouwxy]$/.test(w)) { w += 'e'; }
      }
    }
    if (w.length > 3 && /[^aeiou]y$/.test(w)) { w = w.slice(0, -1) + 'i'; }
    else if (w.length > 4 && /e$/.test(w)) { w = w.slice(0, -1); }
    return w;
  }

  /* One query word against the index's terms: exact stem, the stem plus the start of an ending, or a prefix. */
  function Matcher(word, inflections) {
    this.word = word;
    this.stem = stem(word);
    this.inflections = inflections;
  }
  Matcher.prototype.exact = function (term) {
    if (term === this.stem) { return true; }
    var w = this.word;
    if (term.length < 3 || w.length <= term.length || w.lastIndexOf(term, 0) !== 0) { return false; }
    var rest = w.slice(term.length);
    return this.inflections.some(function (ending) { return ending.lastIndexOf(rest, 0) === 0; });
  };
  Matcher.prototype.prefix = function (term) {
    return this.word.length >= 3 && term.lastIndexOf(this.word, 0) === 0;
  };

  /* Pure search over loaded files, shared by the page and by tests (module.exports under Node). */
  function Engine(meta, load) {
    this.meta = meta;
    this.load = load;
    this.keys = {};
    for (var i = 0; i < meta.keys.length; i++) { this.keys[meta.keys[i]] = i; }
    this.stop = {};
    for (var j = 0; j < meta.stop.length; j++) { this.stop[meta.stop[j]] = true; }
  }
  Engine.prototype.queryWords = function (query) {
    var seen = {}, stop = this.stop;
    return words(query).filter(function (w) {
      if (stop[w] || seen[w]) { return false; }
      seen[w] = true;
      return true;
    });
  };
  Engine.prototype.keyFor = function (term) {
    for (var n = Math.min(term.length, 8); n > 0; n--) {
      var key = term.slice(0, n);
      if (Object.prototype.hasOwnProperty.call(this.keys, key)) { return key; }
    }
    return null;
  };
  /* Shard numbers that may hold terms a word matches. */
  Engine.prototype.shardsFor = function (matcher) {
    var wanted = {}, self = this, w = matcher.word;
    function add(term) { var key = self.keyFor(term); if (key !== null) { wanted[self.keys[key]] = true; } }
    add(matcher.stem);
    if (w.length >= 3) {
      add(w);
      this.meta.keys.forEach(function (key, n) { if (key.length > w.length && key.lastIndexOf(w, 0) === 0) { wanted[n] = true; } });
      for (var n = Math.max(3, w.length - 4); n < w.length; n++) { add(w.slice(0, n)); }
    }
    return Object.keys(wanted).map(Number).sort(function (a, b) { return a - b; });
  };
  Engine.prototype.match = function (matcher) {
    var self = this;
    return Promise.all(this.shardsFor(matcher).map(function (n) { return self.load('t' + n); })).then(function (shards) {
      var best = new Map();
      shards.forEach(function (shard) {
        Object.keys(shard).forEach(function (term) {
          var exact = matcher.exact(term);
          if (!exact && !matcher.prefix(term)) { return; }
          var list = shard[term], doc = -1;
          for (var i = 0; i < list.length; i += 2) {
            doc += list[i] + 1;
            var score = list[i + 1] * (exact ? 10 : 7);
            if (!(best.get(doc) >= score)) { best.set(doc, score); }
          }
        });
      });
      return best;
    });
  };
  Engine.prototype.facet = function (key) {
    var entry = this.meta.facets[key];
    if (!entry) { return Promise.resolve(new Set()); }
    return this.load('f' + entry[0]).then(function (gaps) {
      var set = new Set(), doc = -1;
      for (var i = 0; i < gaps.length; i++) { doc += gaps[i] + 1; set.add(doc); }
      return set;
    });
  };
  /* Document numbers for a query and filter keys: every word must match; by score, then newest first. */
  Engine.prototype.search = function (query, filters) {
    var self = this;
    var matchers = this.queryWords(query).map(function (w) { return new Matcher(w, self.meta.inflections); });
    var keys = filters.filter(Boolean);
    if (!matchers.length && !keys.length) { return Promise.resolve({ documents: [], matchers: [] }); }
    return Promise.all([
      Promise.all(keys.map(function (k) { return self.facet(k); })),
      Promise.all(matchers.map(function (m) { return self.match(m); }))
    ]).then(function (loaded) {
      var sets = loaded[0], maps = loaded[1];
      function allowed(doc) { return sets.every(function (s) { return s.has(doc); }); }
      if (!maps.length) {
        var smallest = sets.reduce(function (a, b) { return a.size <= b.size ? a : b; });
        var list = Array.from(smallest).filter(allowed).sort(function (a, b) { return a - b; });
        return { documents: list, matchers: [] };
      }
      var scores = new Map(maps[0]);
      for (var i = 1; i < maps.length; i++) {
        var next = new Map();
        scores.forEach(function (score, doc) { if (maps[i].has(doc)) { next.set(doc, score + maps[i].get(doc)); } });
        scores = next;
      }
      var found = [];
      scores.forEach(function (score, doc) { if (allowed(doc)) { found.push([doc, score]); } });
      found.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
      return { documents: found.map(function (x) { return x[0]; }), matchers: matchers };
    });
  };
  /* The stored fields of documents: [title, folder, type number, date text, summary]. */
  Engine.prototype.documents = function (numbers) {
    var self = this, chunk = this.meta.chunk, wanted = {};
    numbers.forEach(function (n) { wanted[Math.floor(n / chunk)] = true; });
    var chunks = Object.keys(wanted).map(Number);
    return Promise.all(chunks.map(function (c) { return self.load('d' + c); })).then(function (loaded) {
      var byChunk = {};
      chunks.forEach(function (c, i) { byChunk[c] = loaded[i]; });
      return numbers.map(function (n) { return byChunk[Math.floor(n / chunk)][n % chunk]; });
    });
  };

  function matchesWord(matchers, word) {
    var folded = words(word)[0] || '';
    var s = stem(folded);
    return matchers.some(function (m) { return m.exact(s) || m.prefix(s) || m.prefix(folded); });
  }

  /* Appends text to el, wrapping words that match the query in <mark>. */
  function highlight(el, text, matchers) {
    var parts = String(text).split(/([\p{L}\p{N}]+)/u);
    for (var i = 0; i < parts.length; i++) {
      if (!parts[i]) { continue; }
      if (i % 2 === 1 && matchers.length && matchesWord(matchers, parts[i])) {
        var mark = document.createElement('mark');
        mark.textContent = parts[i];
        el.appendChild(mark);
      } else {
        el.appendChild(document.createTextNode(parts[i]));
      }
    }
  }

  if (typeof module !== 'undefined' && module.exports) {
    module.exports = { words: words, stem: stem, Engine: Engine, Matcher: Matcher };
    return;
  }

  var root = document.getElementById('search');
  if (!root) { return; }
  var base = root.getAttribute('data-index') || './';
  var siteRoot = root.getAttribute('data-root') || '../';
  var portable = root.getAttribute('data-mode') === 'script';
  var form = document.getElementById('search-form');
  var input = document.getElementById('search-q');
  var status = document.getElementById('search-status');
  var results = document.getElementById('search-results');
  var more = document.getElementById('search-more');
  var selects = ['type', 'theme', 'service', 'year'].map(function (name) { return document.getElementById('search-' + name); });

  var cache = {}, waiting = {};
  /* Portable index files are scripts calling this with their own name (browsers refuse fetch on file://). */
  window.lessonsSearchData = function (name, data) {
    if (waiting[name]) { waiting[name](data); delete waiting[name]; }
  };
  function load(name) {
    if (cache[name]) { return cache[name]; }
    cache[name] = portable ? new Promise(function (resolve, reject) {
      waiting[name] = resolve;
      var script = document.createElement('script');
      script.src = base + name + '.js';
      script.onload = function () { if (waiting[name]) { delete waiting[name]; reject(new Error(name)); } };
      script.onerror = function () { delete waiting[name]; reject(new Error(name)); };
      document.head.appendChild(script);
    }) : fetch(base + name + '.json').then(function (response) {
      if (!response.ok) { throw new Error(name); }
      return response.json();
    });
    cache[name].catch(function () { delete cache[name]; });
    return cache[name];
  }

  document.getElementById('search-nojs').hidden = true;
  form.hidden = false;

  var engine = null, current = null, shown = 0, sequence = 0, timer = 0;
  var typeNames = [];

  function state() {
    return { q: input.value, filters: selects.map(function (s) { return s.value; }) };
  }
  function describe(s) {
    var parts = selects.filter(function (sel) { return sel.value; }).map(function (sel) {
      return sel.options[sel.selectedIndex].text.replace(/\s*\(\d+\)$/, '');
    });
    var text = s.q.trim() ? ' for \u201c' + s.q.trim() + '\u201d' : '';
    return text + (parts.length ? ' in ' + parts.join(', ') : '');
  }
  function remember(s) {
    var params = [];
    if (s.q.trim()) { params.push('q=' + encodeURIComponent(s.q.trim())); }
    selects.forEach(function (sel) { if (sel.value) { params.push(sel.name + '=' + encodeURIComponent(sel.value)); } });
    try { history.replaceState(null, '', params.length ? '?' + params.join('&') : location.pathname); } catch (e) { /* file:// may refuse */ }
  }

  function render(documents, matchers, from) {
    return engine.documents(documents.slice(from, from + PAGE)).then(function (stored) {
      stored.forEach(function (d) {
        var item = document.createElement('li');
        item.className = 'search-result';
        var heading = document.createElement('h2');
        heading.className = 'search-result__title';
        var link = document.createElement('a');
        link.href = siteRoot + d[1] + (portable ? 'index.html' : '');
        highlight(link, d[0], matchers);
        heading.appendChild(link);
        item.appendChild(heading);
        var meta = document.createElement('p');
        meta.className = 'search-result__meta';
        meta.textContent = (typeNames[d[2]] || '') + (d[3] ? ' \u00b7 ' + d[3] : '');
        item.appendChild(meta);
        if (d[4]) {
          var summary = document.createElement('p');
          summary.className = 'search-result__summary';
          highlight(summary, d[4], matchers);
          item.appendChild(summary);
        }
        results.appendChild(item);
      });
      shown = Math.min(documents.length, from + PAGE);
      more.hidden = shown >= documents.length;
    });
  }

  function run() {
    var s = state(), mine = ++sequence, started = performance.now();
    remember(s);
    load('meta').then(function (meta) {
      if (!engine) { engine = new Engine(meta, load); typeNames = meta.types; }
      return engine.search(s.q, s.filters);
    }).then(function (found) {
      if (mine !== sequence) { return null; }
      var arrived = performance.now();
      results.textContent = '';
      current = found;
      if (!s.q.trim() && !s.filters.some(Boolean)) {
        status.textContent = '';
        more.hidden = true;
        return null;
      }
      return render(found.documents, found.matchers, 0).then(function () {
        if (mine !== sequence) { return; }
        var n = found.documents.length;
        status.textContent = (n === 0 ? 'No results' : n === 1 ? '1 result' : n + ' results') + describe(s) +
          (n > PAGE ? ', showing the first ' + shown : '') + '.';
        root.setAttribute('data-results', String(n));
        root.setAttribute('data-search-ms', String(Math.round(performance.now() - started)));
        root.setAttribute('data-render-ms', String(Math.round(performance.now() - arrived)));
      });
    }).catch(function () {
      if (mine === sequence) { status.textContent = 'Search could not load its index. Try again, or browse the lists instead.'; }
    });
  }

  var params = new URLSearchParams(location.search);
  input.value = params.get('q') || '';
  selects.forEach(function (sel) {
    var value = params.get(sel.name);
    if (value && Array.prototype.some.call(sel.options, function (o) { return o.value === value; })) { sel.value = value; }
  });

  form.addEventListener('submit', function (event) { event.preventDefault(); clearTimeout(timer); run(); });
  input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(run, 150); });
  selects.forEach(function (sel) { sel.addEventListener('change', run); });
  more.addEventListener('click', function () {
    if (!current) { return; }
    var first = shown;
    render(current.documents, current.matchers, shown).then(function () {
      var next = results.children[first];
      if (next) { var a = next.querySelector('a'); if (a) { a.focus(); } }
      status.textContent = 'Showing ' + shown + ' of ' + current.documents.length + ' results.';
    });
  });
  if (input.value || selects.some(function (s) { return s.value; })) { run(); }
}());
