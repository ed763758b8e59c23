/* The offline page's filters (explainer/export.py): no server, no kernel, no network. Every
 * number and folded text it compares was worked out by Python (export._claim_records,
 * export._date_choices, export.fold_tables): the rules are explainer.filtering.claim_mask's.
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

  // explainer.filtering.fold_text, with the tables Python made (export.fold_tables): casefold
  // (toLowerCase and the letters where casefold differs), the extra letters (œ, apostrophes),
  // NFKD, without the combining marks. The claims' texts were folded by Python itself.
  var FOLD = page.fold;
  var COMBINING = new RegExp("[" + FOLD.combining + "]", "gu");
  var SPACES = new RegExp("[" + FOLD.spaces + "]+", "u");
  function foldText(text) {
    if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
    var folded = "";
    for (var ch of text) {
      var lower = ch in FOLD.casefold ? FOLD.casefold[ch] : ch.toLowerCase();
      for (var c of lower) folded += c in FOLD.extra ? FOLD.extra[c] : c;
    }
    return folded.normalize("NFKD").replace(COMBINING, "");
  }
  // explainer.filtering.search_words: the folded words, split where str.split splits.
  function searchWords(query) {
    return foldText(query || "").split(SPACES).filter(function (w) { return w.length > 0; });
  }

  function selectedDay(id, key) {
    var el = document.getElementById(id);
    if (!el.value) return null;
    return page.months[key][el.selectedIndex].day;
  }

  // The query of the controls, as explainer.filtering.claim_mask takes it, in day numbers that
  // Python worked out (export._date_choices): a full window or "today" is no criterion.
  function query() {
    var start = document.getElementById("date-start");
    var end = document.getElementById("date-end");
    var full = start.selectedIndex === 0 && end.selectedIndex === end.options.length - 1;
    return {
      actors: checkedValues("actor"),
      statuses: checkedValues("status"),
      kinds: checkedValues("kind"),
      lo: full ? null : selectedDay("date-start", "start"),
      hi: full ? null : selectedDay("date-end", "end"),
      known: selectedDay("known-on", "known"),
      words: searchWords(document.getElementById("search").value)
    };
  }

  // The same rules as explainer.filtering.claim_mask, on the numbers it compares: an actor matches
  // when it is the claim's actor, its target, or among those it involves (none ticked: nothing);
  // a window keeps the claims whose span overlaps it (inverted: nothing); "Known by" keeps what
  // was certainly public by the end of that month; a claim matches any of the search words.
  function matches(c, q, withText) {
    if (!q.statuses.has(c.status) || !q.kinds.has(c.kind)) return false;
    if (!c.actors.some(function (a) { return q.actors.has(a); })) return false;
    if (q.lo !== null && q.hi !== null && q.lo > q.hi) return false;
    if (q.lo !== null && c.we < q.lo) return false;
    if (q.hi !== null && c.ws > q.hi) return false;
    if (q.known !== null && c.pe > q.known) return false;
    if (withText && q.words.length &&
        !q.words.some(function (w) { return c.text.indexOf(w) >= 0; })) return false;
    return true;
  }

  function keptIds(q) {
    q = q || query();
    var kept = new Set();
    claims.forEach(function (c) { if (matches(c, q, true)) kept.add(c.id); });
    return kept;
  }

  // Why nothing is shown, in the Explorer's words and order (Explorer._empty_reason).
  function emptyReason(q) {
    var strings = page.strings[lang];
    if (q.lo !== null && q.hi !== null && q.lo > q.hi) return strings["empty.inverted"];
    if (q.actors.size === 0) return strings["empty.no_actor"];
    var text = document.getElementById("search").value.split(SPACES).filter(Boolean).join(" ");
    if (text && claims.some(function (c) { return matches(c, q, false); })) {
      return fill(strings["empty.search"], { text: text });
    }
    return strings["empty.none"];
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

  // A trace's uid from the protocol Python wrote into the page (explainer.figures.traces): the
  // uids are defined there once, never spelled out here.
  function traceUid(figure, kind, fields) {
    return page.traces[figure][kind].template.replace(/\{(\w+)\}/g, function (_, name) {
      return String(fields[name]);
    });
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
        out[traceUid("network", "edges", { status: status, width: k })] = { x: [], y: [], "marker.size": [] };
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
      var edge = out[traceUid("network", "edges", { status: net.statuses[firmest], width: w })];
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
    out[traceUid("network", "edge-hover", {})] = hover;
    var nodes = { "marker.opacity": [], hovertext: [] };
    net.nodes.forEach(function (node) {
      var n = node.claims.filter(function (id) { return kept.has(id); }).length;
      nodes["marker.opacity"].push(n > 0 ? 1 : 0.25);
      nodes.hovertext.push(fill(net.text.node, { name: node.name, claims: countText(net.text, n, net.lang) }));
    });
    out[traceUid("network", "nodes", {})] = nodes;
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

  function labelsOf(name) {
    var out = [];
    document.querySelectorAll('input[name="' + name + '"]').forEach(function (box) {
      if (box.checked) {
        var span = box.parentNode.querySelector(".l-" + lang) || box.parentNode;
        out.push(span.textContent.trim());
      }
    });
    return out;
  }

  // The filters in force, in words: at the top of the page, and of the handout.
  function activeText(q) {
    var strings = page.strings[lang];
    var parts = [];
    var all = function (name) {
      return document.querySelectorAll('input[name="' + name + '"]:not(:checked)').length === 0;
    };
    if (!all("actor")) parts.push(fill(strings["export.active_actors"], { v: labelsOf("actor").join(", ") || "—" }));
    if (q.lo !== null || q.hi !== null) {
      var s = document.getElementById("date-start"), e = document.getElementById("date-end");
      parts.push(fill(strings["export.active_dates"], {
        v: s.options[s.selectedIndex].text + " – " + e.options[e.selectedIndex].text
      }));
    }
    if (!all("status")) parts.push(fill(strings["export.active_statuses"], { v: labelsOf("status").join(", ") || "—" }));
    if (!all("kind")) parts.push(fill(strings["export.active_kinds"], { v: labelsOf("kind").join(", ") || "—" }));
    if (q.known !== null) {
      var k = document.getElementById("known-on");
      parts.push(fill(strings["export.active_known"], { v: k.options[k.selectedIndex].text }));
    }
    var text = document.getElementById("search").value.trim();
    if (text) parts.push(fill(strings["export.active_text"], { v: text }));
    if (!parts.length) return strings["export.active_none"];
    var line = parts.join(lang === "fr" ? " ; " : "; ");
    return line.charAt(0).toUpperCase() + line.slice(1) + ".";
  }

  function updateText(kept, q) {
    var strings = page.strings[lang];
    document.getElementById("active").textContent = activeText(q);
    var unnamed = claims.filter(function (c) { return kept.has(c.id) && c.status === "reported"; });
    var text = fill(strings["export.count"], { shown: kept.size, total: total });
    if (unnamed.length) {
      var key = unnamed.length === 1 ? "export.count_unnamed.one" : "export.count_unnamed.other";
      text += (lang === "fr" ? " ; " : "; ") + fill(strings[key], { n: unnamed.length });
    }
    document.getElementById("summary").textContent = text + ".";
    document.getElementById("empty").hidden = kept.size > 0;
    document.getElementById("empty").textContent = kept.size ? "" : emptyReason(q);
    document.querySelectorAll("#claims-table tbody tr").forEach(function (row) {
      row.classList.toggle("hidden", !kept.has(row.dataset.claim));
    });
  }

  // "Known by" on the timeline: a vertical line at the end of the chosen month (the x axis is in
  // milliseconds, a day's end is the next day's start), named in the page's language.
  var DAY_MS = 86400000;
  function knownLine(layout, q) {
    if (q.known === null) return;
    var x = (q.known + 1) * DAY_MS;
    var k = document.getElementById("known-on");
    layout.shapes = (layout.shapes || []).concat([{
      type: "line", xref: "x", yref: "paper", x0: x, x1: x, y0: 0, y1: 1, name: "known-line",
      line: { color: "#000", width: 2, dash: "dash" }
    }]);
    layout.annotations = (layout.annotations || []).concat([{
      xref: "x", yref: "paper", x: x, y: 1, yanchor: "bottom", xanchor: "right", showarrow: false,
      name: "known-label", font: { size: 12 },
      text: fill(page.strings[lang]["ui.known_by"], { date: k.options[k.selectedIndex].text })
    }]);
  }

  // The time axis narrowed to the date window, by the rules of TimelineModel.x_range and ticks
  // (explainer/figures/timeline.py): the window's days, padded, within the data's range; ticks a
  // year, or a month, in the page's language, none next to a cut of the axis.
  var YEAR_MS = 365.25 * DAY_MS;
  function visibleBetween(axis, lo, hi) {
    var cut = 0;
    axis.breaks.forEach(function (b) { cut += Math.max(0, Math.min(b[1], hi) - Math.max(b[0], lo)); });
    return Math.max(hi - lo - cut, DAY_MS);
  }
  function xRange(axis, win) {
    var lo = axis.range[0], hi = axis.range[1];
    if (win && win[0] <= win[1]) {
      lo = Math.max(lo, win[0]);
      hi = Math.min(hi, win[1]);
      if (hi <= lo) {  // beyond the data: the (empty) window, a year wide where it is open
        lo = isFinite(win[0]) ? win[0] : win[1] - 365 * DAY_MS;
        hi = isFinite(win[1]) ? win[1] : win[0] + 365 * DAY_MS;
      }
    }
    var visible = visibleBetween(axis, lo, hi);
    var pad = Math.max(visible * 0.025, visible * 16 / axis.plot_px, 20 * DAY_MS);
    if (axis.dodge_reach) {
      pad = Math.max(pad, axis.dodge_reach + axis.visible * (axis.marker_px / 2 + 2) / axis.plot_px);
    }
    return [lo - pad, hi + pad];
  }
  function ticks(axis, range) {
    var lo = new Date(range[0]), hi = new Date(range[1]);
    var visible = visibleBetween(axis, range[0], range[1]);
    var years = visible / YEAR_MS;
    var stamps = [];
    if (years > 4) {
      var step = [[1, 12], [2, 25], [5, 60], [10, 1e9]].find(function (s) { return years <= s[1]; })[0];
      for (var y = (Math.floor(lo.getUTCFullYear() / step) + 1) * step; y <= hi.getUTCFullYear(); y += step) {
        stamps.push([y, 1]);
      }
    } else {
      var every = years <= 0.6 ? 1 : years <= 1.5 ? 3 : 6;
      var yy = lo.getUTCFullYear(), mm = lo.getUTCMonth() + 2;
      if (mm > 12) { mm -= 12; yy += 1; }
      while (Date.UTC(yy, mm - 1, 1) <= range[1]) {
        if ((mm - 1) % every === 0) stamps.push([yy, mm]);
        mm += 1;
        if (mm > 12) { mm = 1; yy += 1; }
      }
    }
    var near = visible / 16;
    var kept = stamps.filter(function (s) {
      var v = Date.UTC(s[0], s[1] - 1, 1);
      // No year past the last date (or before the first), as in TimelineModel.ticks.
      if (v < axis.dates_range[0] - 31 * DAY_MS || v > axis.dates_range[1]) return false;
      return !axis.breaks.some(function (b) { return b[0] - near <= v && v <= b[1] + near; });
    });
    return {
      tickvals: kept.map(function (s) { return Date.UTC(s[0], s[1] - 1, 1); }),
      ticktext: kept.map(function (s, i) {
        var name = axis.months[s[1] - 1];
        return s[1] === 1 ? String(s[0]) : i === 0 ? name + "<br>" + s[0] : name;
      })
    };
  }
  function narrowAxis(layout, axis, q) {
    if (!axis || (q.lo === null && q.hi === null)) return;
    var win = [q.lo === null ? -Infinity : q.lo * DAY_MS,
               q.hi === null ? Infinity : (q.hi + 1) * DAY_MS];
    var range = xRange(axis, win);
    var tick = ticks(axis, range);
    layout.xaxis = Object.assign({}, layout.xaxis, {
      range: range, autorange: false, tickmode: "array", tickvals: tick.tickvals, ticktext: tick.ticktext
    });
  }

  // Under 720 px (a phone, a small window), the timeline's lane names go into the plot: the
  // layout's meta.narrow says how (TimelineModel.narrow_layout; the Explorer's FitPlots uses the
  // same 720). Its height stays: the keys are HTML, under it on a narrow screen (offline.css).
  var NARROW_BELOW = 720;
  function setPath(target, path, value) {
    // "legend.x", "annotations[5].xshift": plotly's property paths.
    var keys = [];
    path.split(".").forEach(function (part) {
      var m = /^(.+)\[(\d+)\]$/.exec(part);
      if (m) keys.push(m[1], Number(m[2])); else keys.push(part);
    });
    var last = keys.pop();
    keys.forEach(function (k) {
      if (typeof target[k] !== "object" || target[k] === null) target[k] = {};
      target = target[k];
    });
    target[last] = value;
  }
  function fitNarrow(layout, el) {
    var meta = layout.meta || {};
    if (!meta.narrow || el.clientWidth >= NARROW_BELOW) return;
    Object.keys(meta.narrow).forEach(function (k) { setPath(layout, k, meta.narrow[k]); });
  }
  var wasNarrow = null, resizing = null;
  window.addEventListener("resize", function () {
    clearTimeout(resizing);
    // Once the window has settled, and never while printing (the print layout is fitForPrint's).
    resizing = setTimeout(function () {
      var narrow = window.innerWidth < NARROW_BELOW;
      if (printing || window.matchMedia("print").matches) return;
      if (plotted && wasNarrow !== null && narrow !== wasNarrow) update();
      wasNarrow = narrow;
    }, 150);
  });

  function draw(kept, q) {
    if (wasNarrow === null) wasNarrow = window.innerWidth < NARROW_BELOW;
    var drawing = PLOT_IDS.map(function (plotId) {
      var start = performance.now();
      var el = document.getElementById(plotId);
      var fig = filterFigure(page.figures[lang][plotId], kept);
      if (plotId === "timeline") {
        knownLine(fig.layout, q);
        narrowAxis(fig.layout, page.figures[lang][plotId].axis, q);
      }
      fitNarrow(fig.layout, el);  // the timeline's names, the network's key (layout.meta)
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
    var q = query();
    var kept = keptIds(q);
    updateText(kept, q);
    showCard(kept);
    return draw(kept, q).then(function () {
      window.explainerPage.lastUpdateMs = performance.now() - start;
      window.explainerPage.updates += 1;
      document.body.dataset.shown = String(kept.size);
    });
  }

  // The claim card: the Explorer's own (explainer.card.card_html), made by Python in both
  // languages; the chosen claim stays chosen while it is shown.
  var chosen = null;
  function showCard(kept) {
    var el = document.getElementById("card");
    if (chosen !== null && !kept.has(chosen)) chosen = null;
    var card = null;
    document.querySelectorAll("#cards [data-card]").forEach(function (c) {
      if (c.dataset.card === chosen && c.dataset.lang === lang) card = c;
    });
    if (card) {
      el.replaceChildren.apply(el, Array.from(card.childNodes).map(function (n) {
        return n.cloneNode(true);
      }));
    } else {
      el.textContent = page.strings[lang]["ui.card.empty"];
    }
    document.body.dataset.card = chosen || "";
    document.body.classList.toggle("has-card", Boolean(card));
    document.querySelectorAll("#claims-table tbody tr").forEach(function (row) {
      row.classList.toggle("chosen", row.dataset.claim === chosen);
    });
  }
  function choose(id) {
    chosen = id;
    showCard(keptIds());
  }

  // The months in the selects, named in the page's language.
  function relabelMonths() {
    [["date-start", "start"], ["date-end", "end"], ["known-on", "known"]].forEach(function (pair) {
      var el = document.getElementById(pair[0]);
      page.months[pair[1]].forEach(function (m, k) { el.options[k].text = m.labels[lang]; });
    });
    var today = document.querySelector('#known-on option[value=""]');
    if (today) today.text = page.strings[lang]["ui.known_all"];
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
    relabelMonths();
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
  document.querySelectorAll("select").forEach(function (el) {
    el.addEventListener("change", update);
  });
  document.getElementById("search").addEventListener("input", update);
  document.getElementById("reset").addEventListener("click", function () {
    document.querySelectorAll("input[type=checkbox]").forEach(function (box) { box.checked = true; });
    var end = document.getElementById("date-end");
    document.getElementById("date-start").selectedIndex = 0;
    end.selectedIndex = end.options.length - 1;
    document.getElementById("known-on").value = "";
    document.getElementById("search").value = "";
    chosen = null;
    update();
  });
  document.querySelectorAll("#claims-table tbody tr").forEach(function (row) {
    row.addEventListener("click", function (event) {
      if (event.target.closest("a")) return;
      choose(row.dataset.claim);
    });
  });
  document.getElementById("print").addEventListener("click", function () { window.print(); });

  // On paper the plots must fit the page: an A4 page less its 1.5 cm margins is 680 px wide at
  // 96 dpi (Letter: 702), a Letter page 943 px high (A4: 1009). Each figure is drawn 680 px wide; a
  // legend at the side goes under the plot, so that the plot keeps the width. The timeline, taller
  // than a page on screen, is drawn as high as a page less its heading, so that it prints on one
  // page with its years: what the figure places in pixels from the top or the bottom of its
  // container (title, legends, notes) keeps its place in pixels. Back on screen, the figures are
  // drawn again as exported.
  var PRINT_WIDTH = 680;
  var PRINT_HEIGHT = 860;
  var UNDER = { orientation: "h", x: 0, xanchor: "left", yref: "container", y: 0, yanchor: "bottom" };
  var printing = false;

  // The relayout that keeps a piece anchored in the container at the same pixels from its edge.
  function keepPixels(change, path, item, from, to) {
    if (!item || item.yref !== "container" || typeof item.y !== "number") return;
    change[path + ".y"] = item.y > 0.5 ? 1 - (1 - item.y) * from / to : item.y * from / to;
  }

  function fitForPrint(on) {
    if (on === printing || !plotted) return;
    printing = on;
    document.body.classList.toggle("printing", on);
    if (!on) {
      update();
      return;
    }
    PLOT_IDS.forEach(function (plotId) {
      var el = document.getElementById(plotId);
      var change = { autosize: false, width: PRINT_WIDTH, "xaxis.title.font.size": 11 };
      var meta = el.layout.meta || {};
      Object.keys(el.layout).forEach(function (key) {
        var legend = el.layout[key];
        if (/^legend\d*$/.test(key) && legend && legend.orientation !== "h") {
          change[key] = Object.assign({}, legend, UNDER);
        }
      });
      // The timeline's keys are HTML, printed under it (offline.css). Lane names in 10 px: rows
      // are closer on paper than on screen, and 14 px names of one-row lanes ran into each other.
      if (plotId === "timeline" && meta.narrow) change["yaxis.tickfont.size"] = 10;
      // Printed narrower than NARROW_BELOW: the network's key in one column, room made for it.
      if (plotId !== "timeline" && meta.narrow && PRINT_WIDTH < NARROW_BELOW) {
        Object.assign(change, meta.narrow);
      }
      var from = el._fullLayout.height;
      if (plotId === "timeline" && from > PRINT_HEIGHT) {
        change.height = PRINT_HEIGHT;
        keepPixels(change, "title", el.layout.title, from, PRINT_HEIGHT);
        Object.keys(el.layout).forEach(function (key) {
          if (/^legend\d*$/.test(key)) keepPixels(change, key, el.layout[key], from, PRINT_HEIGHT);
        });
        (el.layout.annotations || []).forEach(function (note, k) {
          keepPixels(change, "annotations[" + k + "]", note, from, PRINT_HEIGHT);
        });
      }
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
    lastUpdateMs: null, updates: 0, timings: {}, update: update, keptIds: keptIds,
    foldText: foldText, searchWords: searchWords, choose: choose
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
        if (who && who.length) {
          choose(who[0]);
          document.getElementById("card").scrollIntoView({ block: "nearest" });
        }
      });
    });
    document.body.dataset.ready = "true";
  });
})();
