/* Progressive enhancement: list similar proposals while the title is typed.
   Without JavaScript the preview step shows the same list. */
(function () {
  "use strict";
  var input = document.getElementById("id_title");
  var output = document.getElementById("similar-live");
  if (!input || !output || !window.fetch) return;
  var timer = null;
  var lastQuery = "";
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      var query = input.value.trim();
      if (query === lastQuery) return;
      lastQuery = query;
      if (query.length < 4) {
        output.innerHTML = "";
        return;
      }
      fetch(output.dataset.url + "?q=" + encodeURIComponent(query), {
        headers: { "X-Requested-With": "fetch" },
        credentials: "same-origin",
      })
        .then(function (response) { return response.ok ? response.text() : ""; })
        .then(function (html) { if (query === lastQuery) output.innerHTML = html; })
        .catch(function () { /* the preview step still lists them */ });
    }, 350);
  });
})();
