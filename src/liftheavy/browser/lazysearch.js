// Search on demand: Material starts its search worker and downloads the search index as soon
// as a page loads (about 37 KB gzip, more than a third of a first visit), though most visits
// never search. This runs in <head>, before Material's bundle, and holds both back until the
// reader reaches for search: touches or points at the search button, focuses the search box
// (Material's keyboard shortcuts do) or opens the search overlay. Meanwhile Material shows its
// own "Initializing search" line. The service worker still saves both for offline use.
(function () {
  "use strict";
  var started = false;
  var waiting = [];
  var SEARCH_FILES = /\/(search\/search_index\.json|assets\/javascripts\/workers\/search\.[^/]*\.js)$/;

  function isSearchFile(url) {
    try {
      return SEARCH_FILES.test(new URL(url, location.href).pathname);
    } catch (error) {
      return false;
    }
  }

  function whenStarted(run) {
    if (started) run();
    else waiting.push(run);
  }

  function start() {
    if (started) return;
    started = true;
    waiting.splice(0).forEach(function (run) { run(); });
  }

  // Material downloads the index with XMLHttpRequest: its request is sent once search starts.
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var held = new WeakSet();
  XMLHttpRequest.prototype.open = function (method, url) {
    if (isSearchFile(url)) held.add(this);
    else held.delete(this);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (!held.has(request)) return send.apply(request, args);
    whenStarted(function () { send.apply(request, args); });
  };

  // The worker: a stand-in that keeps Material's messages until the real one exists.
  var RealWorker = window.Worker;
  if (RealWorker) {
    window.Worker = function (url, options) {
      if (started || !isSearchFile(url)) return new RealWorker(url, options);
      var standIn = new EventTarget();
      var queue = [];
      var real = null;
      standIn.postMessage = function (message) {
        if (real) real.postMessage(message);
        else queue.push(message);
      };
      standIn.terminate = function () {
        if (real) real.terminate();
        queue = [];
      };
      whenStarted(function () {
        real = new RealWorker(url, options);
        real.addEventListener("message", function (event) {
          standIn.dispatchEvent(new MessageEvent("message", { data: event.data }));
        });
        real.addEventListener("error", function () { standIn.dispatchEvent(new Event("error")); });
        queue.splice(0).forEach(function (message) { real.postMessage(message); });
      });
      return standIn;
    };
    window.Worker.prototype = RealWorker.prototype;
  }

  function reachesForSearch(event) {
    var target = event.target;
    if (target && target.closest && target.closest("form[name=search], label[for=__search], #__search")) start();
  }
  ["pointerdown", "pointerover", "focusin", "change"].forEach(function (type) {
    document.addEventListener(type, reachesForSearch, { capture: true, passive: true });
  });
})();
