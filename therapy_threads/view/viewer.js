// therapy-threads viewer: search on the index page (window.TT_INDEX) and inside a discussion.
// Works from file:// (no fetch); ?q=WORDS in the address pre-fills the search.
(function () {
  "use strict";
  var input = document.getElementById("q");
  var hits = document.getElementById("hits");
  if (!input) return;

  function terms(q) {
    return q.toLowerCase().split(/\s+/).filter(function (t) { return t.length > 0; });
  }
  function matches(text, ts) {
    var low = text.toLowerCase();
    return ts.every(function (t) { return low.indexOf(t) >= 0; });
  }
  function snippet(text, t) {
    var i = text.toLowerCase().indexOf(t);
    var a = Math.max(0, i - 60);
    return (a > 0 ? "…" : "") + text.slice(a, i + 120) + (i + 120 < text.length ? "…" : "");
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // A discussion: show matching comments with the replies they sit under.
  function searchThread(q) {
    var ts = terms(q);
    var items = document.querySelectorAll("li.comment");
    var n = 0;
    items.forEach(function (li) { li.classList.remove("match", "hidden"); });
    if (!ts.length) { hits.textContent = ""; return; }
    var keep = new Set();
    items.forEach(function (li) {
      var body = li.querySelector(":scope > .body");
      var text = body.textContent;
      var notice = body.querySelector(":scope > .removed-notice");
      // "[removed]" stands where a deleted comment's words were: it is not the comment's text
      if (notice) text = text.replace(notice.textContent, "");
      if (matches(text, ts)) {
        n += 1;
        li.classList.add("match");
        for (var p = li; p && p.matches && p.matches("li.comment"); p = p.parentElement.closest("li.comment")) {
          keep.add(p);
        }
      }
    });
    items.forEach(function (li) { if (!keep.has(li)) li.classList.add("hidden"); });
    hits.textContent = n + (n === 1 ? " comment matches" : " comments match");
  }

  // The index: filter posts; list matching comments (when the release allows full text).
  function searchIndex(q) {
    var idx = window.TT_INDEX || {posts: [], comments: []};
    var ts = terms(q);
    var results = document.getElementById("results");
    var rows = document.querySelectorAll("#posts tbody tr");
    results.textContent = "";
    if (!ts.length) {
      rows.forEach(function (r) { r.classList.remove("hidden"); });
      hits.textContent = "";
      return;
    }
    var postHit = new Set();
    idx.posts.forEach(function (p, i) {
      if (matches(p[1] + " " + p[2] + " " + p[3], ts)) postHit.add(i);
    });
    var shown = 0, total = 0;
    idx.comments.forEach(function (c) {
      if (!matches(c[2], ts)) return;
      postHit.add(c[0]);
      total += 1;
      if (shown >= 200) return;
      shown += 1;
      var p = idx.posts[c[0]];
      var li = el("li");
      var a = el("a", null, p[1] || p[0]);
      a.href = "posts/" + p[0] + "#" + c[1];
      li.appendChild(a);
      li.appendChild(el("div", "snippet", snippet(c[2], ts[0])));
      results.appendChild(li);
    });
    var files = new Set(Array.from(postHit).map(function (i) { return idx.posts[i][0]; }));
    rows.forEach(function (r) {
      var link = r.querySelector("a").getAttribute("href").replace("posts/", "");
      r.classList.toggle("hidden", !files.has(link));
    });
    hits.textContent = files.size + " posts" + (idx.fullText ? ", " + total + " comments" : "") +
      " match" + (total > shown ? " (first " + shown + " comments listed)" : "");
  }

  var run = document.getElementById("posts") ? searchIndex : searchThread;
  input.addEventListener("input", function () { run(input.value); });
  var q = new URLSearchParams(window.location.search).get("q");
  if (q) { input.value = q; run(q); }
})();
