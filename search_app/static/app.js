// Progressive enhancement only: every page works without this file.
// - "Copy citation" buttons (hidden until this script shows them) copy the citation text.
// - The sort selector submits its form when changed.
(function () {
  "use strict";

  function copyText(text) {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      return navigator.clipboard.writeText(text);
    }
    return Promise.reject(new Error("clipboard unavailable"));
  }

  function initCopyButtons() {
    document.querySelectorAll("button.copy-button[data-copy-target]").forEach(function (button) {
      var target = document.getElementById(button.getAttribute("data-copy-target"));
      if (!target) { return; }
      button.hidden = false;
      button.addEventListener("click", function () {
        var status = button.parentNode.querySelector(".copy-status");
        copyText(target.textContent.trim()).then(function () {
          if (status) { status.textContent = "Copied."; }
          button.setAttribute("data-copied", "true");
        }, function () {
          if (status) { status.textContent = "Could not copy: select the text and copy it."; }
          var range = document.createRange();
          range.selectNodeContents(target);
          var sel = window.getSelection();
          sel.removeAllRanges();
          sel.addRange(range);
        });
      });
    });
  }

  function initAutoSubmit() {
    document.querySelectorAll("select.auto-submit").forEach(function (select) {
      select.addEventListener("change", function () {
        if (select.form) { select.form.submit(); }
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    initCopyButtons();
    initAutoSubmit();
  });
}());
