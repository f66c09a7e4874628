// The preview page's script: applies the route control, fills the time
// zone list from Intl, keeps the panel where the author left it across
// reloads, and follows the server's rebuilds by a long poll. It must not
// break the page: every step is guarded.
(function () {
  "use strict";
  var params = new URLSearchParams(location.search);
  var route = params.get("route") || "/";
  var widget = window.HelpWidget;
  var KEY = "help-preview:" + location.search;

  function quietly(step) {
    try { step(); } catch (err) { console.warn("help preview:", err); }
  }

  quietly(function () {
    var zone = document.getElementById("tz");
    var chosen = zone.getAttribute("data-value") || "";
    var zones = Intl.supportedValuesOf ? Intl.supportedValuesOf("timeZone") : [];
    if (chosen && zones.indexOf(chosen) < 0) zones.push(chosen);
    zones.forEach(function (name) {
      var option = document.createElement("option");
      option.value = name;
      option.textContent = name;
      option.selected = name === chosen;
      zone.appendChild(option);
    });
  });

  quietly(function () {
    var script = document.querySelector('script[src$="help-widget.js"]');
    var tag = '<script src="' + new URL(script.getAttribute("src"), location.href).href + '"' +
      ' data-bundle="' + new URL(script.getAttribute("data-bundle"), location.href).href + '" async></script>';
    document.getElementById("snippet").textContent = tag;
  });

  // Where the panel was: reopened after a reload, on the same article.
  var saved = {};
  quietly(function () { saved = JSON.parse(sessionStorage.getItem(KEY) || "{}"); });
  function save() {
    quietly(function () { sessionStorage.setItem(KEY, JSON.stringify(saved)); });
  }
  if (widget) {
    quietly(function () {
      widget.setContext(route);
      widget.on("open", function () { saved.open = true; save(); });
      widget.on("close", function () { saved.open = false; saved.article = null; save(); });
      widget.on("article", function (id) { saved.article = id; saved.open = true; save(); });
      widget.on("search", function () { saved.article = null; save(); });
      if (saved.article) widget.showArticle(saved.article);
      else if (saved.open) widget.open();
    });
  }

  var overlay = document.getElementById("overlay");
  var problems = document.getElementById("problems");
  var status = document.getElementById("status");
  var version = -1;
  var generation = -1;
  function show(state) {
    problems.textContent = state.problems || "";
    overlay.hidden = !state.problems;
    if (state.summary) status.textContent = state.summary + (state.problems ? " (last good build)" : "");
  }
  function poll() {
    fetch("/_preview/state?after=" + Math.max(version, 0), { cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (state) {
        if (generation >= 0 && state.generation !== generation && !state.problems) {
          location.reload();
          return;
        }
        if (generation < 0) generation = state.generation;
        version = state.version;
        show(state);
        poll();
      })
      .catch(function () {
        // The server stopped or restarted: try again shortly.
        status.textContent = "Waiting for index-builder serve…";
        setTimeout(poll, 1000);
      });
  }
  poll();
})();
