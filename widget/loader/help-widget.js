/*
 * Help widget loader: the one script a dashboard includes.
 *
 *   <script src=".../help-widget.js" data-bundle=".../bundle/" defer></script>
 *
 * It draws the launcher at once, inside its own shadow root, and downloads
 * the wasm app only on intent (hover, focus, click, or an API call) or when
 * the browser is idle. Calls to window.HelpWidget made before the app is
 * ready are queued. Nothing here may throw into the host page.
 *
 * `__HW_APP__` is replaced at build time with the app's hashed file names.
 */
(function () {
  "use strict";
  var APP = __HW_APP__;
  var w = window;
  var d = document;
  if (w.HelpWidget && w.HelpWidget.version) return; // included twice: one widget

  function warn(message, err) {
    try { console.warn("help widget: " + message, err === undefined ? "" : err); } catch (_) { /* ignore */ }
  }

  var script = d.currentScript || d.querySelector('script[src*="help-widget.js"]');
  var ds = (script && script.dataset) || {};
  var scriptUrl = (script && script.src) || d.baseURI;
  var config = {
    bundle: new URL(ds.bundle || "./bundle/", d.baseURI).href,
    locale: ds.locale || (navigator.language || "en"),
    context: w.location.pathname
  };

  var listeners = {};
  function emit(name, detail) {
    if (name === "open" || name === "close") launcherState(name === "open");
    (listeners[name] || []).slice().forEach(function (fn) {
      try { fn(detail); } catch (err) { warn("a `" + name + "` listener threw", err); }
    });
  }

  var host = d.createElement("help-widget-root");
  var root = host.attachShadow({ mode: "open" });
  var sheet = new CSSStyleSheet();
  sheet.replaceSync(
    ":host{all:initial;position:fixed;z-index:2147483000}" +
    ".hw-launcher{position:fixed;bottom:20px;right:20px;display:flex;align-items:center;gap:8px;" +
    "padding:12px 18px;border:0;border-radius:999px;background:#1f5fbf;color:#fff;cursor:pointer;" +
    "font:600 15px/1 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;" +
    "box-shadow:0 6px 20px rgba(15,23,42,.3)}" +
    ".hw-launcher:focus-visible{outline:3px solid #f5b700;outline-offset:3px}" +
    ".hw-launcher svg{width:20px;height:20px}"
  );
  root.adoptedStyleSheets = [sheet];

  var launcher = d.createElement("button");
  launcher.type = "button";
  launcher.className = "hw-launcher";
  launcher.setAttribute("aria-haspopup", "dialog");
  launcher.setAttribute("aria-expanded", "false");
  launcher.innerHTML =
    '<svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2">' +
    '<circle cx="12" cy="12" r="10"/><path d="M9.1 9a3 3 0 0 1 5.8 1c0 2-3 3-3 3"/><path d="M12 17h.01"/></svg>';
  launcher.appendChild(d.createTextNode("Help"));
  var mountPoint = d.createElement("div");
  root.appendChild(launcher);
  root.appendChild(mountPoint);

  function launcherState(open) {
    launcher.setAttribute("aria-expanded", open ? "true" : "false");
    if (!open && root.activeElement && root.activeElement !== launcher) launcher.focus();
  }

  var app = null;
  function load() {
    if (!app) {
      app = import(new URL(APP.js, scriptUrl).href)
        .then(function (mod) {
          return mod.default({ module_or_path: new URL(APP.wasm, scriptUrl).href }).then(function () {
            return mod.mount(mountPoint, config, emit);
          });
        });
      app.catch(function (err) { warn("could not start", err); app = null; });
    }
    return app;
  }
  function call(method, args) {
    return load().then(function (handle) { return handle[method].apply(handle, args || []); });
  }
  function quietly(promise) {
    promise.catch(function () { /* already reported by load() */ });
  }

  launcher.addEventListener("click", function () { quietly(call("toggle")); });
  ["pointerenter", "focus", "touchstart"].forEach(function (type) {
    launcher.addEventListener(type, function () { quietly(load()); }, { once: true, passive: true });
  });
  if (w.requestIdleCallback) w.requestIdleCallback(function () { quietly(load()); }, { timeout: 5000 });

  w.HelpWidget = {
    version: "0.1.0",
    open: function () { quietly(call("open")); },
    close: function () { quietly(call("close")); },
    toggle: function () { quietly(call("toggle")); },
    setContext: function (route) { config.context = route; quietly(call("setContext", [route])); },
    search: function (query) { return call("search", [String(query)]); },
    on: function (name, fn) {
      (listeners[name] = listeners[name] || []).push(fn);
      return function () {
        listeners[name] = (listeners[name] || []).filter(function (f) { return f !== fn; });
      };
    }
  };

  function attach() { (d.body || d.documentElement).appendChild(host); }
  if (d.body) attach(); else d.addEventListener("DOMContentLoaded", attach);
  if (ds.open !== undefined) w.HelpWidget.open();
})();
