/* The offline page's filter (explainer/export.py): no server, no kernel, no network.
 *
 * The page holds each figure as plotly JSON with, per trace, the claim id of every point ("ids"; null
 * for a trace that is not per claim: lanes, legend keys, actor nodes). Filtering keeps the original
 * arrays and redraws with the points of the matching claims only (Plotly.react); table rows hide.
 */
(function () {
  "use strict";
  var page = JSON.parse(document.getElementById("page-data").textContent);
  var lang = page.lang;
  var claims = page.claims;
  var total = claims.length;
  var PLOT_IDS = ["timeline", "network"];
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
  // Arrays that are not one value per point, even when their length happens to match.
  var NOT_PER_POINT = { colorscale: 1, range: 1, domain: 1, tickvals: 1, ticktext: 1, dash: 1 };
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

  function slicePerPoint(obj, n, idx) {
    var out = {};
    Object.keys(obj).forEach(function (key) {
      var v = obj[key];
      if (Array.isArray(v) && v.length === n && !NOT_PER_POINT[key]) {
        out[key] = idx.map(function (i) { return v[i]; });
      } else if (v && typeof v === "object" && !Array.isArray(v)) {
        out[key] = slicePerPoint(v, n, idx);
      } else {
        out[key] = v;
      }
    });
    return out;
  }

  function filterFigure(spec, kept) {
    var ids = [];
    var data = spec.data.map(function (trace, k) {
      var traceIds = spec.ids[k];
      if (!traceIds) {
        ids.push(null);
        return trace;
      }
      var idx = [];
      traceIds.forEach(function (id, i) {
        if (id !== null && kept.has(id)) idx.push(i);
      });
      ids.push(idx.map(function (i) { return traceIds[i]; }));
      return idx.length === traceIds.length ? trace : slicePerPoint(trace, traceIds.length, idx);
    });
    var layout = Object.assign({}, spec.layout, { autosize: true });
    delete layout.width;
    // Shapes and annotations named after a claim (a denial's tie, a label) follow their claim.
    ["shapes", "annotations"].forEach(function (key) {
      if (!Array.isArray(layout[key])) return;
      layout[key] = layout[key].filter(function (item) {
        return !(item.name && claimSet.has(item.name)) || kept.has(item.name);
      });
    });
    return { data: data, layout: layout, ids: ids };
  }

  var claimSet = new Set(claims.map(function (c) { return c.id; }));

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
      var el = document.getElementById(plotId);
      var fig = filterFigure(page.figures[lang][plotId], kept);
      var config = Object.assign({ locale: lang }, CONFIG);
      shown[plotId] = fig.ids;
      return plotted ? Plotly.react(el, fig.data, fig.layout, config)
                     : Plotly.newPlot(el, fig.data, fig.layout, config);
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
  document.querySelectorAll("button.lang").forEach(function (b) {
    b.addEventListener("click", function () {
      setLang(b.dataset.lang);
      update();
    });
  });

  window.explainerPage = { lastUpdateMs: null, updates: 0, update: update, keptIds: keptIds };
  setLang(lang);
  update().then(function () {
    // A click on a mark brings its row of the table into view.
    PLOT_IDS.forEach(function (plotId) {
      document.getElementById(plotId).on("plotly_click", function (event) {
        var point = event.points && event.points[0];
        if (!point) return;
        var ids = shown[plotId][point.curveNumber];
        var id = ids && ids[point.pointNumber];
        if (id) location.hash = "claim-" + id;
      });
    });
    document.body.dataset.ready = "true";
  });
})();
