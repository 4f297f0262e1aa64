// Filters the post-mortem index by severity, service and status. Without JavaScript the filter
// form stays hidden and every post-mortem is listed. The initial filter may come from the
// query string (index.html?severity=SEV1), so a filtered view can be bookmarked.
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var form = document.getElementById("filters");
  if (!form) {
    return;
  }
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr[data-severity]"));
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
  var shown = document.getElementById("shown");

  function services(row) {
    try {
      var list = JSON.parse(row.getAttribute("data-services") || "[]");
      return Array.isArray(list) ? list : [];
    } catch (e) {
      return [];
    }
  }

  function apply() {
    var want = {};
    selects.forEach(function (s) {
      want[s.name] = s.value;
    });
    var count = 0;
    rows.forEach(function (row) {
      var match =
        (!want.severity || row.getAttribute("data-severity") === want.severity) &&
        (!want.status || row.getAttribute("data-status") === want.status) &&
        (!want.service || services(row).indexOf(want.service) >= 0);
      row.hidden = !match;
      if (match) {
        count += 1;
      }
    });
    if (shown) {
      shown.textContent = "Showing " + count + " of " + rows.length + ".";
    }
  }

  var params = new URLSearchParams(window.location.search);
  selects.forEach(function (s) {
    var value = params.get(s.name);
    if (value !== null) {
      s.value = value;
    }
    s.addEventListener("change", apply);
  });
  form.addEventListener("reset", function () {
    window.setTimeout(apply, 0);
  });
  form.hidden = false;
  apply();
})();
