// Remembers the reader's column choice (both / French / English) for this page. The choice
// itself works without script (radio inputs read by CSS :has()); this only stores it and
// mirrors it on <html data-view> for browsers without :has(). Storage can be refused
// (file:// in some browsers, private modes), hence the guards.
(function () {
  "use strict";
  var key = "diglot-view:" + location.pathname;
  var root = document.documentElement;
  function read() {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }
  function write(value) {
    try { window.localStorage.setItem(key, value); } catch (e) { /* not remembered */ }
  }
  function show(value) {
    root.setAttribute("data-view", value);
  }
  var radios = document.querySelectorAll('input[name="view"]');
  var saved = read();
  Array.prototype.forEach.call(radios, function (radio) {
    if (radio.value === saved) { radio.checked = true; }
    if (radio.checked) { show(radio.value); }
    radio.addEventListener("change", function () {
      if (radio.checked) { show(radio.value); write(radio.value); }
    });
  });
}());
// Sentence links: pointing at, tapping or focusing a sentence lights it and its counterpart
// in the other column (they share data-sentence); on a phone, where the columns are
// stacked, a tap also brings the counterpart into view. Keyboard: from a passage's number,
// the arrow keys walk its sentences (made focusable only then: no extra tab stops) and
// Escape goes back. Without script the page reads the same, untouched.
(function () {
  "use strict";
  var main = document.querySelector("main");
  if (!main || !main.querySelector("[data-sentence]")) { return; }
  var lit = [];
  function group(id) { return main.querySelectorAll('[data-sentence="' + id + '"]'); }
  function light(el) {
    lit.forEach(function (s) { s.classList.remove("lit"); });
    lit = el ? Array.prototype.slice.call(group(el.getAttribute("data-sentence"))) : [];
    lit.forEach(function (s) { s.classList.add("lit"); });
  }
  function sentenceOf(node) {
    return node && node.closest ? node.closest("[data-sentence]") : null;
  }
  main.addEventListener("mouseover", function (e) { light(sentenceOf(e.target)); });
  main.addEventListener("mouseleave", function () { light(null); });
  main.addEventListener("focusin", function (e) { light(sentenceOf(e.target)); });
  var narrow = window.matchMedia ? window.matchMedia("(max-width: 42rem)") : null;
  main.addEventListener("click", function (e) {
    var s = sentenceOf(e.target);
    if (!s || (e.target.closest && e.target.closest("a"))) { return; }
    light(s);
    if (narrow && narrow.matches) {
      var other = lit.filter(function (x) { return !x.closest(".seg").isSameNode(s.closest(".seg")); })[0];
      if (other) { other.scrollIntoView({block: "nearest", behavior: "smooth"}); }
    }
  });
  var keys = {ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1};
  main.addEventListener("keydown", function (e) {
    var pair = e.target.closest ? e.target.closest(".pair") : null;
    if (!pair) { return; }
    var own = Array.prototype.slice.call(pair.querySelectorAll(".col-fr [data-sentence]"));
    if (e.key === "Escape" && sentenceOf(e.target)) {
      var number = pair.querySelector(".permalink");
      if (number) { number.focus(); e.preventDefault(); }
      return;
    }
    if (!(e.key in keys) || !own.length) { return; }
    var at = own.indexOf(sentenceOf(e.target)), step = keys[e.key];
    var next = at < 0 ? own[step > 0 ? 0 : own.length - 1] : own[(at + step + own.length) % own.length];
    next.setAttribute("tabindex", "-1");
    next.focus();
    e.preventDefault();
  });
}());
// Tables: the French and English tables of a pair start level, but a row whose text wraps
// more in one language would push every later row of that table down. When the two tables
// stand side by side, each row gets the height of the taller of the pair, so row n of the
// French faces row n of the English. Stacked (a phone) or one language shown: heights reset.
(function () {
  "use strict";
  var pairs = document.querySelectorAll(".pair.table");
  if (!pairs.length) { return; }
  function rows(pair, col) { return pair.querySelectorAll(".col-" + col + " tr"); }
  function level(pair) {
    var fr = rows(pair, "fr"), en = rows(pair, "en"), all = [].concat([].slice.call(fr), [].slice.call(en));
    all.forEach(function (r) { r.style.height = ""; });
    var a = pair.querySelector(".col-fr table"), b = pair.querySelector(".col-en table");
    if (!a || !b || fr.length !== en.length || !a.offsetHeight || !b.offsetHeight
        || Math.abs(a.getBoundingClientRect().top - b.getBoundingClientRect().top) > 1) { return; }
    var heights = [].map.call(fr, function (r, i) {
      return Math.max(r.getBoundingClientRect().height, en[i].getBoundingClientRect().height);
    });
    // Whole pixels: a fraction rounds apart in the two tables, and paper breaks them apart.
    heights.forEach(function (h, i) { fr[i].style.height = en[i].style.height = Math.ceil(h) + "px"; });
  }
  var pending = 0;
  function all() {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(function () { [].forEach.call(pairs, level); });
  }
  all();
  window.addEventListener("resize", all);
  window.addEventListener("load", all);
  // Print lays the page out again at the paper's width: the screen's heights would not fit
  // it. When the print media query starts to match, the page is already laid out for
  // paper (Chromium, Firefox): level it there and then, and again for the screen after.
  var print = window.matchMedia ? window.matchMedia("print") : null;
  function printing(e) {
    if (e.matches) { [].forEach.call(pairs, level); } else { all(); }
  }
  if (print && print.addEventListener) { print.addEventListener("change", printing); }
  else if (print && print.addListener) { print.addListener(printing); }
  // A browser printing without that change (print media already on, as a page-to-PDF
  // tool emulates it, or no media queries): the heights go, rows start level at least.
  window.addEventListener("beforeprint", function () {
    if (print && !print.matches) { return; }
    [].forEach.call(document.querySelectorAll(".pair.table tr"), function (r) { r.style.height = ""; });
  });
  window.addEventListener("afterprint", all);
  [].forEach.call(document.querySelectorAll('input[name="view"]'), function (r) {
    r.addEventListener("change", all);
  });
}());
