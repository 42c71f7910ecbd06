// Search on any input, not only on key presses.
//
// Material starts a search on keyboard events, so a query pasted with the mouse, dropped,
// or committed by a phone keyboard or an input method (insertText, insertCompositionText)
// searched nothing and the panel kept saying 键入以开始搜索. Every input event that changes
// the query without a key press is passed on as the key event Material listens for.
(function () {
  "use strict";

  var KEYLESS = /^(insertFromPaste|insertFromDrop|insertText|insertCompositionText|insertReplacementText|deleteByCut)$/;
  var lastKey = 0;

  function bind() {
    var input = document.querySelector("input.md-search__input");
    if (!input) return;
    input.addEventListener("keydown", function () { lastKey = Date.now(); });
    input.addEventListener("input", function (event) {
      // A key press already reaches Material; a composition ends with its own events.
      if (Date.now() - lastKey < 50 && event.inputType === "insertText") return;
      if (event.inputType && !KEYLESS.test(event.inputType)) return;
      input.dispatchEvent(new KeyboardEvent("keyup", { key: "Unidentified", bubbles: true }));
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", bind);
  } else {
    bind();
  }
})();
