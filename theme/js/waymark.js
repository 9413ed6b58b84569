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

  /* ---------- Definitions in tooltips ----------
   * A linked term carries its short definition in data-wm-definition. Hovering over the link or
   * moving to it with the keyboard shows the definition in a tooltip, which the link names with
   * aria-describedby so a screen reader reads it after the link. Esc hides it; it stays while the
   * pointer is over it, so it can be read when zoomed; it is placed to fit the screen, however
   * narrow. Without this script the term is an ordinary link to its definition. */
  function setUpTermTooltips() {
    var links = document.querySelectorAll("a.wm-term[data-wm-definition]");
    if (!links.length) return;
    var MARGIN = 8;
    var GAP = 6;
    var shown = null;
    var hideTimer = null;

    function place(link, tip) {
      var width = document.documentElement.clientWidth;
      tip.style.maxWidth = Math.min(320, width - 2 * MARGIN) + "px";
      tip.style.left = "0px";
      tip.style.top = "0px";
      var lines = link.getClientRects();
      var at = lines.length ? lines[0] : link.getBoundingClientRect();
      var size = tip.getBoundingClientRect();
      var left = Math.max(MARGIN, Math.min(at.left, width - size.width - MARGIN));
      var top = at.bottom + GAP;
      if (top + size.height > window.innerHeight && at.top - size.height - GAP > 0) {
        top = at.top - size.height - GAP;
      }
      tip.style.left = left + window.pageXOffset + "px";
      tip.style.top = top + window.pageYOffset + "px";
    }

    function hide() {
      clearTimeout(hideTimer);
      if (!shown) return;
      shown.tip.hidden = true;
      shown = null;
    }

    function hideSoon() {
      clearTimeout(hideTimer);
      hideTimer = setTimeout(hide, 300);
    }

    function show(link, tip) {
      clearTimeout(hideTimer);
      if (shown && shown.tip !== tip) hide();
      tip.hidden = false;
      place(link, tip);
      shown = { link: link, tip: tip };
    }

    Array.prototype.forEach.call(links, function (link, i) {
      var tip = document.createElement("span");
      tip.id = "wm-term-tip-" + (i + 1);
      tip.className = "wm-tooltip";
      tip.setAttribute("role", "tooltip");
      tip.textContent = link.getAttribute("data-wm-definition");
      tip.hidden = true;
      document.body.appendChild(tip);
      var describedBy = link.getAttribute("aria-describedby");
      link.setAttribute("aria-describedby", describedBy ? describedBy + " " + tip.id : tip.id);
      link.addEventListener("mouseenter", function () { show(link, tip); });
      link.addEventListener("focus", function () { show(link, tip); });
      link.addEventListener("mouseleave", hideSoon);
      link.addEventListener("blur", hide);
      tip.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
      tip.addEventListener("mouseleave", hideSoon);
    });

    document.addEventListener("keydown", function (event) {
      if (shown && (event.key === "Escape" || event.key === "Esc")) hide();
    });
    window.addEventListener("resize", function () {
      if (shown) place(shown.link, shown.tip);
    });
  }

  function start() {
    setUpQuickExit();
    setUpForms();
    setUpDetailsLinks();
    setUpTermTooltips();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
