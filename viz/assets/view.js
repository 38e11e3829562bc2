// Draws one graph view from the JSON the server embedded in #view-data. Labels and tooltips are strings:
// vis-network draws labels on the canvas and shows string titles as text, so document text never becomes HTML.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("view-data").textContent);
  var edgeId = function (e) { return e.from + "\u0000" + e.to; };
  data.edges.forEach(function (e) { e.id = edgeId(e); });
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var options = {
    autoResize: true,
    nodes: { shape: "dot", size: 14, font: { face: "Noto Sans CJK SC, sans-serif", size: 14 } },
    edges: { smooth: false, color: { color: "#999", highlight: "#333" }, font: { size: 10, align: "middle" } },
    interaction: { hover: true, tooltipDelay: 150, hideEdgesOnDrag: true },
    physics: data.physics
      ? { enabled: true, solver: "forceAtlas2Based", stabilization: { iterations: 150, fit: true } }
      : { enabled: false, stabilization: false },  // positions come from the server: nothing to settle
    layout: { improvedLayout: data.nodes.length < 100 }
  };
  var network = new vis.Network(document.getElementById("graph"), { nodes: nodes, edges: edges }, options);
  var state = { network: network, nodes: nodes, edges: edges, ready: false, expanded: 0 };
  window.plankgView = state;

  network.once("stabilizationIterationsDone", function () { network.setOptions({ physics: { enabled: false } }); });
  // Interactive: drawn with its final layout (physics off, or stabilized). readyAt is ms since navigation.
  function ready() {
    if (state.ready) { return; }
    state.ready = true;
    state.readyAt = performance.now();
    document.body.setAttribute("data-ready", "true");
  }
  network.on("afterDrawing", function () {
    if (!data.physics || !network.physics.physicsEnabled || network.physics.stabilized) { ready(); }
  });
  if (data.physics) { network.once("stabilized", ready); }

  var details = document.getElementById("details");
  var selected = null;
  function show(id) {
    var n = nodes.get(id);
    if (!n) { details.hidden = true; return; }
    selected = n;
    document.getElementById("details-label").textContent = n.fullLabel || n.label;
    document.getElementById("details-kind").textContent = "[" + n.group + "]";
    var link = document.getElementById("details-link");
    // Only this server's own pages are linked: an IRI can never smuggle in a javascript: URL.
    if (typeof n.href === "string" && n.href.charAt(0) === "/" && n.href.charAt(1) !== "/") {
      link.setAttribute("href", n.href); link.hidden = false;
    } else { link.hidden = true; }
    details.hidden = false;
  }

  function expand(id) {
    return fetch("/api/views/expand?node=" + encodeURIComponent(id))
      .then(function (r) { if (!r.ok) { throw new Error("expand failed: " + r.status); } return r.json(); })
      .then(function (more) {
        var pos = network.getPositions([id])[id] || { x: 0, y: 0 };
        var fresh = more.nodes.filter(function (n) { return !nodes.get(n.id); });
        fresh.forEach(function (n, i) {
          var angle = 2 * Math.PI * i / Math.max(fresh.length, 1);
          n.x = pos.x + 150 * Math.cos(angle); n.y = pos.y + 150 * Math.sin(angle); n.physics = false;
        });
        nodes.add(fresh);
        more.edges.forEach(function (e) { e.id = edgeId(e); });
        edges.add(more.edges.filter(function (e) { return !edges.get(e.id); }));
        state.expanded += 1;
      })
      .catch(function (err) { console.warn(String(err)); });
  }
  state.expand = expand;

  network.on("click", function (event) { if (event.nodes.length) { show(event.nodes[0]); } else { details.hidden = true; } });
  network.on("doubleClick", function (event) { if (event.nodes.length) { expand(event.nodes[0]); } });
  document.getElementById("details-expand").addEventListener("click", function () { if (selected) { expand(selected.id); } });

  // Find in view: case- and width-insensitive substring match on the whole label (Chinese included).
  var fold = function (s) { return String(s || "").normalize("NFKC").toLowerCase().replace(/\s+/g, ""); };
  var search = document.getElementById("view-search");
  search.addEventListener("input", function () {
    var q = fold(search.value);
    if (!q) { network.unselectAll(); return; }
    var found = nodes.getIds({ filter: function (n) { return fold(n.fullLabel || n.label).indexOf(q) >= 0; } });
    network.selectNodes(found);
    state.found = found;
    if (found.length) { network.focus(found[0], { scale: 1.2, animation: false }); show(found[0]); }
  });
})();
