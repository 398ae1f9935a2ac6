// Response counters in the admin ([data-live-count="<consultation key>"]) follow new responses live.
(function () {
  "use strict";
  var counters = document.querySelectorAll("[data-live-count]");
  if (!counters.length || !window.Shabaka) return;
  window.Shabaka.live({
    socketUrl: "/ws/consultations/counts/",
    onEvent: function (event) {
      if (event.type !== "count") return;
      document.querySelectorAll('[data-live-count="' + event.key + '"]').forEach(function (counter) {
        counter.textContent = event.count;
      });
    },
  });
})();
