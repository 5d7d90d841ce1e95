// The desk's only script: follows a build, opens citations beside the brief, posts curation.
(function () {
  "use strict";

  function query(scope, extra) {
    var params = new URLSearchParams(scope);
    Object.keys(extra || {}).forEach(function (k) { params.set(k, extra[k]); });
    return params.toString();
  }

  // A build in progress: poll its state, then open the page it built.
  var building = document.querySelector("[data-job]");
  if (building) {
    var scope = JSON.parse(building.getAttribute("data-job"));
    var started = Date.now();
    var path = scope.week !== undefined ? "/digest" : "/brief";
    var timer = setInterval(function () {
      document.getElementById("elapsed").textContent = Math.round((Date.now() - started) / 1000);
      if (path === "/digest") { window.location.reload(); return; }
      fetch("/jobs?" + query(scope)).then(function (r) { return r.json(); }).then(function (s) {
        if (s.done) { clearInterval(timer); window.location.reload(); }
      });
    }, 700);
    return;
  }

  var brief = document.getElementById("brief");
  if (!brief) { return; }
  var scope = JSON.parse(brief.getAttribute("data-scope"));
  var status = JSON.parse(brief.getAttribute("data-status") || "{}");
  var panel = document.getElementById("panel");
  var form = document.getElementById("curate");

  function shownText(el) {
    var copy = el.cloneNode(true);
    copy.querySelectorAll("sup, .curation, .ok, .fail").forEach(function (n) { n.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  function open(source, text) {
    fetch("/cite?" + query(scope, { source: source, text: text }))
      .then(function (r) { return r.text().then(function (t) { return [r.ok, t]; }); })
      .then(function (res) {
        panel.innerHTML = res[0] ? res[1] : "<p class='fail'>This citation could not be opened.</p>";
        var mark = panel.querySelector("mark");
        if (mark) { mark.scrollIntoView({ block: "center" }); }
      });
  }

  function post(kind, source, text) {
    form.elements.kind.value = kind;
    form.elements.source.value = source || "";
    form.elements.text.value = text || "";
    form.submit();
  }

  // Every citation marker opens its source sentence beside the brief.
  brief.querySelectorAll("a[href^='#ref-S']").forEach(function (a) {
    var holder = a.closest("li, p, td, tr");
    if (!holder || holder.closest("#sec-sources, ol.references")) { return; }
    a.addEventListener("click", function (event) {
      event.preventDefault();
      var row = a.closest("tr");
      var text = row ? shownText(row.cells[0]) : shownText(holder);
      open(a.getAttribute("href").slice(5), text);
    });
  });

  // Exclude and pin on each cited sentence; the claim check's verdict beside it.
  brief.querySelectorAll("li, p").forEach(function (el) {
    var cite = el.querySelector("a[href^='#ref-S']");
    if (!cite || el.querySelector("span[id^='ref-S']")) { return; }
    var text = shownText(el);
    var source = cite.getAttribute("href").slice(5);
    var known = Object.keys(status).filter(function (s) { return text.indexOf(s) === 0; });
    if (known.length) {
      var badge = document.createElement("span");
      badge.className = status[known[0]] ? "ok" : "fail";
      badge.textContent = status[known[0]] ? "✓ verified" : "✗ check failed";
      el.appendChild(badge);
    }
    var tools = document.createElement("span");
    tools.className = "curation";
    [["exclude_sentence", "exclude"], ["pin", "pin"]].forEach(function (pair) {
      var b = document.createElement("button");
      b.type = "button";
      b.textContent = pair[1];
      b.className = pair[0];
      b.addEventListener("click", function () { post(pair[0], source, text); });
      tools.appendChild(b);
    });
    el.appendChild(tools);
  });

  // Exclude a whole source from its entry in the reference list.
  brief.querySelectorAll("span[id^='ref-S']").forEach(function (anchor) {
    var entry = anchor.closest("li, p");
    if (!entry) { return; }
    var b = document.createElement("button");
    b.type = "button";
    b.textContent = "exclude source";
    b.className = "exclude_source curation";
    b.addEventListener("click", function () { post("exclude_source", anchor.id.slice(4), ""); });
    entry.appendChild(b);
  });
})();
