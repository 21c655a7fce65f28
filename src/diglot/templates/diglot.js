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
