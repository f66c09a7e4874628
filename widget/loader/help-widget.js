/*
 * Help widget loader: the one script a dashboard includes.
 *
 *   <script src=".../help-widget.js" data-bundle=".../bundle/" async></script>
 *
 * Optional: data-locale, data-sid, data-feedback-url, data-help-center-url,
 * data-time-zone (the reader's IANA zone, if the dashboard knows better than
 * the browser), data-position (right|left), data-z-index, data-theme-color,
 * data-open, data-hotkey (the keys that open the panel: "mod+k /" by
 * default, "none" for none).
 *
 * It draws the launcher at once, inside its own shadow root, and downloads
 * the wasm app only on intent (hover, focus, click, hotkey, or an API call)
 * or when the browser is idle. Opened before the app has arrived, it draws
 * the panel's shell at once: the header and a working search box, busy,
 * whose text and caret the app takes over when it mounts. Calls to
 * window.HelpWidget made before the app is ready are queued. It follows the
 * dashboard's route changes (pushState, replaceState, popstate). Nothing
 * here may throw into the host page.
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

  // The launcher's and the loading panel's words, in the app's four
  // locales: Help, the search box's label, Loading, Close.
  var WORDS = {
    en: ["Help", "Search help articles", "Loading\u2026", "Close help"],
    fr: ["Aide", "Rechercher dans l\u2019aide", "Chargement\u2026", "Fermer l\u2019aide"],
    de: ["Hilfe", "Hilfeartikel durchsuchen", "Wird geladen\u2026", "Hilfe schlie\u00dfen"],
    pt: ["Ajuda", "Pesquisar artigos de ajuda", "Carregando\u2026", "Fechar a ajuda"]
  };

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

    var words = function () { return WORDS[config.locale.slice(0, 2).toLowerCase()] || WORDS.en; };

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
      ".hw-launcher:focus-visible,.hw-shell :focus-visible{outline:3px solid #b45309;outline-offset:2px}" +
      ".hw-launcher svg{width:20px;height:20px}" +
      ".hw-fallback,.hw-shell{position:fixed;bottom:88px;right:var(--hw-right,20px);left:var(--hw-left,auto);" +
      "z-index:var(--hw-z-index);background:#fff;color:#1d2433;border-radius:12px;" +
      "box-shadow:0 12px 40px rgba(15,23,42,.28);font:15px/1.5 system-ui,sans-serif}" +
      ".hw-fallback{width:min(360px,calc(100vw - 24px));padding:16px}" +
      ".hw-fallback a{color:#1f5fbf}.hw-fallback button{font:inherit;margin-top:8px}" +
      // The loading panel: the app's panel, header and search box, to the
      // pixel (see .hw-panel in the app's style.css).
      ".hw-shell{width:min(400px,calc(100vw - 24px));height:min(640px,calc(100vh - 112px));overflow:hidden;" +
      "display:flex;flex-direction:column}.hw-shell *{box-sizing:border-box}.hw-shell[hidden]{display:none}" +
      ".hw-sh-h{display:flex;align-items:center;flex:none;height:56px;padding:10px 12px 10px 16px;" +
      "background:var(--hw-theme-color);color:#fff}.hw-sh-b{flex:1;overflow-y:auto;scrollbar-gutter:stable;padding:0 16px}" +
      ".hw-shell h2{margin:0;flex:1;font-size:17px}" +
      ".hw-shell button{border:0;background:none;color:inherit;font:24px/1 inherit;padding:6px 8px;cursor:pointer}" +
      ".hw-shell input{display:block;width:100%;height:44px;margin:12px 0 0;padding:10px 12px;" +
      "border:1px solid #6b7587;border-radius:8px;font:inherit;color:inherit;background:inherit}" +
      ".hw-shell p{margin:14px 0;font-size:13px;color:#4a5568}" +
      "@media (prefers-color-scheme:dark){.hw-shell{background:#161b26;color:#e8ecf3}.hw-shell p{color:#b3bccb}}" +
      "@media (max-width:480px){.hw-shell{inset:0;width:auto;height:100vh;height:100dvh;border-radius:0}.hw-shell input{font-size:16px}}"
    );
    root.adoptedStyleSheets = [sheet];

    // An element, in `parent` if given, with a class and text if given.
    var make = function (tag, parent, cls, text) {
      var e = d.createElement(tag);
      if (cls) e.className = cls;
      if (text) e.textContent = text;
      if (parent) parent.appendChild(e);
      return e;
    };
    var attrs = function (e, a) {
      for (var k in a) if (Object.prototype.hasOwnProperty.call(a, k)) e.setAttribute(k, a[k]);
      return e;
    };
    var SVG = "http://www.w3.org/2000/svg";
    var launcher = attrs(make("button", root, "hw-launcher"), { type: "button", "aria-haspopup": "dialog", "aria-expanded": "false" });
    var svg = attrs(d.createElementNS(SVG, "svg"), { viewBox: "0 0 24 24", "aria-hidden": "true", fill: "none", stroke: "currentColor", "stroke-width": "2" });
    ["M12 2a10 10 0 1 0 0 20a10 10 0 1 0 0-20", "M9.1 9a3 3 0 0 1 5.8 1c0 2-3 3-3 3", "M12 17h.01"].forEach(function (p) {
      svg.appendChild(attrs(d.createElementNS(SVG, "path"), { d: p }));
    });
    launcher.appendChild(svg);
    var label = d.createTextNode(words()[0]);
    launcher.appendChild(label);
    var mountPoint = make("div", root);

    var launcherState = function (open) {
      launcher.setAttribute("aria-expanded", open ? "true" : "false");
      // Closed: focus returns to the launcher from the panel, or from
      // nowhere (the page's body), never from what the host focused.
      var lost = !d.activeElement || d.activeElement === d.body;
      if (!open && root.activeElement !== launcher && (root.activeElement || lost)) launcher.focus();
    };

    // The loading panel, drawn when the reader opens the panel before the
    // app has arrived. What they type there is handed to the app.
    var shell = null;
    var shellInput = null;
    var showShell = function () {
      var t = words();
      if (!shell) {
        shell = make("section", root, "hw-shell");
        attrs(shell, { role: "dialog", "aria-modal": "true", "aria-busy": "true", "aria-labelledby": "hw-shell-title" });
        var head = make("div", shell, "hw-sh-h");
        make("h2", head, "", t[0]).id = "hw-shell-title";
        var close = attrs(make("button", head, "", "\u00d7"), { type: "button", "aria-label": t[3] });
        close.onclick = hideShell;
        var body = make("div", shell, "hw-sh-b");
        shellInput = attrs(make("input", body), { type: "search", autocomplete: "off", spellcheck: "false", placeholder: t[1], "aria-label": t[1] });
        attrs(make("p", body, "", t[2]), { role: "status" });
        shell.addEventListener("keydown", function (e) {
          if (e.key === "Escape") { e.preventDefault(); hideShell(); }
          if (e.key === "Tab") { e.preventDefault(); (root.activeElement === close ? shellInput : close).focus(); }
        });
      }
      shell.hidden = false;
      launcherState(true);
      shellInput.focus();
    };
    var shellOpen = function () { return !!shell && !shell.hidden; };
    var hideShell = function () { if (shellOpen()) { shell.hidden = true; launcherState(false); } };
    // Once the app's panel shows, one frame later, the shell goes.
    var dropShell = function () {
      var old = shell;
      shell = null;
      if (old) requestAnimationFrame(function () { old.remove(); });
    };

    // If the app cannot start, the panel still opens with the contacts.
    var fallback = null;
    var showFallback = function () {
      if (fallback) { fallback.hidden = !fallback.hidden; launcherState(!fallback.hidden); return; }
      fallback = attrs(make("section", 0, "hw-fallback"), { role: "dialog", "aria-label": "Help" });
      make("p", fallback, "", "Help articles are unavailable right now. Contact support:");
      var list = make("ul", fallback);
      ((APP.support && APP.support.regions) || []).forEach(function (region) {
        region.contacts.forEach(function (c) {
          var li = make("li", list, "", region.name + ": ");
          make("a", li, "", c.number || c.address).href = c.kind === "phone" ? "tel:" + c.number.replace(/[^+0-9]/g, "") + (c.option ? "," + c.option : "") : "mailto:" + c.address;
        });
      });
      var retry = attrs(make("button", fallback, "", "Retry"), { type: "button" });
      retry.onclick = function () { fallback.remove(); fallback = null; launcherState(false); quietly(call("open")); };
      root.appendChild(fallback);
      launcherState(true);
      retry.focus();
    };

    var app = null;
    var ready = null; // the mounted app's handle
    var startWarned = false;
    var load = function () {
      if (!app) {
        app = import(new URL(APP.js, scriptUrl).href).then(function (mod) {
          return mod.default({ module_or_path: new URL(APP.wasm, scriptUrl).href }).then(function () {
            return mod.mount(mountPoint, config, emit);
          });
        });
        app.then(function (handle) { ready = handle; startWarned = false; }, function (err) {
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
    var failed = function () { if (shell) { shell.remove(); shell = null; } showFallback(); };

    // Opens the panel (or keeps it open): at once with the app if it is
    // there, else with the shell until it is, unless the reader closes the
    // shell meanwhile. `then(handle)` does the opening.
    var opening = function (then) {
      if (fallback) { if (fallback.hidden) showFallback(); return; }
      if (ready) { then(ready); return; }
      showShell();
      quietly(load().then(function (handle) {
        if (!shellOpen()) return;
        then(handle);
        dropShell();
      }), failed);
    };
    // The app opens on search, with what the reader typed in the shell.
    var openSearch = function (handle) {
      var i = shellOpen() && shellInput;
      if (i) handle.takeOver(i.value, i.selectionStart || 0, i.selectionEnd || 0);
      else handle.openSearch();
    };
    var toggle = function () {
      if (ready) { if (ready.isOpen()) ready.close(); else ready.open(); return; }
      if (shellOpen()) hideShell();
      else opening(function (h) { openSearch(h); });
    };

    // A click opens the panel while the app loads, and toggles it after.
    launcher.addEventListener("click", function () {
      if (fallback) { showFallback(); return; }
      if (ready) { toggle(); return; }
      if (shellOpen()) { shellInput.focus(); return; }
      opening(openSearch);
    });
    ["pointerenter", "focus", "touchstart"].forEach(function (type) {
      launcher.addEventListener(type, function () { quietly(load()); }, { once: true, passive: true });
    });
    if (w.requestIdleCallback) w.requestIdleCallback(function () { quietly(load()); }, { timeout: 5000 });

    // Hotkeys, as DocSearch has them: "mod+k" (Ctrl or Cmd, then Alt if
    // any: "mod+alt+k") or a plain key ("/"). A plain key is left alone
    // while the reader types in a field, the host's or the panel's; one
    // with modifiers works everywhere, unless the page has already handled
    // it. Either toggles the panel.
    var hotkeys = (ds.hotkey || "mod+k /").toLowerCase().split(/[\s,]+/);
    var editing = function (e) {
      var el = e.composedPath()[0];
      return el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName);
    };
    d.addEventListener("keydown", function (e) {
      try {
        var key = (e.key || "").toLowerCase();
        var combo = (e.ctrlKey || e.metaKey ? "mod+" : "") + (e.altKey ? "alt+" : "") + key;
        if (e.defaultPrevented || e.isComposing || e.repeat || hotkeys.indexOf(combo) < 0 || (combo === key && editing(e))) return;
        e.preventDefault();
        if (fallback) showFallback();
        else if (ready ? ready.isOpen() : shellOpen()) toggle();
        else opening(openSearch);
      } catch (err) { warn("hotkey", err); }
    });

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
      open: function () { opening(function (h) { if (shellOpen()) openSearch(h); else h.open(); }); },
      close: function () {
        if (fallback) fallback.hidden = true;
        hideShell();
        if (ready) ready.close();
      },
      toggle: function () { if (fallback) showFallback(); else toggle(); },
      setContext: function (route) { config.context = String(route); quietly(call("setContext", [String(route)])); },
      identify: function (user) {
        user = user || {};
        if (user.sid != null) config.sid = String(user.sid);
        quietly(call("identify", [{ sid: user.sid == null ? "" : String(user.sid) }]));
      },
      setLocale: function (locale) {
        config.locale = String(locale);
        label.data = words()[0];
        quietly(call("setLocale", [String(locale)]));
      },
      search: function (query) { return call("search", [String(query)]); },
      showArticle: function (id) { opening(function (h) { h.showArticle(String(id)); }); },
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
