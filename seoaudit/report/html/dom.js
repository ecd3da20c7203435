/* What both pages (report.js, diff.js) build their elements with: every text through textContent, never
   innerHTML, so nothing a page says can become markup. */
var seoauditDom = (function () {
  "use strict";
  function h(tag, attrs) {
    var el = document.createElement(tag);
    var key;
    for (key in attrs || {}) {
      if (!Object.prototype.hasOwnProperty.call(attrs, key) || attrs[key] == null || attrs[key] === false) continue;
      if (key === "text") el.textContent = attrs[key];
      else if (key === "on") { for (var ev in attrs.on) el.addEventListener(ev, attrs.on[ev]); }
      else el.setAttribute(key, attrs[key] === true ? "" : attrs[key]);
    }
    for (var i = 2; i < arguments.length; i++) add(el, arguments[i]);
    return el;
  }
  function add(el, child) {
    if (child == null || child === false) return;
    if (Array.isArray(child)) { child.forEach(function (c) { add(el, c); }); return; }
    el.appendChild(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
  }
  function plural(n, word) { return n + " " + word + (n === 1 || word === "info" ? "" : "s"); }
  return {h: h, add: add, plural: plural};
})();
