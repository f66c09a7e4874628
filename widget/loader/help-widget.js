/*
 * Help widget loader: the one script a dashboard includes.
 *
 *   <script src=".../help-widget.js" data-bundle=".../bundle/" async></script>
 *
 * Optional: data-locale, data-sid, data-feedback-url, data-help-center-url,
 * data-time-zone (the reader's IANA zone, if the dashboard knows better than
 * the browser), data-position (right|left), data-z-index, data-theme-color,
 * data-open.
 *
 * It draws the launcher at once, inside its own shadow root, and downloads
 * the wasm app only on intent (hover, focus, click, or an API call) or when
 * the browser is idle. Calls to window.HelpWidget made before the app is
 * ready are queued. It follows the dashboard's route changes (pushState,
 * replaceState, popstate). Nothing here may throw into the host page.
 *
 * `__HW_APP__` is replaced at build time with the app's hashed file names
 * and the fallback contacts shown if the app cannot start.
 */
(function () {
  "use strict";
  var APP = __HW_APP__;
  var w = window;
  var d = document;
  var pre = w.HelpWidget;
  if (pre && pre.version) return; // included twice: one widget

  function warn(message, err) {
    try { console.warn("help widget: " + message, err === undefined ? "" : err); } catch (_) { /* ignore */ }
  }

  try {
    var script = d.currentScript || d.querySelector('script[src*="help-widget.js"]');
    var ds = (script && script.dataset) || {};
    var scriptUrl = (script && script.src) || location.href;
    var config = {
      bundle: new URL(ds.bundle || "./bundle/", location.href).href,
      locale: ds.locale || navigator.language || "en",
      context: location.pathname,
      sid: ds.sid || "",
      feedbackUrl: ds.feedbackUrl ? new URL(ds.feedbackUrl, location.href).href : "",
      helpCenterUrl: ds.helpCenterUrl || "",
      timeZone: ds.timeZone || "",
      fallbackSupport: APP.support || null
    };

    // A file that the browser refuses for CORS fails like a network error.
    // Asked again without CORS, a server that answers is reachable: then
    // the missing header is the cause, and one console error says so.
    var corsReported = false;
    var diagnose = function (urls) {
      if (corsReported || !w.fetch || !urls.length) return;
      var url = urls[0];
      fetch(url, { mode: "cors", cache: "no-store" }).then(function () {
        diagnose(urls.slice(1));
      }, function () {
        return fetch(url, { mode: "no-cors", cache: "no-store" }).then(function () {
          if (corsReported) return;
          corsReported = true;
          try {
            console.error("help widget: the browser refused " + url + " because its response has no " +
              "Access-Control-Allow-Origin header allowing " + location.origin + ". Serve the widget's " +
              "files and bundle with `Access-Control-Allow-Origin: *` (see README.txt of the dist folder). " +
              "Until then the panel shows only the support contacts.");
          } catch (_) { /* ignore */ }
        }, function () { diagnose(urls.slice(1)); /* a network error, not CORS */ });
      });
    };

    var listeners = {};
    var tell = function (name, detail) {
      if (name === "open" || name === "close") launcherState(name === "open");
      (listeners[name] || []).slice().forEach(function (fn) {
        try { fn(detail); } catch (err) { warn("a `" + name + "` listener threw", err); }
      });
    };
    // What the app reports: an error there may be the bundle refused.
    var emit = function (name, detail) {
      if (name === "error") diagnose([config.bundle.replace(/\/?$/, "/") + "manifest.json"]);
      tell(name, detail);
    };

    var host = d.createElement("help-widget-root");
    var left = ds.position === "left";
    host.style.setProperty("--hw-theme-color", /^#[0-9a-f]{3,8}$/i.test(ds.themeColor || "") ? ds.themeColor : "#1f5fbf");
    host.style.setProperty("--hw-z-index", String(parseInt(ds.zIndex, 10) || 2147483000));
    if (left) { host.style.setProperty("--hw-left", "20px"); host.style.setProperty("--hw-right", "auto"); }
    var root = host.attachShadow({ mode: "open" });
    var sheet = new CSSStyleSheet();
    sheet.replaceSync(
      ":host{all:initial}" +
      ".hw-launcher{position:fixed;bottom:20px;" + (left ? "left" : "right") + ":20px;z-index:var(--hw-z-index);" +
      "display:flex;align-items:center;gap:8px;padding:12px 18px;border:0;border-radius:999px;" +
      "background:var(--hw-theme-color);color:#fff;cursor:pointer;font:600 15px/1 system-ui,sans-serif;" +
      "box-shadow:0 6px 20px rgba(15,23,42,.3)}" +
      ".hw-launcher:focus-visible{outline:3px solid #b45309;outline-offset:3px}" +
      ".hw-launcher svg{width:20px;height:20px}" +
      ".hw-fallback{position:fixed;bottom:88px;" + (left ? "left" : "right") + ":20px;z-index:var(--hw-z-index);" +
      "width:min(360px,calc(100vw - 24px));padding:16px;background:#fff;color:#1d2433;border-radius:12px;" +
      "box-shadow:0 12px 40px rgba(15,23,42,.28);font:15px/1.5 system-ui,sans-serif}" +
      ".hw-fallback a{color:#1f5fbf}.hw-fallback button{font:inherit;margin-top:8px}"
    );
    root.adoptedStyleSheets = [sheet];

    var launcher = d.createElement("button");
    launcher.type = "button";
    launcher.className = "hw-launcher";
    launcher.setAttribute("aria-haspopup", "dialog");
    launcher.setAttribute("aria-expanded", "false");
    var svg = d.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("fill", "none");
    svg.setAttribute("stroke", "currentColor");
    svg.setAttribute("stroke-width", "2");
    ["M12 2a10 10 0 1 0 0 20a10 10 0 1 0 0-20", "M9.1 9a3 3 0 0 1 5.8 1c0 2-3 3-3 3", "M12 17h.01"].forEach(function (p) {
      var path = d.createElementNS("http://www.w3.org/2000/svg", "path");
      path.setAttribute("d", p);
      svg.appendChild(path);
    });
    launcher.appendChild(svg);
    launcher.appendChild(d.createTextNode(({ fr: "Aide", de: "Hilfe", pt: "Ajuda" })[config.locale.slice(0, 2)] || "Help"));
    var mountPoint = d.createElement("div");
    root.appendChild(launcher);
    root.appendChild(mountPoint);

    var launcherState = function (open) {
      launcher.setAttribute("aria-expanded", open ? "true" : "false");
      if (!open && root.activeElement && root.activeElement !== launcher) launcher.focus();
    };

    // If the app cannot start, the panel still opens with the contacts.
    var fallback = null;
    var showFallback = function () {
      if (fallback) { fallback.hidden = !fallback.hidden; launcherState(!fallback.hidden); return; }
      fallback = d.createElement("section");
      fallback.className = "hw-fallback";
      fallback.setAttribute("role", "dialog");
      fallback.setAttribute("aria-label", "Help");
      var p = d.createElement("p");
      p.textContent = "Help articles are unavailable right now. Contact support:";
      fallback.appendChild(p);
      var list = d.createElement("ul");
      ((APP.support && APP.support.regions) || []).forEach(function (region) {
        region.contacts.forEach(function (c) {
          var li = d.createElement("li");
          var a = d.createElement("a");
          a.textContent = c.number || c.address;
          a.href = c.kind === "phone" ? "tel:" + c.number.replace(/[^+0-9]/g, "") + (c.option ? "," + c.option : "") : "mailto:" + c.address;
          li.appendChild(d.createTextNode(region.name + ": "));
          li.appendChild(a);
          list.appendChild(li);
        });
      });
      fallback.appendChild(list);
      var retry = d.createElement("button");
      retry.type = "button";
      retry.textContent = "Retry";
      retry.onclick = function () { fallback.remove(); fallback = null; launcherState(false); quietly(call("open")); };
      fallback.appendChild(retry);
      root.appendChild(fallback);
      launcherState(true);
      retry.focus();
    };

    var app = null;
    var startWarned = false;
    var load = function () {
      if (!app) {
        app = import(new URL(APP.js, scriptUrl).href).then(function (mod) {
          return mod.default({ module_or_path: new URL(APP.wasm, scriptUrl).href }).then(function () {
            return mod.mount(mountPoint, config, emit);
          });
        });
        app.then(function () { startWarned = false; }, function (err) {
          // One warning per outage, however often the reader tries again.
          if (!startWarned) {
            warn("could not start", err);
            diagnose([new URL(APP.js, scriptUrl).href, new URL(APP.wasm, scriptUrl).href]);
          }
          startWarned = true;
          tell("error", String(err));
          app = null;
        });
      }
      return app;
    };
    var call = function (method, args) {
      return load().then(function (handle) { return handle[method].apply(handle, args || []); });
    };
    var quietly = function (promise, onFail) {
      promise.catch(function () { if (onFail) onFail(); });
    };

    launcher.addEventListener("click", function () {
      if (fallback) { showFallback(); return; }
      quietly(call("toggle"), showFallback);
    });
    ["pointerenter", "focus", "touchstart"].forEach(function (type) {
      launcher.addEventListener(type, function () { quietly(load()); }, { once: true, passive: true });
    });
    if (w.requestIdleCallback) w.requestIdleCallback(function () { quietly(load()); }, { timeout: 5000 });

    // Follow the dashboard's own navigation.
    var followRoute = function () {
      config.context = location.pathname;
      if (app) quietly(call("setContext", [location.pathname]));
    };
    ["pushState", "replaceState"].forEach(function (name) {
      var original = history[name];
      if (typeof original !== "function") return;
      history[name] = function () {
        var result = original.apply(this, arguments);
        try { followRoute(); } catch (err) { warn("route change", err); }
        return result;
      };
    });
    w.addEventListener("popstate", followRoute);

    var api = {
      version: "0.1.0",
      open: function () { quietly(call("open"), showFallback); },
      close: function () { if (fallback) fallback.hidden = true; quietly(call("close")); },
      toggle: function () { quietly(call("toggle"), showFallback); },
      setContext: function (route) { config.context = String(route); quietly(call("setContext", [String(route)])); },
      identify: function (user) {
        user = user || {};
        if (user.sid != null) config.sid = String(user.sid);
        quietly(call("identify", [{ sid: user.sid == null ? "" : String(user.sid) }]));
      },
      setLocale: function (locale) { config.locale = String(locale); quietly(call("setLocale", [String(locale)])); },
      search: function (query) { return call("search", [String(query)]); },
      showArticle: function (id) { quietly(call("showArticle", [String(id)]), showFallback); },
      on: function (name, fn) {
        (listeners[name] = listeners[name] || []).push(fn);
        return function () {
          listeners[name] = (listeners[name] || []).filter(function (f) { return f !== fn; });
        };
      }
    };
    w.HelpWidget = api;

    var attach = function () { (d.body || d.documentElement).appendChild(host); };
    if (d.body) attach(); else d.addEventListener("DOMContentLoaded", attach);

    // Calls queued by a stub before this script ran: HelpWidget.q = [["open"], …].
    if (pre && pre.q && pre.q.forEach) {
      pre.q.forEach(function (args) {
        var method = args && api[args[0]];
        if (typeof method === "function" && args[0] !== "on") method.apply(api, Array.prototype.slice.call(args, 1));
      });
    }
    if (ds.open !== undefined) api.open();
  } catch (err) {
    warn("could not start", err);
  }
})();
