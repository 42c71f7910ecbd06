// Glossary tooltips: shown on mouse hover, on keyboard focus and on a first tap.
//
// Each term link (a.gl) points at its term page, ../../glossary/<id>/; the tooltip's
// content is already in the page, in the closing panel's item li#gl-<id> (term, pinyin,
// gloss, summary, escaped at build time). We only ever *clone* those nodes into one
// floating popover: nothing is parsed from attributes or inserted as HTML, so
// annotation text cannot become markup here.
(function () {
  "use strict";

  var popover = null;
  var current = null;
  var hideTimer = null;
  var lastPointerWasTouch = false;
  var openBeforeTouch = null;  // the link whose tooltip was open when the touch began

  function ensurePopover() {
    if (popover) return popover;
    popover = document.createElement("div");
    popover.className = "gl-popover";
    popover.setAttribute("role", "tooltip");
    popover.id = "gl-popover";
    popover.hidden = true;
    popover.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
    popover.addEventListener("mouseleave", scheduleHide);
    document.body.appendChild(popover);
    return popover;
  }

  // ../../glossary/<id>/ on the site; ../glossary/<id>.html in the offline copy (file://).
  function tipFor(link) {
    var match = /glossary\/([a-z0-9-]+)(?:\/|\.html)?$/.exec(link.getAttribute("href") || "");
    return match ? document.getElementById("gl-" + match[1]) : null;
  }

  function show(link) {
    var tip = tipFor(link);
    if (!tip) return;
    clearTimeout(hideTimer);
    var box = ensurePopover();
    if (current !== link) {
      box.replaceChildren();
      Array.prototype.forEach.call(tip.childNodes, function (node) {
        if (!(node.classList && node.classList.contains("gl-elsewhere"))) {
          box.appendChild(node.cloneNode(true));
        }
      });
      var more = document.createElement("a");
      more.className = "gl-popover-more";
      more.href = link.href;
      more.textContent = "术语页 →";
      box.appendChild(more);
      current = link;
    }
    link.setAttribute("aria-describedby", box.id);
    box.hidden = false;
    place(box, link);
  }

  function place(box, link) {
    var rect = link.getBoundingClientRect();
    var width = Math.min(360, document.documentElement.clientWidth - 16);
    box.style.maxWidth = width + "px";
    var left = Math.max(8, Math.min(rect.left + window.scrollX,
      window.scrollX + document.documentElement.clientWidth - width - 8));
    box.style.left = left + "px";
    var below = rect.bottom + window.scrollY + 6;
    box.style.top = below + "px";
    var height = box.offsetHeight;
    if (rect.bottom + height + 12 > window.innerHeight && rect.top > height + 12) {
      box.style.top = (rect.top + window.scrollY - height - 6) + "px";
    }
  }

  function hide() {
    if (popover) popover.hidden = true;
    current = null;
  }

  function scheduleHide() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 200);
  }

  function termLink(target) {
    return target && target.closest ? target.closest("a.gl") : null;
  }

  function bind() {
    document.addEventListener("pointerdown", function (event) {
      lastPointerWasTouch = event.pointerType === "touch" || event.pointerType === "pen";
      // A tap focuses the link (showing its tooltip) before "click" fires, so whether
      // this is the first or second tap must be decided now.
      openBeforeTouch = popover && !popover.hidden ? current : null;
      if (popover && !popover.hidden && !popover.contains(event.target) && !termLink(event.target)) hide();
    }, true);
    document.addEventListener("mouseover", function (event) {
      var link = termLink(event.target);
      if (link && !lastPointerWasTouch) show(link);
    });
    document.addEventListener("mouseout", function (event) {
      var link = termLink(event.target);
      if (link && !lastPointerWasTouch) scheduleHide();
    });
    document.addEventListener("focusin", function (event) {
      var link = termLink(event.target);
      if (link) show(link);
    });
    document.addEventListener("focusout", function (event) {
      if (termLink(event.target)) scheduleHide();
    });
    // On touch screens the first tap explains the term; a second tap follows the link.
    document.addEventListener("click", function (event) {
      var link = termLink(event.target);
      if (!link || !lastPointerWasTouch) return;
      if (openBeforeTouch !== link) {
        event.preventDefault();
        show(link);
      }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape") hide();
    });
    window.addEventListener("resize", hide);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", bind);
  } else {
    bind();
  }
})();
