/* waymark serve: reload the page after each rebuild; show build errors over the last good page.
 * Added to pages only by `waymark serve`, never by `waymark build`. */
(function () {
  "use strict";
  // Pages change on every save, and a service worker would keep serving what it saved: the
  // preview has none (waymark.js registers none on a page marked as a preview), and one left by
  // `waymark serve --offline-test` on this address is removed with what it saved.
  document.documentElement.setAttribute("data-wm-preview", "");
  if (navigator.serviceWorker) {
    navigator.serviceWorker.getRegistrations().then(function (registrations) {
      registrations.forEach(function (registration) { registration.unregister(); });
    }).catch(function () {});
  }
  if (window.caches) {
    caches.keys().then(function (names) {
      names.forEach(function (name) { if (name.indexOf("waymark:") === 0) caches.delete(name); });
    }).catch(function () {});
  }
  if (!window.EventSource) return;
  var overlay = null;

  function clear() {
    if (overlay) {
      overlay.parentNode.removeChild(overlay);
      overlay = null;
    }
  }

  function show(problems) {
    clear();
    overlay = document.createElement("section");
    overlay.setAttribute("role", "alert");
    overlay.setAttribute("aria-labelledby", "wm-live-title");
    overlay.style.cssText =
      "position:fixed;left:0;right:0;bottom:0;max-height:60vh;overflow:auto;z-index:2000;" +
      "background:#fff;color:#0b0c0c;border-top:10px solid #d4351c;padding:1rem 1.5rem;" +
      "font:16px/1.5 system-ui,sans-serif;box-shadow:0 -2px 12px rgba(0,0,0,.3)";
    var title = document.createElement("h2");
    title.id = "wm-live-title";
    title.style.cssText = "margin:0 0 .5rem;font-size:1.25rem";
    title.textContent = "Your last change has " + problems.length + " error" + (problems.length === 1 ? "" : "s");
    overlay.appendChild(title);
    var note = document.createElement("p");
    note.style.margin = "0 0 .75rem";
    note.textContent = "This page shows the last version that built. Fix the file and save: the page updates by itself.";
    overlay.appendChild(note);
    var list = document.createElement("ul");
    list.style.cssText = "margin:0;padding-left:1.25rem";
    problems.forEach(function (p) {
      var item = document.createElement("li");
      item.style.marginBottom = ".5rem";
      var where = document.createElement("code");
      where.textContent = p.location;
      where.style.fontWeight = "700";
      item.appendChild(where);
      item.appendChild(document.createTextNode(": " + p.message));
      if (p.hint) {
        var hint = document.createElement("div");
        hint.textContent = "What to do: " + p.hint;
        item.appendChild(hint);
      }
      list.appendChild(item);
    });
    overlay.appendChild(list);
    document.body.appendChild(overlay);
  }

  var source = new EventSource("/__waymark/events");
  source.addEventListener("reload", function () { window.location.reload(); });
  source.addEventListener("problems", function (event) { show(JSON.parse(event.data)); });
})();
