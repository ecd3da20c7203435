/* seoaudit diff page: draws #seoaudit-diff (the JSON diff). Texts go through textContent only. */
(function () {
  "use strict";
  var SEV = ["error", "warning", "info"];
  var MARK = {error: "✖", warning: "▲", info: "●"};
  var CHANGE = {"new": "+ new", fixed: "− fixed", unchanged: "= unchanged"};
  var PAGE_SIZE = 25;
  var data = JSON.parse(document.getElementById("seoaudit-diff").textContent);
  var main = document.getElementById("main");
  var state = {show: {"new": true, fixed: true}, sev: "", q: "", page: 0};

  var h = seoauditDom.h, add = seoauditDom.add, plural = seoauditDom.plural;
  function sev(s) { return h("span", {"class": "sev sev-" + SEV.indexOf(s), text: MARK[s] + " " + s}); }
  function where(f) {
    var l = f.location || {};
    return [l.pointer, l.line ? "line " + l.line : null, l.path].filter(Boolean).join(" ") || "document";
  }

  var s = data.summary;
  document.getElementById("run-line").textContent = data.old + " → " + data.new + " · fails on " + data.fail_on;
  add(main, h("h2", {text: "Changes"}));
  add(main, h("ul", {"class": "tiles", "aria-label": "Totals"},
    ["new", "fixed", "unchanged"].map(function (k) {
      var by = s[k + "_by_severity"];
      return h("li", null, h("span", {"class": "n", text: s[k]}), k + " findings",
        h("div", {"class": "muted", text: SEV.filter(function (x) { return by[x]; }).map(function (x) {
          return plural(by[x], x); }).join(", ")}));
    }),
    h("li", null, h("span", {"class": "n", text: s.documents.changed}), "documents changed",
      h("div", {"class": "muted", text: s.documents.added + " added, " + s.documents.removed + " removed"}))));

  function changed() { state.page = 0; draw(true); }
  var form = h("form", {"class": "filters", role: "search", "aria-label": "Filter the changes",
    on: {submit: function (e) { e.preventDefault(); }}},
    ["new", "fixed", "unchanged"].map(function (k) {
      return h("label", {"for": "c-" + k, "class": "check"},
        h("input", {id: "c-" + k, type: "checkbox", checked: state.show[k] ? true : null, on: {change: function (e) {
          state.show[k] = e.target.checked; changed(); }}}), "Show " + k);
    }),
    h("label", {"for": "c-sev"}, "Severity", h("select", {id: "c-sev", on: {change: function (e) { state.sev = e.target.value; changed(); }}},
      h("option", {value: "", text: "any severity"}), SEV.map(function (x) { return h("option", {value: x, text: MARK[x] + " " + x}); }))),
    h("label", {"for": "c-q"}, "Search", h("input", {id: "c-q", type: "search", placeholder: "path, rule, message",
      on: {input: function (e) { state.q = e.target.value.trim().toLowerCase(); changed(); }}})));
  add(main, form);
  var status = h("p", {"class": "status", id: "diff-status", role: "status"});
  var list = h("div", {id: "diff-list"});
  add(main, [status, list]);

  function keep(doc, f, kind) {
    if (!state.show[kind]) return false;
    if (state.sev && f.severity !== state.sev) return false;
    if (state.q && (doc.source + "\n" + f.rule + "\n" + f.message).toLowerCase().indexOf(state.q) < 0) return false;
    return true;
  }

  function draw(speak) {
    var rows = [];
    data.documents.forEach(function (doc) {
      var shown = [];
      ["new", "fixed", "unchanged"].forEach(function (kind) {
        doc[kind].forEach(function (f) { if (keep(doc, f, kind)) shown.push([kind, f]); });
      });
      if (shown.length) rows.push([doc, shown]);
    });
    var pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
    state.page = Math.min(state.page, pages - 1);
    var count = rows.reduce(function (n, r) { return n + r[1].length; }, 0);
    status.textContent = plural(count, "finding") + " in " + plural(rows.length, "document") +
      (pages > 1 ? ", page " + (state.page + 1) + " of " + pages : "");
    if (speak) document.getElementById("announce").textContent = status.textContent;
    list.textContent = "";
    rows.slice(state.page * PAGE_SIZE, (state.page + 1) * PAGE_SIZE).forEach(function (row) {
      var doc = row[0];
      add(list, h("section", {"class": "diff-doc", "aria-label": doc.source},
        h("h3", null, h("span", {"class": "mono", text: doc.source}), " ", h("span", {"class": "muted", text: "· " + doc.status})),
        h("table", null, h("caption", {"class": "visually-hidden", text: "Changes in " + doc.source}),
          h("thead", null, h("tr", null, ["Change", "Severity", "Rule", "Where", "Message"].map(function (t) {
            return h("th", {scope: "col", text: t}); }))),
          h("tbody", null, row[1].map(function (item) {
            var f = item[1];
            return h("tr", {"data-change": item[0]}, h("td", {"class": "sev", text: CHANGE[item[0]]}), h("td", null, sev(f.severity)),
              h("td", {"class": "mono", text: f.rule}), h("td", {"class": "mono", text: where(f)}), h("td", {text: f.message}));
          })))));
    });
    if (!rows.length) add(list, h("p", {"class": "muted", text: "No change matches these filters."}));
    if (pages > 1) {
      add(list, h("nav", {"class": "pager", "aria-label": "Pages"},
        h("button", {type: "button", disabled: state.page === 0 ? true : null, text: "← Previous page",
          on: {click: function () { state.page -= 1; draw(true); status.focus(); }}}),
        h("span", {text: "Page " + (state.page + 1) + " of " + pages}),
        h("button", {type: "button", disabled: state.page >= pages - 1 ? true : null, text: "Next page →",
          on: {click: function () { state.page += 1; draw(true); status.focus(); }}})));
    }
  }
  status.setAttribute("tabindex", "-1");
  draw(false);
})();
