// The script switcher (Material's language menu, extra.alternate) leads to the *same*
// page in the other script: same path, same paragraph anchor (#p12).
//
// The two views are two MkDocs sites, the Simplified one at the root and the Traditional
// one under zh-Hant/, with the same paths. Each menu link's href is the other view's root
// (MkDocs makes it relative to this page); we add this page's path within its own view,
// read from Material's __config base, and the current fragment at the moment of the click.
(function () {
  "use strict";

  function ownRoot() {
    var config = document.getElementById("__config");
    var base = config ? JSON.parse(config.textContent).base : ".";
    return new URL(base.replace(/\/?$/, "/"), location.href).href;
  }

  function samePage(otherRoot) {
    var root = ownRoot();
    var here = location.href.startsWith(root) ? location.href.slice(root.length) : "";
    return new URL(here, otherRoot).href;
  }

  document.querySelectorAll("a.md-select__link[hreflang]").forEach(function (link) {
    var otherRoot = link.href;  // read once: the href is rewritten below
    link.addEventListener("click", function (event) {
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) {
        return;
      }
      // Material's own handler looks for the page in the other site's sitemap (which needs
      // site_url) and otherwise goes to the root: ours decides instead.
      event.preventDefault();
      event.stopPropagation();
      location.href = samePage(otherRoot);
    });
    // So that "open in new tab" and the status bar show the same page too.
    link.addEventListener("mouseenter", function () { link.href = samePage(otherRoot); });
    link.addEventListener("focus", function () { link.href = samePage(otherRoot); });
  });
})();
