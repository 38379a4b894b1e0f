// Counts this page view once and shows the total. Without it (or without the API) the page reads the same.
(function () {
  var el = document.querySelector("[data-views-url]");
  if (!el || !window.fetch) return;
  fetch(el.getAttribute("data-views-url"), { method: "POST", mode: "cors", credentials: "omit", keepalive: true })
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (d) {
      if (d && typeof d.views === "number") {
        el.textContent = d.views.toLocaleString("en") + (d.views === 1 ? " view" : " views");
        el.hidden = false;
      }
    })
    .catch(function () {});
})();
