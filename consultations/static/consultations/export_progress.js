// Follow a background export until its file is ready (the page works without it: reload to update).
(function () {
  "use strict";
  var box = document.querySelector("[data-export-job]");
  if (!box) return;
  var bar = box.querySelector("progress");
  var text = box.querySelector("[data-export-text]");
  var ready = box.querySelector("[data-export-ready]");
  function poll() {
    fetch(box.dataset.exportJob, { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (job) {
        bar.value = job.percent;
        text.textContent = job.percent + "% — " + job.rows + " / " + job.total;
        if (job.status === "done") { ready.hidden = false; return; }
        if (job.status !== "failed") setTimeout(poll, 1000);
      })
      .catch(function () { setTimeout(poll, 3000); });
  }
  poll();
})();
