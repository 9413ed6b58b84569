/* waymark page behaviour. Everything here is an enhancement: without JavaScript every page still
 * reads, navigates, and "Exit this page" is an ordinary link. Nothing is stored or sent. */
(function () {
  "use strict";

  /* ---------- Exit this page ----------
   * Activating the button, or pressing Esc three times within two seconds, hides the page at once
   * and replaces it in the history with the neutral site, so Back does not return here. */
  function setUpQuickExit() {
    var button = document.querySelector("[data-wm-exit]");
    if (!button) return;
    var status = document.getElementById("wm-exit-status");
    var url = button.getAttribute("href");

    function leave(event) {
      if (event) event.preventDefault();
      var overlay = document.createElement("div");
      overlay.className = "wm-exit-overlay";
      document.body.appendChild(overlay);
      document.title = "Loading";
      window.location.replace(url);
    }

    button.addEventListener("click", leave);

    var presses = 0;
    var timer = null;
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" && event.key !== "Esc") return;
      presses += 1;
      clearTimeout(timer);
      if (presses >= 3) {
        presses = 0;
        leave();
        return;
      }
      if (status) {
        status.textContent = "Press Escape " + (3 - presses) + " more time" + (presses === 2 ? "" : "s") + " to exit this page.";
      }
      timer = setTimeout(function () {
        presses = 0;
        if (status) status.textContent = "";
      }, 2000);
    });
  }

  /* ---------- Toolkit forms ----------
   * "Print this form" prints the page; whatever was typed is printed in place of the blank lines. */
  function setUpForms() {
    var buttons = document.querySelectorAll("[data-wm-print]");
    if (!buttons.length) return;
    Array.prototype.forEach.call(buttons, function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
    window.addEventListener("beforeprint", function () {
      Array.prototype.forEach.call(document.querySelectorAll(".wm-form__answer"), function (answer) {
        var typed = answer.parentNode.querySelector(".wm-form__typed");
        if (!typed) {
          typed = document.createElement("div");
          typed.className = "wm-form__typed";
          typed.setAttribute("aria-hidden", "true");
          answer.parentNode.insertBefore(typed, answer.nextSibling);
        }
        typed.textContent = answer.value;
      });
    });
  }

  /* ---------- "See all updates" opens the page history it points to ---------- */
  function setUpDetailsLinks() {
    function openTarget() {
      var id = decodeURIComponent(window.location.hash.slice(1));
      var target = id && document.getElementById(id);
      if (target && target.tagName === "DETAILS") target.open = true;
    }
    window.addEventListener("hashchange", openTarget);
    Array.prototype.forEach.call(document.querySelectorAll("[data-wm-open-details]"), function (link) {
      link.addEventListener("click", function () {
        var target = document.getElementById(link.getAttribute("href").slice(1));
        if (target) target.open = true;
      });
    });
    openTarget();
  }

  function start() {
    setUpQuickExit();
    setUpForms();
    setUpDetailsLinks();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
