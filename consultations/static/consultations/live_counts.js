// Response counters in the admin ([data-live-count="<consultation key>"], see
// templates/consultations/admin/includes/live_count.html) follow new responses live.
// Each count carries the version of the counter it was read from: a count that arrives
// after a later one (two answers sent at the same moment) is ignored.
// A listing whose filters are changed in place gets its counter after the page has loaded
// (a consultation chosen in the filters): the socket opens when the first counter appears.
(function () {
  "use strict";
  if (!window.Shabaka) return;
  var following = false;

  function follow() {
    if (following || !document.querySelector("[data-live-count]")) return following;
    following = true;
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
    return following;
  }

  if (follow()) return;
  var observer = new MutationObserver(function () {
    if (follow()) observer.disconnect();
  });
  observer.observe(document.body, { childList: true, subtree: true });
})();
