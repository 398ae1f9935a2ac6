// Response counters in the admin ([data-live-count="<consultation key>"], see
// templates/consultations/admin/includes/live_count.html) follow new responses live.
// Each count carries the version of the counter it was read from: a count that arrives
// after a later one (two answers sent at the same moment) is ignored.
(function () {
  "use strict";
  var counters = document.querySelectorAll("[data-live-count]");
  if (!counters.length || !window.Shabaka) return;
  window.Shabaka.live({
    socketUrl: "/ws/consultations/counts/",
    onEvent: function (event) {
      if (event.type !== "count") return;
      document.querySelectorAll('[data-live-count="' + event.key + '"]').forEach(function (counter) {
        if (Number(counter.dataset.liveVersion || 0) > event.version) return;
        counter.dataset.liveVersion = event.version;
        counter.textContent = event.count;
      });
    },
  });
})();
