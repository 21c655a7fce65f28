// diglot serve's preview only: asks the server to be told when this page's content
// changes (server-sent events), then reloads it. The page's generation is in its
// <meta name="diglot-preview">; a server restarted since has other generations.
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="diglot-preview"]');
  if (!meta || !window.EventSource) { return; }
  var url = "/_diglot/events?page=" + encodeURIComponent(location.pathname) +
    "&generation=" + encodeURIComponent(meta.getAttribute("content"));
  var events = new EventSource(url);
  events.addEventListener("reload", function () {
    events.close();
    location.reload();
  });
}());
