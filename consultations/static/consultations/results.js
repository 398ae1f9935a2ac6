// Size the result bars from their data-width (percent of the largest answer).
// Widths are set from script so that the page needs no inline style (CSP).
document.querySelectorAll(".bars__bar[data-width]").forEach(function (bar) {
  bar.style.inlineSize = bar.dataset.width + "%";
});
