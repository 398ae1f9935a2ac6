// Live sessions: the board, a participant's phone and the facilitator's view follow one session.
//
// The page is rendered complete by the server and works without this script
// (forms post and come back). With it, `Shabaka.live` keeps the page in step:
// every `idea` event carries an idea's whole state, which replaces what the
// page shows; ideas are sorted highlighted first, then by votes. Participants
// post over the WebSocket when it is open, and over HTTP otherwise, with a
// `client_key` so that a post sent twice is kept once.
(function () {
  "use strict";
  var root = document.querySelector("[data-live-session]");
  if (!root || !window.Shabaka || !window.Shabaka.live) return;

  var role = root.dataset.role;
  var facilitator = role === "facilitator";
  var template = document.querySelector("[data-idea-template]");
  var status = root.querySelector("[data-live-status]");
  var formError = root.querySelector("[data-form-error]");
  var statusTexts = JSON.parse(document.getElementById("live-status-texts").textContent);

  function column(axis) {
    return root.querySelector('.idea-list[data-axis="' + CSS.escape(axis || "") + '"]') ||
      root.querySelector('.idea-list[data-axis=""]');
  }

  function sortColumn(list) {
    var items = Array.prototype.slice.call(list.children);
    items.sort(function (a, b) {
      return (b.dataset.highlighted ? 1 : 0) - (a.dataset.highlighted ? 1 : 0) ||
        Number(b.dataset.votes) - Number(a.dataset.votes) ||
        Number(a.dataset.idea) - Number(b.dataset.idea);
    });
    items.forEach(function (item) { list.appendChild(item); });
  }

  function field(item, name) { return item.querySelector('[data-field="' + name + '"]'); }

  function newItem(pk) {
    var item = template.content.firstElementChild.cloneNode(true);
    item.dataset.idea = pk;
    var vote = item.querySelector("[data-vote-form]");
    if (vote) vote.action = root.dataset.voteUrl.replace(/\/0\/vote\/$/, "/" + pk + "/vote/");
    item.querySelectorAll("[data-idea-ref]").forEach(function (input) { input.value = pk; });
    return item;
  }

  function show(state) {
    var item = root.querySelector('.idea[data-idea="' + state.pk + '"]');
    if (!state.shown && !facilitator) { if (item) item.remove(); return; }
    if (!item) item = newItem(state.pk);
    field(item, "text").textContent = state.text;
    field(item, "votes").textContent = state.votes;
    field(item, "tags").textContent = state.tags.join(", ");
    field(item, "highlighted").hidden = !state.highlighted;
    item.dataset.votes = state.votes;
    item.dataset.highlighted = state.highlighted ? "1" : "";
    item.classList.toggle("idea--highlighted", state.highlighted);
    if (facilitator) window.Shabaka.facilitate.show(item, state);
    var list = column(state.axis);
    if (item.parentNode !== list) list.appendChild(item);
    sortColumn(list);
  }

  function sessionStatus(open) {
    root.dataset.open = open ? "1" : "";
    var notice = root.querySelector("[data-closed-notice]");
    if (notice) notice.hidden = open;
    root.querySelectorAll("[data-idea-form] button, [data-vote-form] button").forEach(function (button) {
      button.disabled = !open;
    });
  }

  var connection = window.Shabaka.live({
    socketUrl: root.dataset.socket,
    pollUrl: root.dataset.poll,
    since: Number(root.dataset.since) || 0,
    contiguous: true,
    onStatus: function (state) { if (status) status.textContent = statusTexts[state] || ""; },
    onEvent: function (event) {
      if (event.type === "idea") show(event.idea);
      else if (event.type === "session") sessionStatus(event.status === "open");
      else if (event.type === "error") report(event.message);
      else if (event.type === "posted") posted();
    },
  });
  window.Shabaka.session = { connection: connection, root: root, report: report };

  function report(message) {
    if (!formError) { if (status) status.textContent = message; return; }
    formError.textContent = message;
    formError.hidden = !message;
  }

  // --- Participants: post and vote without leaving the page ---
  var form = root.querySelector("[data-idea-form]");
  function posted() {
    if (!form) return;
    form.reset();
    form.elements.client_key.value = "";
    report("");
  }

  function postOverHttp(target, data) {
    return fetch(target.action || window.location.href, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    }).then(function (response) {
      return response.json().then(function (answer) { return { ok: response.ok, answer: answer }; });
    });
  }

  if (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (!form.elements.client_key.value) {
        form.elements.client_key.value = Date.now().toString(36) + Math.random().toString(36).slice(2, 10);
      }
      var message = {
        type: "post",
        text: form.elements.text.value,
        axis: form.elements.axis ? form.elements.axis.value : "",
        client_key: form.elements.client_key.value,
      };
      if (connection.send(message)) return;
      postOverHttp(form, new FormData(form)).then(function (result) {
        if (result.ok) posted(); else report(result.answer.error);
      }).catch(function () { report(statusTexts.offline); });
    });
  }

  root.addEventListener("submit", function (event) {
    var vote = event.target.closest("[data-vote-form]");
    if (!vote) return;
    event.preventDefault();
    var pk = Number(vote.closest(".idea").dataset.idea);
    var done = function () { vote.querySelector("button").replaceWith(voted()); };
    if (connection.send({ type: "vote", idea: pk })) { done(); return; }
    postOverHttp(vote, new FormData(vote)).then(function (result) {
      if (result.ok) done(); else report(result.answer.error);
    }).catch(function () { report(statusTexts.offline); });
  });

  function voted() {
    var mark = document.createElement("span");
    mark.className = "status status--open";
    mark.textContent = statusTexts.voted;
    return mark;
  }
})();
