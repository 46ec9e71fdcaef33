/* A form marked data-eenmaal is sent once: the first submit goes through,
   any further click while the page is leaving is ignored, and the buttons
   show that the form is being sent. Without JavaScript the form works the
   same; the server treats a repeated post as the same request. */
(function () {
  "use strict";
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.hasAttribute || !form.hasAttribute("data-eenmaal")) {
      return;
    }
    if (form.getAttribute("data-verstuurd") === "ja") {
      event.preventDefault();
      return;
    }
    form.setAttribute("data-verstuurd", "ja");
    form.setAttribute("aria-busy", "true");
    // After the browser has read the form (the clicked button's value included).
    window.setTimeout(function () {
      var knoppen = form.querySelectorAll("button[type=submit], button:not([type])");
      for (var i = 0; i < knoppen.length; i++) {
        knoppen[i].disabled = true;
      }
    }, 0);
  });
  // Back to a page kept in the browser's cache: the form can be used again.
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) {
      return;
    }
    var forms = document.querySelectorAll("form[data-verstuurd]");
    for (var i = 0; i < forms.length; i++) {
      forms[i].removeAttribute("data-verstuurd");
      forms[i].removeAttribute("aria-busy");
      var knoppen = forms[i].querySelectorAll("button");
      for (var j = 0; j < knoppen.length; j++) {
        knoppen[j].disabled = false;
      }
    }
  });
})();
