// Type-ahead for the search box: asks /api/search as the user types and lists the answers as links.
// Labels go in with textContent, never innerHTML: document text is data.
(function () {
  "use strict";
  var input = document.getElementById("search");
  var list = document.getElementById("suggestions");
  if (!input || !list) { return; }
  var timer = null, asked = 0;
  function clear() { while (list.firstChild) { list.removeChild(list.firstChild); } }
  function localHref(href) { return typeof href === "string" && href.charAt(0) === "/" && href.charAt(1) !== "/"; }
  function show(items) {
    clear();
    items.forEach(function (item) {
      var li = document.createElement("li"), a = document.createElement("a"), kind = document.createElement("span");
      kind.className = "kind"; kind.textContent = item.type;
      a.textContent = item.label;
      if (localHref(item.href)) { a.setAttribute("href", item.href); }
      li.setAttribute("role", "option");
      li.appendChild(kind); li.appendChild(a); list.appendChild(li);
    });
    list.setAttribute("data-count", String(items.length));
  }
  input.addEventListener("input", function () {
    clearTimeout(timer);
    var q = input.value.trim();
    if (!q) { clear(); return; }
    timer = setTimeout(function () {
      var mine = ++asked;
      fetch("/api/search?limit=10&q=" + encodeURIComponent(q))
        .then(function (r) { return r.ok ? r.json() : { items: [] }; })
        .then(function (answer) { if (mine === asked) { show(answer.items); } })
        .catch(function (err) { console.warn(String(err)); });
    }, 120);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { clear(); }
  });
})();
