// Small enhancements; every page works without them.
(function () {
  "use strict";
  // On narrow screens the main menu folds behind a button that says whether it is open.
  var toggle = document.querySelector(".main-menu__toggle");
  var list = document.getElementById("main-menu-list");
  if (!toggle || !list) return;
  var narrow = window.matchMedia("(max-width: 48rem)");
  function sync() {
    toggle.hidden = !narrow.matches;
    var open = toggle.getAttribute("aria-expanded") === "true";
    list.hidden = narrow.matches && !open;
  }
  toggle.addEventListener("click", function () {
    toggle.setAttribute("aria-expanded", String(toggle.getAttribute("aria-expanded") !== "true"));
    sync();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
      toggle.setAttribute("aria-expanded", "false");
      sync();
      toggle.focus();
    }
  });
  narrow.addEventListener("change", sync);
  sync();
})();

// "Print" buttons (the printable questionnaire).
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.addEventListener("click", function () { window.print(); });
});
