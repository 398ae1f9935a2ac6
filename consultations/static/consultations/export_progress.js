// Follow a background export until its file is ready, live (polling when WebSockets are unavailable).
(function () {
  "use strict";
  var box = document.querySelector("[data-export-job]");
  if (!box || !window.Shabaka) return;
  var bar = box.querySelector("progress");
  var text = box.querySelector("[data-export-text]");
  var ready = box.querySelector("[data-export-ready]");
  window.Shabaka.live({
    socketUrl: box.dataset.exportSocket,
    pollUrl: box.dataset.exportJob,
    onEvent: function (job) {
      if (job.type !== "progress") return;
      bar.value = job.percent;
      text.textContent = job.percent + "% — " + job.rows + " / " + job.total;
      if (job.status === "done") ready.hidden = false;
    },
  });
})();
