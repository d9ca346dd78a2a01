/* factsheet report: legend toggles, span tooltips, sortable tables. No network, no libraries. */
(function () {
  "use strict";
  var body = document.body;

  /* legend: hide or show one kind of highlight */
  document.querySelectorAll("input[data-toggle]").forEach(function (box) {
    box.addEventListener("change", function () {
      body.classList.toggle("hide-" + box.dataset.toggle, !box.checked);
    });
  });
  document.querySelectorAll("input[data-filter]").forEach(function (box) {
    box.addEventListener("change", function () { body.classList.toggle("only-problems", box.checked); });
  });

  /* tooltip: the hovered span and every span around it, innermost first */
  var tip = document.getElementById("tip");
  function entries(target) {
    var out = [];
    for (var el = target; el && el !== body; el = el.parentElement) {
      if (el.matches && el.matches("mark[data-tip]") && !body.classList.contains("hide-" + el.dataset.kind)) out.push(el);
    }
    return out;
  }
  function show(marks, x, y) {
    tip.textContent = "";
    marks.forEach(function (mark) {
      var lines = mark.dataset.tip.split("\n");
      var entry = document.createElement("div");
      entry.className = "entry";
      var head = document.createElement("div");
      head.className = "head";
      var sw = document.createElement("span");
      sw.className = "swatch k k-" + mark.dataset.kind;
      sw.textContent = mark.dataset.kind;
      head.appendChild(sw);
      head.appendChild(document.createTextNode(lines[0].replace(/^\S+ /, "")));
      entry.appendChild(head);
      lines.slice(1).forEach(function (text) {
        var line = document.createElement("div");
        line.className = "line";
        line.textContent = text;
        entry.appendChild(line);
      });
      tip.appendChild(entry);
    });
    tip.hidden = false;
    var w = tip.offsetWidth, h = tip.offsetHeight;
    var left = Math.min(x + 14, window.innerWidth - w - 8), top = y + 18;
    if (top + h > window.innerHeight - 8) top = Math.max(8, y - h - 12);
    tip.style.left = Math.max(8, left) + "px";
    tip.style.top = top + "px";
  }
  if (tip) {
    document.addEventListener("mousemove", function (ev) {
      var marks = entries(ev.target);
      if (marks.length) show(marks, ev.clientX, ev.clientY); else tip.hidden = true;
    });
    document.addEventListener("scroll", function () { tip.hidden = true; }, { passive: true });
  }

  /* sortable tables: click a header; numbers sort by data-sort, text by locale (ko and en) */
  function key(row, col) {
    var cell = row.cells[col];
    return cell ? (cell.dataset.sort !== undefined ? cell.dataset.sort : cell.textContent.trim()) : "";
  }
  function sortBy(table, th, dir) {
    var col = Array.prototype.indexOf.call(th.parentElement.children, th);
    var numeric = th.dataset.type === "num";
    var tbody = table.tBodies[0];
    var rows = Array.prototype.slice.call(tbody.rows);
    var collator = new Intl.Collator(["ko", "en"], { numeric: true });
    rows.sort(function (a, b) {
      var x = key(a, col), y = key(b, col), c;
      if (numeric) c = (parseFloat(x) || 0) - (parseFloat(y) || 0); else c = collator.compare(x, y);
      if (c === 0) c = parseFloat(key(a, 0)) - parseFloat(key(b, 0));
      return dir === "descending" ? -c : c;
    });
    rows.forEach(function (row) { tbody.appendChild(row); });
    th.parentElement.querySelectorAll("th").forEach(function (other) { other.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", dir);
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    table.querySelectorAll("th[data-col]").forEach(function (th) {
      th.addEventListener("click", function () {
        sortBy(table, th, th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending");
      });
    });
  });
  /* a link such as page.html#sort=value-desc opens the pledges table sorted */
  var wanted = /^#sort=([a-z]+)(?:-(asc|desc))?$/.exec(location.hash);
  if (wanted) {
    var th = document.querySelector("table.pledges th[data-col='" + wanted[1] + "']");
    if (th) {
      sortBy(th.closest("table"), th, wanted[2] === "desc" ? "descending" : "ascending");
      document.getElementById("pledges").scrollIntoView();
    }
  }
  body.dataset.ready = "1";
})();
