// "Cite this paragraph": a small control beside each paragraph number.
//
// The page's citation templates (GB/T 7714-2015 and Chicago) were written at build time
// from the text's metadata (build_tools/site/citation.py) into a JSON script element; we
// only fill in the paragraph, the page's permalink and today's date, and copy plain text.
// Nothing is inserted as HTML.
(function () {
  "use strict";

  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"];

  function templates() {
    var data = document.getElementById("edition-citation");
    try { return data ? JSON.parse(data.textContent) : null; } catch (e) { return null; }
  }

  function today() {
    var d = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  // The same substitution as citation.fill() in Python, which the tests hold it to.
  function fill(template, paragraph, url, accessed) {
    var parts = accessed.split("-");
    var english = MONTHS[Number(parts[1]) - 1] + " " + Number(parts[2]) + ", " + parts[0];
    return template.split("{paragraph}").join(String(paragraph)).split("{url}").join(url)
      .split("{accessed_en}").join(english).split("{accessed}").join(accessed);
  }

  function permalink(id) {
    return location.origin + location.pathname + "#" + id;
  }

  function copy(text, status) {
    var done = function () { status.textContent = "已复制"; setTimeout(function () { status.textContent = ""; }, 2000); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { fallback(text); done(); });
    } else {
      fallback(text);
      done();
    }
  }

  function fallback(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); } catch (e) { /* the text stays selected for Ctrl-C */ }
    document.body.removeChild(area);
  }

  // One menu, shown beside the paragraph the URL points at: clicking a paragraph's number
  // (its permalink) or opening a cited link both show it, and no paragraph gains a Tab stop.
  var menu = null;
  var status = null;

  function buildMenu(data) {
    menu = document.createElement("span");
    menu.className = "cite-menu";
    menu.setAttribute("role", "group");
    menu.setAttribute("aria-label", "引用本段");
    var label = document.createElement("span");
    label.className = "cite-label";
    label.textContent = "引用本段：";
    menu.appendChild(label);
    [["GB/T 7714", data.gbt7714], ["Chicago", data.chicago], ["链接", null]].forEach(function (format) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "cite-format";
      button.textContent = format[0];
      button.addEventListener("click", function () {
        var paragraph = menu.parentElement;
        var number = paragraph.querySelector(".para-num").textContent;
        var url = permalink(paragraph.id);
        var text = format[1] ? fill(format[1], number, url, today()) : url;
        menu.dataset.copied = text;
        copy(text, status);
      });
      menu.appendChild(button);
    });
    status = document.createElement("span");
    status.className = "cite-status";
    status.setAttribute("role", "status");
    menu.appendChild(status);
  }

  // The paragraph a URL fragment names: its own id, or a retired id now resolving to it.
  function targetParagraph() {
    var id = decodeURIComponent(location.hash.slice(1));
    var element = id ? document.getElementById(id) : null;
    if (element && element.classList.contains("retired-anchor")) element = element.parentElement;
    return element && element.matches("p.para") && element.querySelector(".para-num") ? element : null;
  }

  function place() {
    var paragraph = targetParagraph();
    if (!paragraph) {
      if (menu.parentElement) menu.remove();
      return;
    }
    status.textContent = "";
    paragraph.querySelector(".para-num").after(menu);
  }

  function bind() {
    var data = templates();
    if (!data) return;
    buildMenu(data);
    place();
    window.addEventListener("hashchange", place);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", bind);
  } else {
    bind();
  }
})();
