// saidwhat web UI: tooltips for quotes and the speaker filter. Data comes only from escaped
// data-attributes and is shown with textContent, never as HTML.
(function () {
  "use strict";

  var tip = null;
  var current = null;

  function showTip(el) {
    tip = tip || document.getElementById("tip");
    if (!tip || !el.dataset.tip) { return; }
    tip.textContent = el.dataset.tip;
    tip.hidden = false;
    var r = el.getBoundingClientRect();
    var top = window.scrollY + r.bottom + 6;
    var left = Math.max(4, Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8));
    tip.style.top = top + "px";
    tip.style.left = left + "px";
    el.setAttribute("aria-describedby", "tip");
    current = el;
  }

  function hideTip() {
    if (tip) { tip.hidden = true; }
    if (current) { current.removeAttribute("aria-describedby"); current = null; }
  }

  function tipTarget(node) {
    return node && node.closest ? node.closest(".article-text [data-tip]") : null;
  }

  document.addEventListener("mouseover", function (ev) {
    var el = tipTarget(ev.target);
    if (el) { showTip(el); } else if (current && !current.contains(ev.target)) { hideTip(); }
  });
  document.addEventListener("focusin", function (ev) {
    var el = tipTarget(ev.target);
    if (el) { showTip(el); } else { hideTip(); }
  });
  document.addEventListener("focusout", function () { hideTip(); });
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") { hideTip(); } });

  // Speaker filter: show only one speaker's quotes in the text and in the list.
  function setFilter(number) {
    var text = document.getElementById("article-text");
    if (!text) { return; }
    var buttons = document.querySelectorAll(".speaker-filter");
    buttons.forEach(function (b) { b.setAttribute("aria-pressed", String(b.dataset.speakerNumber === number)); });
    text.classList.toggle("filtered", number !== null);
    document.querySelectorAll(".article-text [data-speaker-number], .quote-item").forEach(function (el) {
      el.classList.toggle("dim", number !== null && el.dataset.speakerNumber !== number);
    });
    var all = document.querySelector(".show-all");
    if (all) { all.hidden = number === null; }
  }

  document.addEventListener("click", function (ev) {
    var btn = ev.target.closest ? ev.target.closest(".speaker-filter") : null;
    if (btn) {
      setFilter(btn.getAttribute("aria-pressed") === "true" ? null : btn.dataset.speakerNumber);
      return;
    }
    if (ev.target.closest && ev.target.closest(".show-all")) { setFilter(null); }
  });
})();
