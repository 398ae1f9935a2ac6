// The facilitator's view of a live session: shows every idea's moderation state
// and sends the moderation forms over the session's WebSocket when it is open
// (they post as plain forms otherwise). Loaded before live_session.js, which
// calls `Shabaka.facilitate.show` for every idea it updates.
(function () {
  "use strict";
  window.Shabaka = window.Shabaka || {};
  var texts = JSON.parse(document.getElementById("live-status-texts").textContent);

  function state(idea) {
    var parts = [];
    if (idea.merged_into) parts.push(texts.merged.replace("%(number)s", idea.merged_into));
    else if (idea.hidden) parts.push(texts.hidden);
    if (idea.promoted) parts.push(texts.promoted);
    if (idea.vote_burst) parts.push(texts.vote_burst);
    return parts.join(" ");
  }

  window.Shabaka.facilitate = {
    show: function (item, idea) {
      item.classList.toggle("idea--hidden", !idea.shown);
      item.querySelector('[data-field="number"]').textContent = idea.pk;
      item.querySelector('[data-field="state"]').textContent = state(idea);
      item.querySelectorAll("[data-if]").forEach(function (button) { button.hidden = !idea[button.dataset.if]; });
      item.querySelectorAll("[data-unless]").forEach(function (button) { button.hidden = !!idea[button.dataset.unless]; });
      var tags = item.querySelector('[data-field="tag-input"]');
      if (tags !== document.activeElement) tags.value = idea.tags.join(", ");
    },
  };

  document.addEventListener("submit", function (event) {
    var form = event.target.closest("[data-action-form]");
    if (!form || !event.submitter || !window.Shabaka.session) return;
    var message = { type: event.submitter.value, idea: Number(form.elements.idea.value) };
    if (form.elements.into) message.into = Number(form.elements.into.value);
    if (form.elements.tags) message.tags = form.elements.tags.value.split(",");
    if (window.Shabaka.session.connection.send(message)) {
      event.preventDefault();
      if (form.elements.into) form.elements.into.value = "";
    }
  });
})();
