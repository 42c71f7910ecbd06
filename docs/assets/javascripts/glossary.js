// Glossary tooltips: shown on mouse hover, on keyboard focus and on a tap.
//
// Each term link (a.gl) points at its term page, ../../glossary/<id>/; the tooltip's
// content is already in the page, in the closing panel's item li#gl-<id> (term, pinyin,
// gloss, summary, escaped at build time). We only ever *clone* those nodes into one
// box: nothing is parsed from attributes or inserted as HTML, so annotation text cannot
// become markup here. A term's repeats in a section are quiet links (data-quiet,
// tabindex="-1", decided at build time): the same tooltip, but no Tab stop.
//
// With a mouse or a keyboard the box floats under the term. After a tap, or on a screen
// that cannot hover, it is a sheet along the bottom of the viewport (.gl-sheet), since a
// floating box would cover the next lines and the terms in them: the page scrolls so the
// tapped term stays above the sheet; a tap outside, a scroll or Esc closes it; a tap on
// another term switches it; a second tap on the same term follows the link.
(function () {
  "use strict";

  var GAP = 8;                 // px kept between the tapped term and the sheet's top
  var SCROLL_CLOSES = 24;      // px the reader scrolls before the sheet closes
  var TAP_FOCUS_MS = 800;      // a focus this soon after a touch comes from the tap itself
  var popover = null;
  var current = null;
  var sheet = false;           // the box is shown as the bottom sheet
  var sheetScrollY = 0;        // where the page was when the sheet was placed
  var hideTimer = null;
  var lastPointerWasTouch = false;
  var touchedAt = 0;
  var openBeforeTouch = null;  // the link whose tooltip was open when the touch began
  var cannotHover = window.matchMedia ? window.matchMedia("(hover: none)") : null;

  function ensurePopover() {
    if (popover) return popover;
    popover = document.createElement("div");
    popover.className = "gl-popover";
    popover.id = "gl-popover";
    popover.hidden = true;
    popover.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
    popover.addEventListener("mouseleave", function () { if (!sheet) scheduleHide(); });
    document.body.appendChild(popover);
    return popover;
  }

  // ../../glossary/<id>/ on the site; ../../glossary/<id>/index.html in the offline copy (file://).
  function tipFor(link) {
    var match = /glossary\/([a-z0-9-]+)(?:\/(?:index\.html)?)?$/.exec(link.getAttribute("href") || "");
    return match ? document.getElementById("gl-" + match[1]) : null;
  }

  function fill(box, tip, link) {
    box.replaceChildren();
    if (sheet) {
      var close = document.createElement("button");
      close.type = "button";
      close.className = "gl-sheet-close";
      close.setAttribute("aria-label", "关闭");
      close.textContent = "×";
      close.addEventListener("click", hide);
      box.appendChild(close);
    }
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
  }

  function show(link, asSheet) {
    var tip = tipFor(link);
    if (!tip) return;
    clearTimeout(hideTimer);
    var box = ensurePopover();
    if (current !== link || sheet !== asSheet) {
      sheet = asSheet;
      fill(box, tip, link);
      current = link;
    }
    box.classList.toggle("gl-sheet", sheet);
    // The floating box describes the focused term; the sheet, with its close button and
    // link, is a small non-modal dialog.
    box.setAttribute("role", sheet ? "dialog" : "tooltip");
    if (sheet) box.setAttribute("aria-label", "术语说明"); else box.removeAttribute("aria-label");
    link.setAttribute("aria-describedby", box.id);
    box.hidden = false;
    if (sheet) placeSheet(box, link); else place(box, link);
  }

  function place(box, link) {
    document.documentElement.classList.remove("gl-sheet-open");
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

  // The page gets room at its end as tall as the sheet (edition.css), so even the last
  // line can be scrolled above it; then the tapped term is scrolled clear of it.
  function placeSheet(box, link) {
    box.style.left = box.style.top = box.style.maxWidth = "";
    var root = document.documentElement;
    root.style.setProperty("--gl-sheet-space", box.offsetHeight + "px");
    root.classList.add("gl-sheet-open");
    var overlap = link.getBoundingClientRect().bottom + GAP - box.getBoundingClientRect().top;
    if (overlap > 0) window.scrollBy({ top: overlap, behavior: "instant" });
    sheetScrollY = window.scrollY;
  }

  function hide() {
    clearTimeout(hideTimer);
    if (popover) popover.hidden = true;
    if (current) current.removeAttribute("aria-describedby");
    current = null;
    document.documentElement.classList.remove("gl-sheet-open");
  }

  function scheduleHide() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 200);
  }

  function isOpen() {
    return popover !== null && !popover.hidden;
  }

  function termLink(target) {
    return target && target.closest ? target.closest("a.gl") : null;
  }

  function bind() {
    document.addEventListener("pointerdown", function (event) {
      lastPointerWasTouch = event.pointerType === "touch" || event.pointerType === "pen";
      if (lastPointerWasTouch) touchedAt = Date.now();
      // A tap focuses the link before "click" fires, so whether this is the first or the
      // second tap must be decided now.
      openBeforeTouch = isOpen() ? current : null;
      if (isOpen() && !popover.contains(event.target) && !termLink(event.target)) hide();
    }, true);
    document.addEventListener("mouseover", function (event) {
      var link = termLink(event.target);
      if (link && !lastPointerWasTouch) show(link, false);
    });
    document.addEventListener("mouseout", function (event) {
      if (termLink(event.target) && !lastPointerWasTouch && !sheet) scheduleHide();
    });
    document.addEventListener("focusin", function (event) {
      var link = termLink(event.target);
      // The focus a tap gives is left to "click", which comes after the tap is over:
      // scrolling the page under a tap in progress could move its click onto another link.
      if (!link || (lastPointerWasTouch && Date.now() - touchedAt < TAP_FOCUS_MS)) return;
      show(link, Boolean(cannotHover && cannotHover.matches));
    });
    document.addEventListener("focusout", function (event) {
      // The sheet stays until the reader closes it: tapping inside it moves the focus too.
      if (termLink(event.target) && !sheet) scheduleHide();
    });
    // On touch screens the first tap explains the term; a second tap follows the link.
    document.addEventListener("click", function (event) {
      var link = termLink(event.target);
      if (!link || !lastPointerWasTouch) return;
      if (openBeforeTouch !== link) {
        event.preventDefault();
        show(link, true);
      }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape") hide();
    });
    window.addEventListener("scroll", function () {
      if (sheet && isOpen() && Math.abs(window.scrollY - sheetScrollY) > SCROLL_CLOSES) hide();
    }, { passive: true });
    // A floating box's place goes stale when the layout changes; the sheet's does not
    // (and phones resize the viewport as their toolbars slide away while scrolling).
    window.addEventListener("resize", function () { if (!sheet) hide(); });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", bind);
  } else {
    bind();
  }
})();
