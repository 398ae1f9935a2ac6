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
// one another (1, 2, 3…): a jump means something was dropped on the way, and
// the client asks for the catch-up again. Replayed events (`replay: true`,
// and every polled one) come from the database and may skip ids.
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

    function handle(event, replayed) {
      if (typeof event.id === "number") {
        if (options.contiguous && !replayed && event.id > since + 1) send({ type: "hello", since: since });
        if (event.id > since) since = event.id;
      }
      options.onEvent(event);
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
        .then(function (data) { (data.events || []).forEach(function (event) { handle(event, true); }); })
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
        handle(event, event.replay === true);
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
