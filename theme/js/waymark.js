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

  /* ---------- Menu button ----------
   * In a narrow window the main navigation folds away behind the "Menu" button, as in the GOV.UK
   * service navigation; the button says whether it is open with aria-expanded. The button is
   * hidden in the HTML, so without this script the links are simply listed. */
  function setUpMenu() {
    var button = document.querySelector("[data-wm-menu]");
    var nav = button && document.getElementById(button.getAttribute("aria-controls"));
    if (!nav || !window.matchMedia) return;
    var narrow = window.matchMedia("screen and (max-width: 40em)");
    var open = false;

    function update() {
      button.hidden = !narrow.matches;
      button.setAttribute("aria-expanded", open ? "true" : "false");
      nav.hidden = narrow.matches && !open;
    }

    button.addEventListener("click", function () {
      open = !open;
      update();
    });
    if (narrow.addEventListener) narrow.addEventListener("change", update);
    else if (narrow.addListener) narrow.addListener(update);
    update();
  }

  /* ---------- Back to contents and to the top ----------
   * On a phone these links wait at the foot of the window (CSS makes them sticky). Until the reader
   * has scrolled past the contents list or A to Z they lead to, they rest at the end of the page
   * instead, out of the way. */
  function setUpBackToTop() {
    var links = document.querySelector("[data-wm-back-to-top]");
    var target = links && document.getElementById(links.getAttribute("data-wm-back-to-top"));
    if (!target) return;
    var watched = target.closest(".wm-contents") || target;
    var queued = false;

    function update() {
      queued = false;
      links.classList.toggle("wm-back-to-top--resting", watched.getBoundingClientRect().bottom > 0);
    }
    function soon() {
      if (queued) return;
      queued = true;
      window.requestAnimationFrame(update);
    }

    window.addEventListener("scroll", soon, { passive: true });
    window.addEventListener("resize", soon);
    update();
  }

  /* ---------- Definitions in tooltips ----------
   * A linked term carries its short definition in data-wm-definition. Hovering over the link or
   * moving to it with the keyboard shows the definition in a tooltip, which the link names with
   * aria-describedby so a screen reader reads it after the link. Esc hides it; it stays while the
   * pointer is over it, so it can be read when zoomed; it is placed to fit the screen, however
   * narrow. A touch screen has no hover, so there the first tap on a term opens a card instead of
   * leaving the page: the definition, a "Read more" link and a Close button. A second tap on the
   * term, or the link, goes to the term's page. Without this script the term is an ordinary link
   * to its definition. */
  function setUpTermTooltips() {
    var links = document.querySelectorAll("a.wm-term[data-wm-definition]");
    if (!links.length) return;
    var MARGIN = 8;
    var GAP = 6;
    var shown = null;
    var hideTimer = null;
    var card = null;
    var lastInput = "";

    // What the reader used last: "touch", "mouse", "pen" or "keyboard".
    document.addEventListener("pointerdown", function (event) { lastInput = event.pointerType; }, true);
    document.addEventListener("keydown", function () { lastInput = "keyboard"; }, true);
    function touching() { return lastInput === "touch"; }

    // The bottom of "Exit this page" while it stays at the top of the window: nothing goes under it.
    function clearTop() {
      var bar = document.getElementById("wm-exit");
      var bottom = bar ? bar.getBoundingClientRect().bottom : 0;
      return Math.max(0, bottom);
    }

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
      if (top + size.height > window.innerHeight && at.top - size.height - GAP > clearTop()) {
        top = at.top - size.height - GAP;
      }
      // From the window's corner to the corner of what the tip is positioned in.
      var base = tip.offsetParent;
      var dx = window.pageXOffset;
      var dy = window.pageYOffset;
      if (base && base !== document.body && getComputedStyle(base).position !== "static") {
        var box = base.getBoundingClientRect();
        dx = base.scrollLeft - box.left - base.clientLeft;
        dy = base.scrollTop - box.top - base.clientTop;
      }
      tip.style.left = left + dx + "px";
      tip.style.top = top + dy + "px";
    }

    function closeCard(refocus) {
      if (!card) return;
      var closing = card;
      card = null;
      closing.el.parentNode.removeChild(closing.el);
      if (refocus) closing.link.focus();
    }

    function part(tag, className, text) {
      var node = document.createElement(tag);
      node.className = className;
      if (text) node.textContent = text;
      return node;
    }

    function hiddenText(text) { return part("span", "wm-visually-hidden", text); }

    // The card goes just after the term, so a screen reader's next move reaches it.
    function openCard(link) {
      closeCard(false);
      hide();
      var el = part("span", "wm-term-card");
      el.setAttribute("data-wm-term-card", "");
      el.appendChild(part("span", "wm-term-card__text", link.getAttribute("data-wm-definition")));
      var actions = el.appendChild(part("span", "wm-term-card__actions"));
      var more = actions.appendChild(part("a", "wm-term-card__more", "Read more"));
      more.href = link.getAttribute("href");
      more.appendChild(hiddenText(" about " + link.textContent));
      var close = actions.appendChild(part("button", "wm-term-card__close", "Close"));
      close.type = "button";
      close.appendChild(hiddenText(" definition"));
      close.addEventListener("click", function () { closeCard(el.contains(document.activeElement)); });
      link.parentNode.insertBefore(el, link.nextSibling);
      card = { link: link, el: el };
      place(link, el);
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
      link.addEventListener("mouseenter", function () { if (!touching()) show(link, tip); });
      link.addEventListener("focus", function () { if (!touching()) show(link, tip); });
      link.addEventListener("click", function (event) {
        if (!touching() || (card && card.link === link)) return;
        event.preventDefault();
        openCard(link);
      });
      link.addEventListener("mouseleave", hideSoon);
      link.addEventListener("blur", hide);
      tip.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
      tip.addEventListener("mouseleave", hideSoon);
    });

    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" && event.key !== "Esc") return;
      if (shown) hide();
      if (card) closeCard(card.el.contains(document.activeElement));
    });
    // A tap anywhere but the card and its term closes the card.
    document.addEventListener("pointerdown", function (event) {
      if (card && !card.el.contains(event.target) && !card.link.contains(event.target)) closeCard(false);
    });
    window.addEventListener("resize", function () {
      if (shown) place(shown.link, shown.tip);
      if (card) place(card.link, card.el);
    });
  }

  /* ---------- Offline use ----------
   * On a site served over http(s), the service worker at the top of the site (sw.js) saves the
   * site's core on this device at the first visit and every page as it is read. Opened from disk
   * (file://), or in `waymark serve`'s preview (which marks its pages), nothing is registered.
   * The worker tells an open page when the guidance it shows has changed: the page then says so
   * in a polite live region, with a button to reload. Pages the worker saved at the first visit
   * say "Available offline" once it looks after them. */
  function setUpOffline() {
    var protocol = window.location.protocol;
    var html = document.documentElement;
    var container = navigator.serviceWorker;
    if (!document.querySelector('link[rel="manifest"]') || !container) return;
    if ((protocol !== "http:" && protocol !== "https:") || html.hasAttribute("data-wm-preview")) return;

    var main = document.getElementById("main-content");
    var region = null;
    if (main) {
      region = document.createElement("div");
      region.className = "wm-update";
      region.setAttribute("role", "status");
      main.insertBefore(region, main.firstChild);
    }

    function showUpdate() {
      if (!region || region.firstChild) return;
      var text = document.createElement("p");
      text.className = "wm-update__text";
      text.textContent = "This guidance has been updated.";
      var button = document.createElement("button");
      button.type = "button";
      button.className = "wm-button";
      button.textContent = "Reload to see the new version";
      button.addEventListener("click", function () { window.location.reload(); });
      region.appendChild(text);
      region.appendChild(button);
    }

    function showOfflineStatus() {
      var status = document.querySelector("[data-wm-offline-status]");
      if (!status || !container.controller || !window.caches) return;
      var page = window.location.origin + window.location.pathname;
      if (/\/$/.test(page)) page += "index.html";
      container.getRegistration().then(function (registration) {
        if (!registration) return null;
        var precache = "waymark:" + registration.scope + ":precache:";
        return caches.keys().then(function (names) {
          return Promise.all(names.filter(function (name) { return name.indexOf(precache) === 0; })
            .map(function (name) { return caches.open(name).then(function (cache) { return cache.match(page); }); }));
        }).then(function (found) {
          if (found.some(Boolean)) status.hidden = false;
        });
      }).catch(function () {});
    }

    container.addEventListener("message", function (event) {
      if (event.data && event.data.type === "waymark:updated") showUpdate();
    });
    container.addEventListener("controllerchange", showOfflineStatus);
    if (container.startMessages) container.startMessages();
    // A browser that refuses (private browsing, storage turned off) keeps the site as it is.
    container.register((html.getAttribute("data-root") || "") + "sw.js").catch(function () {});
    showOfflineStatus();
  }

  function start() {
    setUpOffline();
    setUpQuickExit();
    setUpMenu();
    setUpBackToTop();
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
