// Conditional questions: hide a question until the earlier answer it depends on
// has the expected value. Without this script every question shows, with a note
// saying when to answer it, and the server ignores answers whose condition is not met.
(function () {
  "use strict";
  var form = document.querySelector("form.questionnaire");
  if (!form) return;
  var dependants = form.querySelectorAll("[data-show-if-code]");
  if (!dependants.length) return;

  function currentValues(code) {
    var values = [];
    form.querySelectorAll('[name="' + code + '"]').forEach(function (input) {
      if ((input.type === "radio" || input.type === "checkbox")) {
        if (input.checked) values.push(input.value);
      } else if (input.value) {
        values.push(input.value);
      }
    });
    return values;
  }

  function update() {
    dependants.forEach(function (element) {
      var shown = currentValues(element.dataset.showIfCode).indexOf(element.dataset.showIfValue) !== -1;
      element.hidden = !shown;
      element.querySelectorAll("input, select, textarea").forEach(function (input) { input.disabled = !shown; });
      var note = element.querySelector(".condition");
      if (note) note.hidden = true;
    });
  }

  form.addEventListener("change", update);
  update();
})();
