/* The offline page's filter (explainer/export.py): no server, no kernel, no network.
 *
 * The page holds each figure as plotly JSON with, per trace, the properties that hold one value per
 * element ("paths") and the claims each element needs ("owners"; no filter for a fixed trace such as
 * a legend key). Filtering keeps the original arrays and redraws with the elements of the matching
 * claims only (Plotly.react); table rows hide.
 */
(function () {
  "use strict";
  var page = JSON.parse(document.getElementById("page-data").textContent);
  var lang = page.lang;
  var claims = page.claims;
  var total = claims.length;
  var PLOT_IDS = Object.keys(page.figures[lang]);
  var CONFIG = { responsive: true, displaylogo: false, scrollZoom: false };
  // plotly.js ships English only; French month names for the date axes (its locale module format).
  Plotly.register({
    moduleType: "locale",
    name: "fr",
    dictionary: {},
    format: {
      days: ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"],
      shortDays: ["dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."],
      months: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
        "septembre", "octobre", "novembre", "décembre"],
      shortMonths: ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.",
        "oct.", "nov.", "déc."],
      date: "%d/%m/%Y",
      decimal: ",",
      thousands: "\u00a0"
    }
  });
  var shown = {}; // plot id -> the claim ids of the points now drawn, per trace (for clicks)
  var plotted = false;

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (m, k) {
      return k in values ? String(values[k]) : m;
    });
  }

  function checkedValues(name) {
    var out = new Set();
    document.querySelectorAll('input[name="' + name + '"]').forEach(function (box) {
      if (box.checked) out.add(box.value);
    });
    return out;
  }

  // The same rule as explainer.filtering.filter_claims: an actor matches when it is the claim's actor,
  // its target, or among those it involves; an empty choice matches nothing.
  function keptIds() {
    var actors = checkedValues("actor");
    var statuses = checkedValues("status");
    var kept = new Set();
    claims.forEach(function (c) {
      if (!statuses.has(c.status)) return;
      if (!c.actors.some(function (a) { return actors.has(a); })) return;
      kept.add(c.id);
    });
    return kept;
  }

  // plotly.js writes into the layout and traces it is given (ranges, defaults): it gets deep
  // copies, so that the page's figures stay as exported.
  function clone(obj) {
    return JSON.parse(JSON.stringify(obj));
  }

  // A figure's layout for the screen: as wide as the window.
  function screenLayout(layout) {
    var copy = clone(layout);
    copy.autosize = true;
    delete copy.width;
    return copy;
  }

  function getPath(obj, path) {
    return path.split(".").reduce(function (o, k) { return o == null ? o : o[k]; }, obj);
  }

  // A copy of `trace` whose properties at `paths` (dotted, e.g. "marker.size") keep only the
  // elements at `idx`; everything else is shared with the original.
  function sliceTrace(trace, paths, idx) {
    var out = Object.assign({}, trace);
    paths.forEach(function (path) {
      var keys = path.split(".");
      var values = getPath(trace, path);
      if (!Array.isArray(values)) return;
      var target = out;
      for (var d = 0; d < keys.length - 1; d++) {
        target[keys[d]] = Object.assign({}, target[keys[d]]);
        target = target[keys[d]];
      }
      target[keys[keys.length - 1]] = idx.map(function (i) { return values[i]; });
    });
    return out;
  }

  // A copy of `trace` with `props` ({"marker.size": [...], ...}) set; the rest is shared.
  function setProps(trace, props) {
    var out = Object.assign({}, trace);
    Object.keys(props).forEach(function (path) {
      var keys = path.split(".");
      var target = out;
      for (var d = 0; d < keys.length - 1; d++) {
        target[keys[d]] = Object.assign({}, target[keys[d]]);
        target = target[keys[d]];
      }
      target[keys[keys.length - 1]] = props[path];
    });
    return out;
  }

  function countText(text, n, code) {
    return fill(n === 1 || (code === "fr" && n === 0) ? text.one : text.other, { n: n });
  }

  // The network's arrays for the kept claims, by the rules of explainer.figures.network
  // (NetworkModel.trace_data): claims between the same two actors make one edge, its width class
  // by how many are kept, its style by the firmest status among them; nodes fade when no kept
  // claim touches them. The browser tests compare this with the Python model.
  function networkData(net, kept) {
    var out = {};
    var W = net.widthLow.length;
    net.statuses.forEach(function (status) {
      for (var k = 0; k < W; k++) {
        out["network-edges-" + status + "-w" + k] = { x: [], y: [], "marker.size": [] };
      }
    });
    var hover = { x: [], y: [], hovertext: [] };
    var linked = [];
    net.pairs.forEach(function (pair, p) {
      var counts = net.statuses.map(function () { return 0; });
      var total = 0;
      pair.claims.forEach(function (id, j) {
        if (kept.has(id)) {
          counts[pair.status[j]] += 1;
          total += 1;
        }
      });
      if (total) linked.push({ p: p, counts: counts, total: total });
    });
    // Past the limit, only the busiest links (ties: in pair order), drawn in pair order.
    var drawn = linked;
    if (net.edgeLimit !== null && linked.length > net.edgeLimit) {
      drawn = linked.slice().sort(function (a, b) { return b.total - a.total || a.p - b.p; })
        .slice(0, net.edgeLimit).sort(function (a, b) { return a.p - b.p; });
    }
    drawn.forEach(function (link) {
      var pair = net.pairs[link.p];
      var counts = link.counts;
      var total = link.total;
      var firmest = counts.findIndex(function (c) { return c > 0; });
      var w = 0;
      net.widthLow.forEach(function (low, k) { if (total >= low) w = k; });
      var edge = out["network-edges-" + net.statuses[firmest] + "-w" + w];
      var g = pair.geo;
      edge.x.push(g[0], g[2], null);
      edge.y.push(g[1], g[3], null);
      edge["marker.size"].push(0, net.arrow[w], 0);
      var detail = [];
      counts.forEach(function (c, s) { if (c) detail.push(c + " " + net.statusWords[s]); });
      hover.x.push((g[0] + g[2]) / 2);
      hover.y.push((g[1] + g[3]) / 2);
      hover.hovertext.push(fill(net.text.edge, {
        source: pair.source,
        target: pair.target,
        claims: countText(net.text, total, net.lang) + " (" + detail.join(", ") + ")"
      }));
    });
    out["network-edge-hover"] = hover;
    var nodes = { "marker.opacity": [], hovertext: [] };
    net.nodes.forEach(function (node) {
      var n = node.claims.filter(function (id) { return kept.has(id); }).length;
      nodes["marker.opacity"].push(n > 0 ? 1 : 0.25);
      nodes.hovertext.push(fill(net.text.node, { name: node.name, claims: countText(net.text, n, net.lang) }));
    });
    out["network-nodes"] = nodes;
    return { traces: out, linked: linked.length, drawn: drawn.length };
  }

  // The figure for the kept claims: an element stays when every claim it needs is kept (a point or
  // a bar needs its claim; a denial's arrow needs the denial and the claim it answers).
  function filterFigure(spec, kept) {
    if (spec.network) return filterNetwork(spec, kept);
    var owners = [];
    var data = spec.data.map(function (trace, k) {
      var filter = spec.filters[k];
      if (!filter) {
        owners.push(null);
        return trace;
      }
      var idx = [];
      filter.owners.forEach(function (who, i) {
        if (who.every(function (id) { return kept.has(id); })) idx.push(i);
      });
      owners.push(idx.map(function (i) { return filter.owners[i]; }));
      return idx.length === filter.owners.length ? trace : sliceTrace(trace, filter.paths, idx);
    });
    var layout = screenLayout(kept.size ? spec.layout : spec.emptyLayout);
    return { data: data.map(clone), layout: layout, owners: owners };
  }

  function filterNetwork(spec, kept) {
    var net = networkData(spec.network, kept);
    var data = spec.data.map(function (trace) {
      return net.traces[trace.uid] ? setProps(trace, net.traces[trace.uid]) : trace;
    });
    // The figure's own notes: "no link to show", and "only the busiest links are drawn".
    var layout = screenLayout(spec.layout);
    (layout.annotations || []).forEach(function (note) {
      if (note.name === "empty") note.visible = net.linked === 0;
      if (note.name === "limit") {
        note.visible = net.drawn < net.linked;
        note.text = fill(spec.network.text.limit, { drawn: net.drawn, linked: net.linked });
      }
    });
    return { data: data.map(clone), layout: layout, owners: data.map(function () { return null; }) };
  }

  function updateText(kept) {
    var strings = page.strings[lang];
    var unnamed = claims.filter(function (c) { return kept.has(c.id) && c.status === "reported"; });
    var text = fill(strings["export.count"], { shown: kept.size, total: total });
    if (unnamed.length) {
      var key = unnamed.length === 1 ? "export.count_unnamed.one" : "export.count_unnamed.other";
      text += (lang === "fr" ? " ; " : "; ") + fill(strings[key], { n: unnamed.length });
    }
    document.getElementById("summary").textContent = text + ".";
    document.getElementById("empty").hidden = kept.size > 0;
    document.querySelectorAll("#claims-table tbody tr").forEach(function (row) {
      row.classList.toggle("hidden", !kept.has(row.dataset.claim));
    });
  }

  function draw(kept) {
    var drawing = PLOT_IDS.map(function (plotId) {
      var start = performance.now();
      var el = document.getElementById(plotId);
      var fig = filterFigure(page.figures[lang][plotId], kept);
      var config = Object.assign({ locale: lang }, CONFIG);
      shown[plotId] = fig.owners;
      var done = plotted ? Plotly.react(el, fig.data, fig.layout, config)
                         : Plotly.newPlot(el, fig.data, fig.layout, config);
      return done.then(function () {
        window.explainerPage.timings[plotId] = performance.now() - start;
      });
    });
    plotted = true;
    return Promise.all(drawing);
  }

  // One change of a control: text at once, then the plots; the time it took is kept for the tests.
  function update() {
    var start = performance.now();
    var kept = keptIds();
    updateText(kept);
    return draw(kept).then(function () {
      window.explainerPage.lastUpdateMs = performance.now() - start;
      window.explainerPage.updates += 1;
      document.body.dataset.shown = String(kept.size);
    });
  }

  function setLang(code) {
    lang = code;
    document.documentElement.lang = code;
    document.documentElement.dataset.lang = code;
    document.querySelectorAll("button.lang").forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.dataset.lang === code));
    });
    var title = document.querySelector("h1 .l-" + code) || document.querySelector("h1");
    document.title = title.textContent;
  }

  document.querySelectorAll("input[type=checkbox]").forEach(function (box) {
    box.addEventListener("change", update);
  });
  document.querySelectorAll("[data-all],[data-none]").forEach(function (button) {
    button.addEventListener("click", function () {
      var name = button.dataset.all || button.dataset.none;
      document.querySelectorAll('input[name="' + name + '"]').forEach(function (box) {
        box.checked = Boolean(button.dataset.all);
      });
      update();
    });
  });
  document.getElementById("reset").addEventListener("click", function () {
    document.querySelectorAll("input[type=checkbox]").forEach(function (box) { box.checked = true; });
    update();
  });
  document.getElementById("print").addEventListener("click", function () { window.print(); });

  // On paper the plots must fit the page: an A4 or Letter page less 1.5 cm margins is about 700 px
  // wide at 96 dpi. Each figure keeps its own height (its rows and legends are laid out in pixels
  // for it); a legend at the side goes under the plot, so that the plot keeps the width. Back on
  // screen, the figures are drawn again as exported.
  var PRINT_WIDTH = 700;
  var UNDER = { orientation: "h", x: 0, xanchor: "left", yref: "container", y: 0, yanchor: "bottom" };
  var printing = false;
  function fitForPrint(on) {
    if (on === printing || !plotted) return;
    printing = on;
    if (!on) {
      update();
      return;
    }
    PLOT_IDS.forEach(function (plotId) {
      var el = document.getElementById(plotId);
      var change = { autosize: false, width: PRINT_WIDTH, "xaxis.title.font.size": 11 };
      Object.keys(el.layout).forEach(function (key) {
        var legend = el.layout[key];
        if (/^legend\d*$/.test(key) && legend && legend.orientation !== "h") {
          change[key] = Object.assign({}, legend, UNDER);
        }
      });
      Plotly.relayout(el, change);
    });
  }
  window.addEventListener("beforeprint", function () { fitForPrint(true); });
  window.addEventListener("afterprint", function () { fitForPrint(false); });
  window.matchMedia("print").addEventListener("change", function (event) {
    fitForPrint(event.matches);
  });
  document.querySelectorAll("button.lang").forEach(function (b) {
    b.addEventListener("click", function () {
      setLang(b.dataset.lang);
      update();
    });
  });

  window.explainerPage = {
    lastUpdateMs: null, updates: 0, timings: {}, update: update, keptIds: keptIds
  };
  setLang(lang);
  update().then(function () {
    // A click on a mark brings its row of the table into view.
    PLOT_IDS.forEach(function (plotId) {
      document.getElementById(plotId).on("plotly_click", function (event) {
        var point = event.points && event.points[0];
        if (!point) return;
        var owners = shown[plotId][point.curveNumber];
        var who = owners && owners[point.pointNumber];
        if (who && who.length) location.hash = "claim-" + who[0];
      });
    });
    document.body.dataset.ready = "true";
  });
})();
