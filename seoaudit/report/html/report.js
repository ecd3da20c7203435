/* seoaudit HTML report: draws the views from the page's JSON blocks. No network, no dependencies.
   Index entries (script.seoaudit-index) are parsed at load; a document's details (#seoaudit-doc-N) only when
   it is opened. Every text from the report goes through textContent, never innerHTML. */
(function () {
  "use strict";
  var SEV = ["error", "warning", "info"];
  var MARK = ["✖", "▲", "●"];
  var PAGE_SIZE = 50;
  var ELEMENT_NAMES = {indexing: "Indexing", url: "URL", title: "Title", description: "Snippet", image: "Image",
    "og-image": "Image", "x-image": "Card image", opengraph: "Open Graph", twitter: "X card", other: "Other"};

  var h = seoauditDom.h, append = seoauditDom.add, plural = seoauditDom.plural;
  function json(id) { var el = document.getElementById(id); return el ? JSON.parse(el.textContent) : null; }
  function sevLabel(sev) { return h("span", {"class": "sev sev-" + sev}, MARK[sev] + " " + SEV[sev]); }

  // -- data ----------------------------------------------------------------------------------------------------
  var docs = [];
  Array.prototype.forEach.call(document.querySelectorAll("script.seoaudit-index"), function (el) {
    docs.push(JSON.parse(el.textContent));
  });
  var run = json("seoaudit-summary") || {summary: {}};
  docs.forEach(function (doc) {
    doc.counts = [0, 0, 0];
    doc.f.forEach(function (f) { doc.counts[f[1]] += 1; });
    doc.haystack = [doc.s, doc.t || "", doc.u || ""].join("\n").toLowerCase();
  });
  var rules = {}, categories = {};
  docs.forEach(function (doc) {
    doc.f.forEach(function (f) {
      var r = rules[f[0]] || (rules[f[0]] = {rule: f[0], sev: f[1], category: f[2], count: 0, docs: 0, last: -1});
      r.count += 1; r.sev = Math.min(r.sev, f[1]);
      if (r.last !== doc.n) { r.docs += 1; r.last = doc.n; }
      var c = categories[f[2]] || (categories[f[2]] = [0, 0, 0]);
      c[f[1]] += 1;
    });
  });

  // -- state: the view and the filters (kept across views) -------------------------------------------------
  var state = {q: "", sev: "", cat: "", rule: "", path: "", sort: "input", fsort: "input",
    page: {documents: 0, findings: 0}};
  var main = document.getElementById("main");
  var announce = document.getElementById("announce");

  function findingMatches(doc, f, q) {
    if (state.sev !== "" && String(f[1]) !== state.sev) return false;
    if (state.cat && f[2] !== state.cat) return false;
    if (state.rule && f[0] !== state.rule) return false;
    if (q && doc.haystack.indexOf(q) < 0 && f[3].toLowerCase().indexOf(q) < 0 && f[0].indexOf(q) < 0) return false;
    return true;
  }
  function findingFilterSet() { return state.sev !== "" || state.cat || state.rule; }
  function docMatches(doc, q) {
    if (state.path && doc.s.toLowerCase().indexOf(state.path.toLowerCase()) < 0) return false;
    if (!findingFilterSet() && (!q || doc.haystack.indexOf(q) >= 0)) return true;
    for (var i = 0; i < doc.f.length; i++) if (findingMatches(doc, doc.f[i], q)) return true;
    return false;
  }

  // -- views --------------------------------------------------------------------------------------------------
  function route() {
    var hash = location.hash.replace(/^#/, "");
    var match = /^doc-(\d+)$/.exec(hash);
    var view = match ? "doc" : (["documents", "findings"].indexOf(hash) >= 0 ? hash : "overview");
    Array.prototype.forEach.call(document.querySelectorAll(".views a"), function (a) {
      if (a.getAttribute("data-view") === view) a.setAttribute("aria-current", "page");
      else a.removeAttribute("aria-current");
    });
    main.textContent = "";
    if (view === "doc") drawDocument(Number(match[1]));
    else if (view === "documents") drawList("documents");
    else if (view === "findings") drawList("findings");
    else drawOverview();
  }

  function runLine() {
    var s = run.summary || {}, by = s.by_severity || {};
    var parts = [plural(s.documents || 0, "document"), plural(by.error || 0, "error"), plural(by.warning || 0, "warning"),
      plural(by.info || 0, "info")];
    if (s.unreadable) parts.push(s.unreadable + " unreadable");
    if (s.suppressed) parts.push(s.suppressed + " suppressed");
    if (s.baselined) parts.push(s.baselined + " baselined");
    if (s.interrupted) parts.push("interrupted: only the documents audited before the signal");
    document.getElementById("run-line").textContent = parts.join(" · ") + " — seoaudit " +
      ((run.tool || {}).version || "") + ", report " + (run.version || "") + ", fails on " + (run.fail_on || "error");
  }

  function drawOverview() {
    var s = run.summary || {}, by = s.by_severity || {};
    append(main, h("h2", {text: "Overview"}));
    append(main, h("ul", {"class": "tiles", "aria-label": "Totals"},
      h("li", null, h("span", {"class": "n", text: s.documents || 0}), "documents"),
      h("li", null, h("span", {"class": "n", text: s.findings || 0}), "findings"),
      [0, 1, 2].map(function (i) {
        return h("li", null, h("span", {"class": "n sev-" + i, text: by[SEV[i]] || 0}), sevLabel(i));
      }),
      h("li", null, h("span", {"class": "n", text: s.unreadable || 0}), "unreadable")));
    if (run.site_line) append(main, h("p", {id: "site-line", text: run.site_line}));
    var cols = h("div", {"class": "cols"});
    append(main, cols);
    append(cols, h("section", {"aria-labelledby": "h-cat"}, h("h3", {id: "h-cat", text: "Findings by category"}),
      legend(), categoryTable()));
    append(cols, h("section", {"aria-labelledby": "h-worst"}, h("h3", {id: "h-worst", text: "Documents with most errors"}),
      worstTable()));
    append(main, h("section", {"aria-labelledby": "h-rules"}, h("h3", {id: "h-rules", text: "Findings by rule"}),
      ruleTable()));
  }

  function legend() {
    return h("ul", {"class": "legend", "aria-hidden": "true"}, [0, 1, 2].map(function (i) {
      return h("li", null, h("span", {"class": "bar"}, h("span", {"class": "b" + i, style: "width:100%"})), SEV[i]);
    }));
  }

  function filterLink(label, patch) {
    return h("button", {type: "button", "class": "linklike", text: label, on: {click: function () {
      state.sev = ""; state.cat = ""; state.rule = ""; state.q = ""; state.path = "";
      for (var k in patch) state[k] = patch[k];
      state.page.findings = 0;
      location.hash = "#findings";
    }}});
  }

  function categoryTable() {
    var names = Object.keys(categories).sort(function (a, b) { return total(categories[b]) - total(categories[a]); });
    var most = names.length ? total(categories[names[0]]) : 1;
    var table = h("table", null, h("caption", {"class": "visually-hidden", text: "Findings by category and severity"}),
      h("thead", null, h("tr", null, h("th", {scope: "col", text: "Category"}), h("th", {scope: "col", text: "Findings"}),
        h("th", {scope: "col", "class": "num", text: "Total"}))));
    var body = h("tbody");
    names.forEach(function (name) {
      var c = categories[name], sum = total(c);
      var bar = h("span", {"class": "bar", style: "width:" + Math.max(1, Math.round(100 * sum / most)) + "%"},
        [0, 1, 2].map(function (i) {
          return c[i] ? h("span", {"class": "b" + i, style: "width:" + (100 * c[i] / sum) + "%"}) : null;
        }));
      var words = [0, 1, 2].filter(function (i) { return c[i]; }).map(function (i) { return plural(c[i], SEV[i]); }).join(", ");
      append(body, h("tr", null, h("th", {scope: "row"}, filterLink(name, {cat: name})),
        h("td", {"class": "chart"}, bar, h("span", {"class": "muted", text: words})), h("td", {"class": "num", text: sum})));
    });
    append(table, body);
    return names.length ? table : h("p", {"class": "muted", text: "No findings."});
  }
  function total(c) { return c[0] + c[1] + c[2]; }

  function worstTable() {
    var worst = docs.filter(function (d) { return d.counts[0] > 0; }).sort(function (a, b) {
      return b.counts[0] - a.counts[0] || b.counts[1] - a.counts[1] || a.n - b.n;
    }).slice(0, 10);
    if (!worst.length) return h("p", {"class": "muted", text: "No document has an error."});
    return h("table", null, h("caption", {"class": "visually-hidden", text: "The ten documents with most errors"}),
      h("thead", null, h("tr", null, h("th", {scope: "col", text: "Document"}), h("th", {scope: "col", "class": "num", text: "Errors"}),
        h("th", {scope: "col", "class": "num", text: "Warnings"}))),
      h("tbody", null, worst.map(function (d) {
        return h("tr", null, h("td", null, docLink(d)), h("td", {"class": "num", text: d.counts[0]}),
          h("td", {"class": "num", text: d.counts[1]}));
      })));
  }

  function ruleTable() {
    var list = Object.keys(rules).map(function (k) { return rules[k]; }).sort(function (a, b) {
      return a.sev - b.sev || b.count - a.count || (a.rule < b.rule ? -1 : 1);
    });
    if (!list.length) return h("p", {"class": "muted", text: "No findings."});
    return h("table", null, h("caption", {"class": "visually-hidden", text: "Findings by rule"}),
      h("thead", null, h("tr", null, h("th", {scope: "col", text: "Rule"}), h("th", {scope: "col", text: "Severity"}),
        h("th", {scope: "col", text: "Category"}), h("th", {scope: "col", "class": "num", text: "Findings"}),
        h("th", {scope: "col", "class": "num", text: "Documents"}))),
      h("tbody", null, list.map(function (r) {
        return h("tr", null, h("td", {"class": "mono"}, filterLink(r.rule, {rule: r.rule})), h("td", null, sevLabel(r.sev)),
          h("td", {text: r.category}), h("td", {"class": "num", text: r.count}), h("td", {"class": "num", text: r.docs}));
      })));
  }

  function docLink(doc) {
    return h("a", {href: "#doc-" + doc.n, "class": "mono", text: doc.s});
  }

  // -- the two lists -------------------------------------------------------------------------------------------
  function drawList(kind) {
    append(main, h("h2", {text: kind === "documents" ? "Documents" : "Findings"}));
    append(main, filterForm(kind));
    var status = h("p", {"class": "status", id: "list-status", role: "status"});
    var holder = h("div", {id: "list"});
    append(main, [status, holder]);
    fillList(kind, false);
  }

  function option(value, label, selected) {
    return h("option", {value: value, selected: selected ? true : null, text: label});
  }

  function filterForm(kind) {
    var timer = null;
    function changed(key) {
      return function (event) {
        state[key] = event.target.value;
        state.page[kind] = 0;
        clearTimeout(timer);
        timer = setTimeout(function () { fillList(kind, true); }, key === "q" || key === "path" ? 150 : 0);
      };
    }
    var ruleNames = Object.keys(rules).sort();
    var form = h("form", {"class": "filters", role: "search", "aria-label": "Filter the " + kind,
      on: {submit: function (e) { e.preventDefault(); }}},
      h("label", {"for": "f-q"}, "Search",
        h("input", {id: "f-q", type: "search", value: state.q, placeholder: "title, URL, rule, message",
          on: {input: changed("q")}})),
      h("label", {"for": "f-sev"}, "Severity",
        h("select", {id: "f-sev", on: {change: changed("sev")}}, option("", "any severity", state.sev === ""),
          [0, 1, 2].map(function (i) { return option(String(i), MARK[i] + " " + SEV[i], state.sev === String(i)); }))),
      h("label", {"for": "f-cat"}, "Category",
        h("select", {id: "f-cat", on: {change: changed("cat")}}, option("", "any category", !state.cat),
          Object.keys(categories).sort().map(function (c) { return option(c, c, state.cat === c); }))),
      h("label", {"for": "f-rule"}, "Rule",
        h("select", {id: "f-rule", on: {change: changed("rule")}}, option("", "any rule", !state.rule),
          ruleNames.map(function (r) { return option(r, r, state.rule === r); }))),
      h("label", {"for": "f-path"}, "Path contains",
        h("input", {id: "f-path", type: "text", value: state.path, on: {input: changed("path")}})),
      kind === "documents" ? h("label", {"for": "f-sort"}, "Order",
        h("select", {id: "f-sort", on: {change: changed("sort")}}, option("input", "as audited", state.sort === "input"),
          option("errors", "most errors first", state.sort === "errors"), option("path", "path A–Z", state.sort === "path")))
        : h("label", {"for": "f-fsort"}, "Order",
          h("select", {id: "f-fsort", on: {change: changed("fsort")}}, option("input", "as audited", state.fsort === "input"),
            option("severity", "most severe first", state.fsort === "severity"), option("rule", "by rule", state.fsort === "rule"))),
      h("button", {type: "button", id: "f-clear", text: "Clear filters", on: {click: function () {
        state.q = ""; state.sev = ""; state.cat = ""; state.rule = ""; state.path = ""; state.page[kind] = 0;
        route();
        document.getElementById("f-q").focus();
      }}}));
    return form;
  }

  function fillList(kind, speak) {
    var q = state.q.trim().toLowerCase();
    var holder = document.getElementById("list");
    var status = document.getElementById("list-status");
    holder.textContent = "";
    var rows = [];
    if (kind === "documents") {
      rows = docs.filter(function (d) { return docMatches(d, q); });
      if (state.sort === "errors") rows = rows.slice().sort(function (a, b) {
        return b.counts[0] - a.counts[0] || b.counts[1] - a.counts[1] || a.n - b.n; });
      else if (state.sort === "path") rows = rows.slice().sort(function (a, b) { return a.s < b.s ? -1 : a.s > b.s ? 1 : 0; });
    } else {
      docs.forEach(function (d) {
        if (state.path && d.s.toLowerCase().indexOf(state.path.toLowerCase()) < 0) return;
        d.f.forEach(function (f, i) { if (findingMatches(d, f, q)) rows.push([d, f, i]); });
      });
      if (state.fsort === "severity") rows.sort(function (a, b) { return a[1][1] - b[1][1] || a[0].n - b[0].n || a[2] - b[2]; });
      else if (state.fsort === "rule") rows.sort(function (a, b) {
        return a[1][0] < b[1][0] ? -1 : a[1][0] > b[1][0] ? 1 : a[0].n - b[0].n || a[2] - b[2]; });
    }
    var pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
    var page = Math.min(state.page[kind], pages - 1);
    state.page[kind] = page;
    var shown = rows.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
    var text = kind === "documents" ? plural(rows.length, "document") + " of " + docs.length
      : plural(rows.length, "finding");
    status.textContent = text + (rows.length > PAGE_SIZE ? ", page " + (page + 1) + " of " + pages : "");
    if (speak) announce.textContent = status.textContent;
    if (!rows.length) { append(holder, h("p", {"class": "muted", text: "Nothing matches these filters."})); return; }
    append(holder, kind === "documents" ? documentsTable(shown) : findingsTable(shown));
    if (pages > 1) append(holder, pager(kind, page, pages));
  }

  function documentsTable(rows) {
    return h("table", {id: "documents-table"}, h("caption", {"class": "visually-hidden", text: "Documents"}),
      h("thead", null, h("tr", null, h("th", {scope: "col", text: "Document"}), h("th", {scope: "col", text: "Title"}),
        h("th", {scope: "col", "class": "num", text: "Errors"}), h("th", {scope: "col", "class": "num", text: "Warnings"}),
        h("th", {scope: "col", "class": "num", text: "Info"}))),
      h("tbody", null, rows.map(function (d) {
        return h("tr", null, h("td", null, docLink(d), d.x ? h("div", {"class": "sev sev-0", text: "✖ unreadable: " + d.x}) : null),
          h("td", {text: d.t || ""}), h("td", {"class": "num", text: d.counts[0]}), h("td", {"class": "num", text: d.counts[1]}),
          h("td", {"class": "num", text: d.counts[2]}));
      })));
  }

  function findingsTable(rows) {
    return h("table", {id: "findings-table"}, h("caption", {"class": "visually-hidden", text: "Findings"}),
      h("thead", null, h("tr", null, h("th", {scope: "col", text: "Severity"}), h("th", {scope: "col", text: "Rule"}),
        h("th", {scope: "col", text: "Document"}), h("th", {scope: "col", text: "Message"}))),
      h("tbody", null, rows.map(function (row) {
        var d = row[0], f = row[1];
        return h("tr", null, h("td", null, sevLabel(f[1])), h("td", {"class": "mono", text: f[0]}),
          h("td", null, docLink(d)), h("td", {text: f[3]}));
      })));
  }

  function pager(kind, page, pages) {
    function go(to) {
      return function () {
        state.page[kind] = to;
        fillList(kind, true);
        var next = document.getElementById(to > page ? "page-next" : "page-prev");
        (next && !next.disabled ? next : document.getElementById("list-status")).focus();
      };
    }
    return h("nav", {"class": "pager", "aria-label": "Pages"},
      h("button", {type: "button", id: "page-prev", disabled: page === 0, text: "← Previous page", on: {click: go(page - 1)}}),
      h("span", {text: "Page " + (page + 1) + " of " + pages}),
      h("button", {type: "button", id: "page-next", disabled: page >= pages - 1, text: "Next page →", on: {click: go(page + 1)}}));
  }

  // -- one document ----------------------------------------------------------------------------------------------
  function drawDocument(n) {
    var doc = docs[n];
    if (!doc) { append(main, h("p", {text: "No document " + n + " in this report."})); return; }
    var detail = json("seoaudit-doc-" + n) || {findings: [], meta: {}};
    document.title = doc.s + " · seoaudit report";
    append(main, h("p", null, h("a", {href: "#documents", text: "← All documents"})));
    append(main, h("div", {"class": "doc-head"}, h("h2", {"class": "mono", text: doc.s}),
      h("span", {"class": "muted", text: doc.k}),
      h("span", null, [0, 1, 2].map(function (i) { return [sevLabel(i), " " + doc.counts[i] + "  "]; }))));
    if (doc.x) append(main, h("p", {"class": "sev sev-0", text: "✖ unreadable: " + doc.x}));
    var p = detail.previews;
    if (p) {
      append(main, h("h3", {text: "In Google"}));
      p.search.forEach(function (result) {
        var desktop = result.device === "desktop";
        append(main, previewRow(serp(result), desktop ? beside(doc, p, {header: ["indexing"], url: ["url"],
          title: ["title"], description: ["description"]}, [["Title", result.title], ["Snippet", result.description]])
          : besideNote("The findings are beside the desktop result.", [["Title", result.title], ["Snippet", result.description]]),
          desktop ? "Google on a desktop" : "Google on a phone"));
      });
      append(main, h("h3", {text: "When shared"}));
      p.cards.forEach(function (card) {
        var own = card.platform === "x" ? {body: ["twitter"], image: ["x-image"]}
          : card.platform === "facebook" ? {body: ["opengraph"], image: ["image", "og-image"]} : null;
        var texts = [["Title", card.title], ["Description", card.description]];
        append(main, previewRow(cardView(card), own ? beside(doc, p, own, texts, card.notes)
          : besideNote("Its image and Open Graph findings are beside Facebook.", texts, card.notes),
          card.name + (card.variant ? " (" + card.variant + ")" : "")));
      });
    }
    append(main, h("h3", {id: "doc-findings", text: "All findings (" + doc.f.length + ")"}));
    append(main, docFindings(doc, detail.findings));
  }

  function previewRow(view, side, label) {
    return h("section", {"class": "preview-row", "aria-label": label}, h("div", null, h("h4", {"class": "visually-hidden", text: label}), view), side);
  }

  function cutNotes(texts) {
    return texts.filter(function (t) { return t[1] && t[1].cut; }).map(function (t) {
      return h("p", {"class": "note", text: t[0] + " cut after " + t[1].kept + " of " + t[1].length +
        " characters (" + t[1].limit + ")"});
    });
  }

  function besideNote(text, texts, notes) {
    return h("div", {"class": "beside"}, h("p", {"class": "muted", text: text}), cutNotes(texts),
      (notes || []).map(function (n) { return h("p", {"class": "note", text: n}); }));
  }

  function beside(doc, previews, elements, texts, notes) {
    var items = [];
    Object.keys(elements).forEach(function (label) {
      elements[label].forEach(function (element) {
        (previews.placed[element] || []).forEach(function (i) { items.push([element, i]); });
      });
    });
    var list = items.length ? h("ul", null, items.map(function (item) {
      var f = doc.f[item[1]];
      return h("li", null, sevLabel(f[1]), " ", h("span", {"class": "el", text: (ELEMENT_NAMES[item[0]] || item[0]) + ": "}),
        h("button", {type: "button", "class": "linklike mono", text: f[0], "aria-label": f[0] + ": go to the finding",
          on: {click: function () { focusFinding(item[1]); }}}),
        h("div", {text: f[3]}));
    })) : h("p", {"class": "sev", style: "color:var(--ok)", text: "✔ no findings here"});
    return h("div", {"class": "beside"}, list, cutNotes(texts), (notes || []).map(function (n) {
      return h("p", {"class": "note", text: n});
    }));
  }

  function focusFinding(i) {
    var row = document.getElementById("finding-" + i);
    if (!row) return;
    row.classList.add("flash");
    row.querySelector("th").focus();
    setTimeout(function () { row.classList.remove("flash"); }, 2000);
  }

  function lines(printed, cls) {
    // The model's lines are drawn as they are; a text cut by a count or a pixel budget (not by lines) wraps.
    if (!printed) return null;
    var wrapped = !/ lines? of /.test(printed.limit);
    return h("div", {"class": cls}, printed.lines.map(function (line) {
      return h("span", {"class": "ln" + (wrapped ? " wrapped" : ""), text: line});
    }));
  }

  function serp(r) {
    var desktop = r.device === "desktop";
    var site = h("div", {"class": "site"}, h("span", {"class": "fav", "aria-hidden": "true", text: (r.site_name.text || "?").charAt(0).toUpperCase()}),
      h("div", null, h("div", {"class": "site-name", text: r.site_name.text}),
        r.url_line ? lines(r.url_line, "url") : h("div", {"class": "url none", text: "(no URL known)"})));
    return h("div", {"class": "serp " + (desktop ? "desktop" : "mobile") + (r.shown ? "" : " hidden-result"),
      "data-device": r.device},
      site,
      r.title ? lines(r.title, "title") : h("div", {"class": "title none", text: "(no title)"}),
      r.description ? lines(r.description, "snippet")
        : h("p", {"class": "snippet none", text: "(no meta description: Google picks text from the page)"}),
      r.notes.map(function (n) { return h("p", {"class": "note", text: n}); }));
  }

  function imageView(img, platform) {
    if (!img) return null;
    var crop = img.crop;
    var w, hgt;
    if (img.fit === "cover") {
      w = crop ? crop.drawn_w : {facebook: 500, linkedin: 552, x: 504}[platform] || 130;
      var ratio = crop ? crop.drawn_w / crop.drawn_h : img.frame === "2:1" ? 2 : img.frame === "1:1" ? 1 : 1.91;
      hgt = Math.round(w / ratio);
    } else {  // scaled into a box ("fit in 360×500"): unknown size, drawn as the box's width at 1.91:1
      var box = /(\d+)×(\d+)/.exec(img.frame) || [0, 120, 80];
      w = crop ? crop.drawn_w : Number(box[1]);
      hgt = crop ? crop.drawn_h : Math.min(Number(box[2]), Math.round(Number(box[1]) / (Number(box[1]) < 100 ? 1 : 1.91)));
    }
    var style = "width:" + w + "px;max-width:100%;aspect-ratio:" + w + "/" + hgt;
    var data = img.embed ? json(img.embed) : null;
    if (data) {
      return h("div", {"class": "frame" + (img.fit === "contain" ? " contain" : ""), style: style},
        h("img", {src: data, alt: img.alt || "", title: img.label}));
    }
    var label = img.state === "unknown-size" ? (w < 100 ? "size unknown" : img.label)
      : (img.width + "×" + img.height + " (" + img.size_origin + ")" + (w < 100 ? "" : " · " + img.frame +
        (crop && crop.lost > 0.005 ? " · " + Math.round(crop.lost * 100) + "% cut off" : "")));
    return h("div", {"class": "frame ph", role: "img", "aria-label": "image placeholder: " + img.label, style: style,
      title: img.url}, h("span", {text: label}));
  }

  function cardView(card) {
    if (card.layout === "none") {
      return h("div", {"class": "card " + card.platform, "data-platform": card.platform},
        h("div", {"class": "body none", text: "No card: shared as a plain link."}));
    }
    var shownImage = card.image && card.image.state !== "refused" ? card.image : null;
    var texts = [card.site ? h("div", {"class": "site", text: card.site}) : null,
      lines(card.title, "ctitle"), lines(card.description, "cdesc")];
    var body;
    if (card.layout === "large" && card.platform === "x") {
      var frame = imageView(shownImage, "x");
      append(frame, h("span", {"class": "overlay", text: card.site || ""}));
      body = [frame];
    } else if (card.layout === "large" && (card.platform === "slack" || card.platform === "discord")) {
      body = [h("div", {"class": "body"}, texts, imageView(shownImage, card.platform))];
    } else if (card.layout === "large") {
      body = [imageView(shownImage, card.platform), h("div", {"class": "body"}, texts)];
    } else if (card.layout === "small") {
      var thumb = imageView(shownImage, card.platform);
      body = [h("div", {"class": "row body"}, card.platform === "slack" || card.platform === "discord"
        ? [h("div", null, texts), thumb] : [thumb, h("div", null, texts)])];
    } else {
      body = [h("div", {"class": "body"}, texts,
        card.image ? h("p", {"class": "note", text: "Image not shown: " + card.image.label}) : null)];
    }
    return h("div", {"class": "card " + card.platform + " " + card.layout, "data-platform": card.platform}, body);
  }

  function docFindings(doc, details) {
    if (!doc.f.length) return h("p", {"class": "sev", style: "color:var(--ok)", text: "✔ no findings"});
    return h("table", {"class": "finding-table", id: "doc-findings-table"},
      h("caption", {"class": "visually-hidden", text: "Findings of " + doc.s}),
      h("thead", null, h("tr", null, h("th", {scope: "col", text: "Rule"}), h("th", {scope: "col", text: "Severity"}),
        h("th", {scope: "col", text: "Where"}), h("th", {scope: "col", text: "What was found"}))),
      h("tbody", null, doc.f.map(function (f, i) {
        var d = details[i] || {};
        var facts = [];
        if (d.value != null) facts.push(["value", JSON.stringify(d.value)]);
        if (d.expected != null) facts.push(["expected", JSON.stringify(d.expected)]);
        if (d.fix) facts.push(["fix", d.fix]);
        return h("tr", {id: "finding-" + i},
          h("th", {scope: "row", "class": "mono", tabindex: "-1", text: f[0]}), h("td", null, sevLabel(f[1])),
          h("td", {"class": "mono", text: (d.view ? d.view + " " : "") + (d.location || "")}),
          h("td", null, h("div", {text: f[3]}), facts.map(function (fact) {
            return h("div", {"class": "muted"}, h("strong", {text: fact[0] + ": "}), fact[1]);
          })));
      })));
  }

  runLine();
  window.addEventListener("hashchange", function () { route(); main.focus(); });
  route();
})();
