// Live updates: a WebSocket that reconnects, catches up, and falls back to polling.
//
//   Shabaka.live({ socketUrl, pollUrl, since, onEvent, onStatus })
//
// `socketUrl` is a path ("/ws/…"); the page's language goes with it, for the
// server's messages. After every (re)connection the client sends
// {"type": "hello", "since": <last id seen>} and the server replays what was
// missed from the database. When WebSockets keep failing (a proxy that does
// not pass them, an old network), it polls `pollUrl?since=<id>` every few
// seconds instead; the JSON answer is {"events": [...]}. Events carrying an
// `id` advance `since`.
//
// Channel layers drop messages silently when a channel is full. With
// `contiguous: true` the server promises that the ids of live events follow
// one another (1, 2, 3…), and a catch-up starts with an event carrying
// `up_to`, the last id it covers. `since` is then the id up to which nothing
// is missing. An id further ahead waits a second for the ones before it (two
// servers may deliver out of order); if they have not come, the client asks
// for the catch-up. After half a minute without any event it asks too, so
// that a lost last event is found as well.
(function () {
  "use strict";
  window.Shabaka = window.Shabaka || {};

  window.Shabaka.live = function (options) {
    var since = options.since || 0;
    var failures = 0;
    var everOpened = false;
    var socket = null;
    var polling = false;
    var onStatus = options.onStatus || function () {};
    var ahead = {};
    var gapTimer = null;
    var lastEvent = Date.now();

    function catchUp() { send({ type: "hello", since: since }); }

    function advance(id) {
      if (!options.contiguous) { if (id > since) since = id; return; }
      if (id > since + 1) {
        ahead[id] = true;
        if (!gapTimer) gapTimer = setTimeout(function () { gapTimer = null; if (Object.keys(ahead).length) catchUp(); }, 1000);
        return;
      }
      if (id === since + 1) since = id;
      while (ahead[since + 1]) { delete ahead[since + 1]; since += 1; }
    }

    function handle(event) {
      lastEvent = Date.now();
      if (typeof event.up_to === "number" && event.up_to > since) {
        since = event.up_to;
        Object.keys(ahead).forEach(function (id) { if (Number(id) <= since) delete ahead[id]; });
      }
      if (typeof event.id === "number") advance(event.id);
      options.onEvent(event);
    }

    if (options.contiguous) {
      setInterval(function () { if (Date.now() - lastEvent > 30000) { lastEvent = Date.now(); catchUp(); } }, 5000);
    }

    function send(message) {
      if (socket && socket.readyState === WebSocket.OPEN) { socket.send(JSON.stringify(message)); return true; }
      return false;
    }

    function poll() {
      if (!options.pollUrl) return;
      polling = true;
      onStatus("polling");
      var separator = options.pollUrl.indexOf("?") === -1 ? "?" : "&";
      fetch(options.pollUrl + separator + "since=" + since, { credentials: "same-origin" })
        .then(function (response) { return response.json(); })
        .then(function (data) { (data.events || []).forEach(handle); })
        .catch(function () {})
        .then(function () { setTimeout(poll, 3000); });
    }

    function connect() {
      if (!("WebSocket" in window)) { poll(); return; }
      var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
      var separator = options.socketUrl.indexOf("?") === -1 ? "?" : "&";
      var language = "lang=" + encodeURIComponent(document.documentElement.lang || "");
      socket = new WebSocket(scheme + window.location.host + options.socketUrl + separator + language);
      socket.onopen = function () {
        failures = 0;
        everOpened = true;
        onStatus("live");
        socket.send(JSON.stringify({ type: "hello", since: since }));
      };
      socket.onmessage = function (message) {
        var event;
        try { event = JSON.parse(message.data); } catch (error) { return; }
        handle(event);
      };
      socket.onclose = function (event) {
        if (event.code === 4403) { onStatus("forbidden"); return; }
        failures += 1;
        onStatus("reconnecting");
        // A socket that never opened is most likely blocked on the way: poll sooner.
        if ((failures >= 4 || (!everOpened && failures >= 2)) && options.pollUrl) { if (!polling) poll(); return; }
        setTimeout(connect, Math.min(1000 * Math.pow(2, failures), 15000));
      };
    }

    connect();
    return { send: send };
  };
})();
