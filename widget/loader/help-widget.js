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
 *
 * Every byte here is paid on every dashboard page (the bench's "Widget
 * loader, gzip" target: at most 4 KB with the contacts filled in), so the
 * code is written to minify well: arrow functions, one element helper, one
 * stylesheet whose rules share what they can. Comments are free (terser
 * strips them).
 */
(() => {
  "use strict";
  var APP = __HW_APP__;
  var w = window;
  var d = document;
  var pre = w.HelpWidget;
  if (pre && pre.version) return; // included twice: one widget

  // `console[kind]("help widget: " + message, detail)`, never throwing.
  var log = (kind, message, detail) => {
    try { console[kind]("help widget: " + message, detail === undefined ? "" : detail); } catch (_) { /* ignore */ }
  };
  var warn = (message, err) => log("warn", message, err);

  // The launcher's and the loading panel's words, in the app's four
  // locales: Help, the search box's label, Loading, Close.
  var WORDS = {
    en: "Help|Search help articles|Loading\u2026|Close help",
    fr: "Aide|Rechercher dans l\u2019aide|Chargement\u2026|Fermer l\u2019aide",
    de: "Hilfe|Hilfeartikel durchsuchen|Wird geladen\u2026|Hilfe schlie\u00dfen",
    pt: "Ajuda|Pesquisar artigos de ajuda|Carregando\u2026|Fechar a ajuda"
  };

  // The loader's own styles: the launcher, the fallback panel and the
  // loading panel (the app's panel, header and search box, to the pixel:
  // see .hw-panel in the app's style.css). The side comes from the host's
  // --hw-left/--hw-right, which the app's panel reads too.
  var CSS =
    ":host{all:initial}" +
    ".hw-launcher,.hw-fallback,.hw-shell{position:fixed;right:var(--hw-right,20px);left:var(--hw-left,auto);" +
    "z-index:var(--hw-z-index);font:15px/1.5 system-ui,sans-serif}" +
    ".hw-launcher{bottom:20px;display:flex;align-items:center;gap:8px;padding:12px 18px;border:0;border-radius:999px;" +
    "background:var(--hw-theme-color);color:#fff;cursor:pointer;font-weight:600;line-height:1;" +
    "box-shadow:0 6px 20px rgba(15,23,42,.3)}" +
    ".hw-launcher:focus-visible,.hw-shell :focus-visible{outline:3px solid #b45309;outline-offset:2px}" +
    ".hw-fallback,.hw-shell{bottom:88px;background:#fff;color:#1d2433;border-radius:12px;" +
    "box-shadow:0 12px 40px rgba(15,23,42,.28)}" +
    ".hw-fallback{width:min(360px,calc(100vw - 24px));padding:16px}" +
    ".hw-fallback a{color:#1f5fbf}.hw-fallback button{font:inherit;margin-top:8px}" +
    ".hw-shell{width:min(400px,calc(100vw - 24px));height:min(640px,calc(100vh - 112px));overflow:hidden;" +
    "display:flex;flex-direction:column}.hw-shell *{box-sizing:border-box}.hw-shell[hidden]{display:none}" +
    ".hw-sh-h{display:flex;align-items:center;flex:none;height:56px;padding:10px 12px 10px 16px;" +
    "background:var(--hw-theme-color);color:#fff}.hw-sh-b{flex:1;overflow-y:auto;scrollbar-gutter:stable;padding:0 16px}" +
    ".hw-shell h2{margin:0;flex:1;font-size:17px}" +
    // As the app's .hw-close: the header's font at 24px.
    ".hw-shell button{border:0;background:none;color:inherit;font:24px/1 system-ui,sans-serif;padding:6px 8px;cursor:pointer}" +
    ".hw-shell input{display:block;width:100%;height:44px;margin:12px 0 0;padding:10px 12px;" +
    "border:1px solid #6b7587;border-radius:8px;font:inherit;color:inherit;background:inherit}" +
    ".hw-shell p{margin:14px 0;font-size:13px;color:#4a5568}" +
    "@media (prefers-color-scheme:dark){.hw-shell{background:#161b26;color:#e8ecf3}.hw-shell p{color:#b3bccb}}" +
    "@media (max-width:480px){.hw-shell{inset:0;width:auto;height:100vh;height:100dvh;border-radius:0}.hw-shell input{font-size:16px}}";

  try {
    var script = d.currentScript || d.querySelector('script[src*="help-widget.js"]');
    var ds = (script && script.dataset) || {};
    var here = location.href;
    var scriptUrl = (script && script.src) || here;
    var appUrl = (name) => new URL(name, scriptUrl).href;
    var config = {
      bundle: new URL(ds.bundle || "./bundle/", here).href,
      locale: ds.locale || navigator.language || "en",
      context: location.pathname,
      sid: ds.sid || "",
      feedbackUrl: ds.feedbackUrl ? new URL(ds.feedbackUrl, here).href : "",
      helpCenterUrl: ds.helpCenterUrl || "",
      timeZone: ds.timeZone || "",
      fallbackSupport: APP.support || null
    };

    // A file that the browser refuses for CORS fails like a network error.
    // Asked again without CORS, a server that answers is reachable: then
    // the missing header is the cause, and one console error says so. A
    // network error instead moves on to the next of `urls`.
    var corsReported = false;
    var diagnose = (urls) => {
      var url = urls[0];
      if (corsReported || !w.fetch || !url) return;
      var next = () => diagnose(urls.slice(1));
      var get = (mode) => fetch(url, { mode: mode, cache: "no-store" });
      get("cors").then(next, () => get("no-cors").then(() => {
        if (!corsReported) log("error", url + " was refused: no Access-Control-Allow-Origin header allows " +
          location.origin + " (see README.txt of the dist folder); the panel shows only the contacts");
        corsReported = true;
      }, next));
    };

    var listeners = {};
    var tell = (name, detail) => {
      if (name == "open" || name == "close") launcherState(name == "open");
      (listeners[name] || []).slice().forEach((fn) => {
        try { fn(detail); } catch (err) { warn("a `" + name + "` listener threw", err); }
      });
    };
    // What the app reports: an error there may be the bundle refused.
    var emit = (name, detail) => {
      if (name == "error") diagnose([config.bundle.replace(/\/?$/, "/") + "manifest.json"]);
      tell(name, detail);
    };

    var words = () => (WORDS[config.locale.slice(0, 2).toLowerCase()] || WORDS.en).split("|");

    // The host carries what the app's styles read too: the theme colour
    // (checked: it lands in CSS), the z-index (a number) and the side.
    var host = d.createElement("help-widget-root");
    var color = ds.themeColor || "";
    host.style.cssText = "--hw-theme-color:" + (/^#[0-9a-f]{3,8}$/i.test(color) ? color : "#1f5fbf") +
      ";--hw-z-index:" + (parseInt(ds.zIndex, 10) || 2147483000) +
      (ds.position == "left" ? ";--hw-left:20px;--hw-right:auto" : "");
    var root = host.attachShadow({ mode: "open" });
    var sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];

    // An element (in the namespace `ns` if given), with the attributes of
    // `attrs` and the text `text` if given, appended to `parent` if given.
    var make = (tag, parent, attrs, text, ns) => {
      var e = ns ? d.createElementNS(ns, tag) : d.createElement(tag);
      Object.keys(attrs || {}).forEach((k) => e.setAttribute(k, attrs[k]));
      if (text) e.textContent = text;
      if (parent) parent.appendChild(e);
      return e;
    };
    var SVG = "http://www.w3.org/2000/svg";
    var launcher = make("button", root, { class: "hw-launcher", type: "button", "aria-haspopup": "dialog", "aria-expanded": "false" });
    // A question mark in a circle.
    make("path", make("svg", launcher, { width: 20, height: 20, viewBox: "0 0 24 24", "aria-hidden": "true", fill: "none", stroke: "currentColor", "stroke-width": "2" }, 0, SVG),
      { d: "M12 2a10 10 0 1 0 0 20a10 10 0 1 0 0-20M9.1 9a3 3 0 0 1 5.8 1c0 2-3 3-3 3M12 17h.01" }, 0, SVG);
    var label = launcher.appendChild(d.createTextNode(words()[0]));
    var mountPoint = make("div", root);

    var launcherState = (open) => {
      launcher.setAttribute("aria-expanded", String(open));
      // Closed: focus returns to the launcher from the panel, or from
      // nowhere (the page's body), never from what the host focused.
      var active = d.activeElement;
      if (!open && root.activeElement != launcher && (root.activeElement || !active || active == d.body)) launcher.focus();
    };

    // The loading panel, drawn when the reader opens the panel before the
    // app has arrived. What they type there is handed to the app.
    var shell = null;
    var shellInput = null;
    var showShell = () => {
      if (!shell) {
        var t = words();
        shell = make("section", root, { class: "hw-shell", role: "dialog", "aria-modal": "true", "aria-busy": "true", "aria-labelledby": "hw-shell-title" });
        var head = make("div", shell, { class: "hw-sh-h" });
        make("h2", head, { id: "hw-shell-title" }, t[0]);
        var close = make("button", head, { type: "button", "aria-label": t[3] }, "\u00d7");
        close.onclick = hideShell;
        var body = make("div", shell, { class: "hw-sh-b" });
        shellInput = make("input", body, { type: "search", autocomplete: "off", spellcheck: "false", placeholder: t[1], "aria-label": t[1] });
        make("p", body, { role: "status" }, t[2]);
        shell.onkeydown = (e) => {
          if (e.key == "Escape") { e.preventDefault(); hideShell(); }
          if (e.key == "Tab") { e.preventDefault(); (root.activeElement == close ? shellInput : close).focus(); }
        };
      }
      shell.hidden = false;
      launcherState(true);
      shellInput.focus();
    };
    var shellOpen = () => !!shell && !shell.hidden;
    var hideShell = () => { if (shellOpen()) { shell.hidden = true; launcherState(false); } };
    // Once the app's panel shows, one frame later, the shell goes.
    var dropShell = () => {
      var old = shell;
      shell = null;
      if (old) requestAnimationFrame(() => old.remove());
    };

    // If the app cannot start, the panel still opens with the contacts;
    // opened again, it shows or hides them.
    var fallback = null;
    var showFallback = () => {
      if (fallback) { fallback.hidden = !fallback.hidden; launcherState(!fallback.hidden); return; }
      fallback = make("section", 0, { class: "hw-fallback", role: "dialog", "aria-label": "Help" });
      make("p", fallback, 0, "Help articles are unavailable right now. Contact support:");
      var list = make("ul", fallback);
      ((APP.support && APP.support.regions) || []).forEach((region) => region.contacts.forEach((c) => {
        var phone = c.kind == "phone";
        make("a", make("li", list, 0, region.name + ": "), {
          href: phone ? "tel:" + c.number.replace(/[^+0-9]/g, "") + (c.option ? "," + c.option : "") : "mailto:" + c.address
        }, phone ? c.number : c.address);
      }));
      var retry = make("button", fallback, { type: "button" }, "Retry");
      retry.onclick = () => { fallback.remove(); fallback = null; launcherState(false); quietly(call("open")); };
      root.appendChild(fallback);
      launcherState(true);
      retry.focus();
    };

    var app = null;
    var ready = null; // the mounted app's handle
    var startWarned = false;
    var load = () => {
      if (!app) {
        app = import(appUrl(APP.js)).then((mod) => mod.default({ module_or_path: appUrl(APP.wasm) })
          .then(() => mod.mount(mountPoint, config, emit)));
        app.then((handle) => { ready = handle; startWarned = false; }, (err) => {
          // One warning per outage, however often the reader tries again.
          if (!startWarned) {
            warn("could not start", err);
            diagnose([appUrl(APP.js), appUrl(APP.wasm)]);
          }
          startWarned = true;
          tell("error", String(err));
          app = null;
        });
      }
      return app;
    };
    var call = (method, args) => load().then((handle) => handle[method].apply(handle, args || []));
    var quietly = (promise, onFail) => promise.catch(() => onFail && onFail());
    // A call for the app, made once it is there; a failure is the app's
    // `error` event, told already.
    var later = (method, arg) => quietly(call(method, [arg]));
    var failed = () => { if (shell) { shell.remove(); shell = null; } showFallback(); };

    // Opens the panel (or keeps it open): at once with the app if it is
    // there, else with the shell until it is, unless the reader closes the
    // shell meanwhile. `then(handle)` does the opening.
    var opening = (then) => {
      if (fallback) { if (fallback.hidden) showFallback(); return; }
      if (ready) { then(ready); return; }
      showShell();
      quietly(load().then((handle) => {
        if (shellOpen()) { then(handle); dropShell(); }
      }), failed);
    };
    // The app opens on search, with what the reader typed in the shell.
    var openSearch = (handle) => {
      var i = shellOpen() && shellInput;
      if (i) handle.takeOver(i.value, i.selectionStart || 0, i.selectionEnd || 0);
      else handle.openSearch();
    };
    var toggle = () => {
      if (fallback) showFallback();
      else if (ready) { if (ready.isOpen()) ready.close(); else ready.open(); }
      else if (shellOpen()) hideShell();
      else opening(openSearch);
    };

    // A click opens the panel while the app loads (a second one keeps it
    // open), and toggles it after.
    launcher.onclick = () => {
      if (!fallback && !ready && shellOpen()) shellInput.focus();
      else toggle();
    };
    ["pointerenter", "focus", "touchstart"].forEach((type) => {
      launcher.addEventListener(type, () => quietly(load()), { once: true, passive: true });
    });
    if (w.requestIdleCallback) w.requestIdleCallback(() => quietly(load()), { timeout: 5000 });

    // Hotkeys, as DocSearch has them: "mod+k" (Ctrl or Cmd, then Alt if
    // any: "mod+alt+k") or a plain key ("/"). A plain key is left alone
    // while the reader types in a field, the host's or the panel's; one
    // with modifiers works everywhere, unless the page has already handled
    // it. Either toggles the panel, opening it on search.
    var hotkeys = (ds.hotkey || "mod+k /").toLowerCase().split(/[\s,]+/);
    var editing = (e) => {
      var el = e.composedPath()[0];
      return el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName);
    };
    d.addEventListener("keydown", (e) => {
      try {
        var key = (e.key || "").toLowerCase();
        var combo = (e.ctrlKey || e.metaKey ? "mod+" : "") + (e.altKey ? "alt+" : "") + key;
        if (e.defaultPrevented || e.isComposing || e.repeat || hotkeys.indexOf(combo) < 0 || (combo == key && editing(e))) return;
        e.preventDefault();
        if (fallback || (ready ? ready.isOpen() : shellOpen())) toggle();
        else opening(openSearch);
      } catch (err) { warn("hotkey", err); }
    });

    // Follow the dashboard's own navigation.
    var followRoute = () => {
      config.context = location.pathname;
      if (app) later("setContext", location.pathname);
    };
    ["pushState", "replaceState"].forEach((name) => {
      var original = history[name];
      if (typeof original == "function") {
        history[name] = function () {
          var result = original.apply(this, arguments);
          try { followRoute(); } catch (err) { warn("route change", err); }
          return result;
        };
      }
    });
    w.addEventListener("popstate", followRoute);

    var api = {
      version: "0.1.0",
      open: () => opening((h) => { if (shellOpen()) openSearch(h); else h.open(); }),
      close: () => {
        if (fallback) fallback.hidden = true;
        hideShell();
        if (ready) ready.close();
      },
      toggle: toggle,
      setContext: (route) => { config.context = String(route); later("setContext", config.context); },
      identify: (user) => {
        var sid = (user || {}).sid;
        if (sid != null) config.sid = String(sid);
        later("identify", { sid: sid == null ? "" : String(sid) });
      },
      setLocale: (locale) => {
        config.locale = String(locale);
        label.data = words()[0];
        later("setLocale", config.locale);
      },
      search: (query) => call("search", [String(query)]),
      showArticle: (id) => opening((h) => h.showArticle(String(id))),
      on: (name, fn) => {
        (listeners[name] = listeners[name] || []).push(fn);
        return () => { listeners[name] = (listeners[name] || []).filter((f) => f != fn); };
      }
    };
    w.HelpWidget = api;

    var attach = () => (d.body || d.documentElement).appendChild(host);
    if (d.body) attach(); else d.addEventListener("DOMContentLoaded", attach);

    // Calls queued by a stub before this script ran: HelpWidget.q = [["open"], …].
    if (pre && pre.q && pre.q.forEach) {
      pre.q.forEach((args) => {
        var method = args && api[args[0]];
        if (typeof method == "function" && args[0] != "on") method.apply(api, [].slice.call(args, 1));
      });
    }
    if (ds.open !== undefined) api.open();
  } catch (err) {
    warn("could not start", err);
  }
})();
