// A mock single-page publisher dashboard: client-side routes with pushState,
// so the help widget can follow route changes as a real dashboard's would.
(function () {
  "use strict";
  var pages = {
    "/": ["Home", "Welcome back. Pick a section on the left."],
    "/links": ["Links", "Create tracking links and deep links to advertiser pages."],
    "/reports": ["Reports", "Clicks, sales and commission by day and advertiser."],
    "/payments": ["Payments", "Your balance, payment history and payment settings."],
    "/account": ["Account", "Your profile, sites and Site IDs."]
  };
  function render(path) {
    var page = pages[path] || ["Not found", "There is no page at " + path + "."];
    document.getElementById("page-title").textContent = page[0];
    document.getElementById("page-body").textContent = page[1];
    document.title = page[0] + " · Publisher dashboard (example)";
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-route]");
    if (!link) return;
    event.preventDefault();
    history.pushState(null, "", link.getAttribute("href"));
    render(location.pathname);
  });
  window.addEventListener("popstate", function () { render(location.pathname); });
  document.addEventListener("DOMContentLoaded", function () {
    render(location.pathname);
    var count = 0;
    document.getElementById("host-button").addEventListener("click", function () {
      count += 1;
      document.getElementById("host-counter").textContent = String(count);
    });
  });
})();
