// The report's page: draws the corpus list, the charts and one document at a time from
// the JSON data block. Page text only ever enters the page as text nodes (textContent,
// createTextNode): never as markup.
(function () {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg";
  var FOLD_MIN = 5;  // a run of this many removed lines or more is folded
  var MARK_NAMES = { k: "content kept", r: "noise removed", l: "content lost", n: "noise kept" };
  var MARK_CODES = { content_kept: "k", noise_removed: "r", content_lost: "l", noise_kept: "n" };
  var CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

  // The data block holds JSON, or, for a large report, JSON compressed with gzip and
  // encoded in base64 (decompressed here, in memory: no request).
  function readData(block) {
    if (block.dataset.encoding !== "gzip-base64") {
      return Promise.resolve(JSON.parse(block.textContent));
    }
    var binary = atob(block.textContent.trim());
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).text().then(JSON.parse);
  }

  readData(document.getElementById("report-data")).then(report, function (error) {
    document.getElementById("facts").textContent = "This report could not be read: " + error;
  });

  function report(data) {
    var decisions = data.decisions;
    var state = {
      view: "all",
      hiddenCats: new Set(),
      rule: "",
      sortKey: data.gold ? "lost" : "index",
      sortDir: data.gold ? -1 : 1,
      current: -1,
      order: []
    };

    function $(id) { return document.getElementById(id); }

    function el(tag, className, text) {
      var node = document.createElement(tag);
      if (className) node.className = className;
      if (text !== undefined && text !== null) node.textContent = String(text);
      return node;
    }

    function number(n) { return Number(n).toLocaleString("en-US"); }
    function percent(x) { return (100 * x).toFixed(1) + "%"; }
    function colour(category) {
      return (category && data.palette[category]) || data.fallback;
    }

    // Text of a page line: control characters shown as their pictures (U+2400...), so
    // that what is invisible in the page is visible here; the rest as it is written.
    function appendText(parent, text) {
      if (!CONTROL.test(text)) {
        parent.appendChild(document.createTextNode(text));
        return;
      }
      var plain = "";
      for (var i = 0; i < text.length; i++) {
        var code = text.charCodeAt(i);
        if (CONTROL.test(text[i])) {
          if (plain) parent.appendChild(document.createTextNode(plain));
          plain = "";
          var picture = el("span", "ctl", String.fromCharCode(code === 0x7f ? 0x2421 : 0x2400 + code));
          picture.title = "control character U+" + code.toString(16).toUpperCase().padStart(4, "0");
          parent.appendChild(picture);
        } else {
          plain += text[i];
        }
      }
      if (plain) parent.appendChild(document.createTextNode(plain));
    }

    // ---- charts -------------------------------------------------------------------------

    // A horizontal bar chart: rows of {label, value, note, colour}.
    function barChart(rows, caption) {
      var width = 420, labelWidth = 120, noteWidth = 150, row = 18;
      var svg = document.createElementNS(SVG, "svg");
      var height = Math.max(1, rows.length) * row + 4;
      svg.setAttribute("viewBox", "0 0 " + width + " " + height);
      svg.setAttribute("role", "img");
      var description = caption + ": " + (rows.length ? rows.map(function (r) {
        return r.label + " " + r.note;
      }).join("; ") : "nothing");
      svg.setAttribute("aria-label", description);
      var title = document.createElementNS(SVG, "title");
      title.textContent = description;
      svg.appendChild(title);
      var max = rows.reduce(function (m, r) { return Math.max(m, r.value); }, 0) || 1;
      var span = width - labelWidth - noteWidth - 8;
      rows.forEach(function (r, i) {
        var y = 2 + i * row;
        var label = document.createElementNS(SVG, "text");
        label.setAttribute("x", labelWidth - 4);
        label.setAttribute("y", y + row - 6);
        label.setAttribute("text-anchor", "end");
        label.textContent = r.label;
        var bar = document.createElementNS(SVG, "rect");
        bar.setAttribute("x", labelWidth);
        bar.setAttribute("y", y + 2);
        bar.setAttribute("height", row - 5);
        bar.setAttribute("width", Math.max(1, span * r.value / max));
        bar.setAttribute("fill", r.colour);
        var note = document.createElementNS(SVG, "text");
        note.setAttribute("x", labelWidth + span * r.value / max + 4);
        note.setAttribute("y", y + row - 6);
        note.textContent = r.note;
        svg.appendChild(label);
        svg.appendChild(bar);
        svg.appendChild(note);
      });
      if (!rows.length) {
        var none = document.createElementNS(SVG, "text");
        none.setAttribute("x", 4);
        none.setAttribute("y", row - 4);
        none.textContent = "nothing removed";
        svg.appendChild(none);
      }
      return svg;
    }

    function categoryRows(summary) {
      return Object.keys(summary.cats).sort(function (a, b) {
        return summary.cats[b][1] - summary.cats[a][1] || (a < b ? -1 : 1);
      }).map(function (category) {
        var entry = summary.cats[category];
        return { label: category, value: entry[1], colour: colour(category),
                 note: number(entry[1]) + " chars, " + number(entry[0]) + " lines" };
      });
    }

    function markRows(summary) {
      return data.marks.map(function (mark) {
        var entry = summary.marks[mark];
        return { label: MARK_NAMES[MARK_CODES[mark]], value: entry[1], colour: data.markColours[mark],
                 note: number(entry[1]) + " chars, " + number(entry[0]) + " lines" };
      });
    }

    function drawChart(id, rows, caption) {
      var holder = $(id);
      holder.textContent = "";
      holder.appendChild(barChart(rows, caption));
    }

    // ---- filters ------------------------------------------------------------------------

    function viewOptions() {
      var views = [["all", "all lines"], ["removed", "only removals"], ["kept", "only kept"]];
      if (data.gold) views.push(["lost", "only content lost"], ["noise", "only noise kept"]);
      return views;
    }

    // Whether line i of doc passes the filters: the view, the categories, the rule.
    function passes(doc, i) {
      var decision = decisions[doc.d[i]];
      var removed = !decision[0];
      var mark = doc.g ? doc.g[i] : ".";
      if (state.view === "kept" && removed) return false;
      if (state.view === "removed" && !removed) return false;
      if (state.view === "lost" && mark !== "l") return false;
      if (state.view === "noise" && mark !== "n") return false;
      if (!removed) return true;
      if (decision[1] === null) return state.rule === "" && state.view !== "removed";
      return !state.hiddenCats.has(decision[1]) && (state.rule === "" || decision[2] === state.rule);
    }

    // Removed lines of doc that the category and rule filters select.
    function matching(doc) {
      var count = 0;
      for (var i = 0; i < doc.d.length; i++) {
        var decision = decisions[doc.d[i]];
        if (!decision[0] && decision[1] !== null && !state.hiddenCats.has(decision[1])
            && (state.rule === "" || decision[2] === state.rule)) count++;
      }
      return count;
    }

    function buildControls() {
      var views = $("views");
      viewOptions().forEach(function (option, i) {
        var label = el("label");
        var input = el("input");
        input.type = "radio";
        input.name = "view";
        input.value = option[0];
        input.checked = i === 0;
        input.addEventListener("change", function () {
          state.view = input.value;
          refresh();
        });
        label.appendChild(input);
        label.appendChild(document.createTextNode(option[1]));
        views.appendChild(label);
      });
      var cats = $("categories");
      data.categories.forEach(function (category) {
        var label = el("label");
        var input = el("input");
        input.type = "checkbox";
        input.checked = true;
        input.value = category;
        input.addEventListener("change", function () {
          if (input.checked) state.hiddenCats.delete(category);
          else state.hiddenCats.add(category);
          refresh();
        });
        var swatch = el("span", "swatch");
        swatch.style.setProperty("--cat", colour(category));
        label.appendChild(input);
        label.appendChild(swatch);
        label.appendChild(document.createTextNode(category + " (" + number(data.sum.cats[category][0]) + ")"));
        cats.appendChild(label);
      });
      if (!data.categories.length) cats.appendChild(el("span", "hint", "nothing was removed"));
      var select = $("rule");
      data.rules.forEach(function (rule) {
        var option = el("option", null, rule);
        option.value = rule;
        select.appendChild(option);
      });
      select.addEventListener("change", function () {
        state.rule = select.value;
        refresh();
      });
    }

    // ---- the document list --------------------------------------------------------------

    function columns() {
      var list = [
        { key: "index", title: "#", value: function (d, i) { return i + 1; } },
        { key: "name", title: "Document", value: function (d) { return d.name; } },
        { key: "lang", title: "Lang.", value: function (d) { return d.lang; } },
        { key: "kind", title: "Kind", value: function (d) { return d.kind + (d.wholePage ? ", whole page" : ""); } },
        { key: "lines", title: "Lines", value: function (d) { return d.sum.lines; }, show: number },
        { key: "share", title: "Removed", value: function (d) { return d.sum.share; }, show: percent },
        { key: "match", title: "Matching", value: function (d) { return d.match; }, show: number }
      ];
      if (data.gold) {
        list.push(
          { key: "lost", title: "Content lost", value: function (d) { return d.sum.lostShare || 0; }, show: percent },
          { key: "noise", title: "Noise kept", value: function (d) { return d.sum.noiseKeptShare || 0; }, show: percent },
          { key: "f1", title: "F1", value: function (d) { return d.sum.f1 === undefined ? 0 : d.sum.f1; },
            show: function (x) { return x.toFixed(3); } });
      }
      return list;
    }

    var COLUMNS = columns();

    function buildHeader() {
      var row = document.querySelector("#doclist thead tr");
      COLUMNS.forEach(function (column) {
        var th = el("th");
        th.scope = "col";
        th.dataset.key = column.key;
        var button = el("button", null, column.title);
        button.type = "button";
        button.addEventListener("click", function () {
          if (state.sortKey === column.key) state.sortDir = -state.sortDir;
          else {
            state.sortKey = column.key;
            state.sortDir = column.key === "index" || column.key === "name" || column.key === "lang"
              || column.key === "kind" ? 1 : -1;
          }
          drawList();
        });
        th.appendChild(button);
        row.appendChild(th);
      });
    }

    function sortedOrder() {
      var column = COLUMNS.filter(function (c) { return c.key === state.sortKey; })[0];
      var order = data.docs.map(function (d, i) { return i; });
      order.sort(function (a, b) {
        var x = column.value(data.docs[a], a), y = column.value(data.docs[b], b);
        if (x < y) return -state.sortDir;
        if (x > y) return state.sortDir;
        return a - b;
      });
      return order;
    }

    function drawList() {
      data.docs.forEach(function (d) { d.match = matching(d); });
      state.order = sortedOrder();
      document.querySelectorAll("#doclist th").forEach(function (th) {
        if (th.dataset.key === state.sortKey) {
          th.setAttribute("aria-sort", state.sortDir > 0 ? "ascending" : "descending");
        } else {
          th.removeAttribute("aria-sort");
        }
      });
      var body = document.createElement("tbody");
      state.order.forEach(function (index) {
        var doc = data.docs[index];
        var tr = el("tr");
        tr.dataset.doc = index;
        if (index === state.current) tr.className = "current";
        COLUMNS.forEach(function (column) {
          var value = column.value(doc, index);
          var td = el("td");
          td.dataset.key = column.key;
          if (column.key === "name") {
            var open = el("button", "open", value);
            open.type = "button";
            open.dir = "auto";
            open.title = value;
            if (index === state.current) open.setAttribute("aria-current", "true");
            open.addEventListener("click", function () { openDocument(index, true); });
            td.appendChild(open);
          } else {
            td.textContent = column.show ? column.show(value) : value;
          }
          tr.appendChild(td);
        });
        body.appendChild(tr);
      });
      var table = $("doclist");
      table.replaceChild(body, table.tBodies[0]);
    }

    // ---- one document -------------------------------------------------------------------

    function documentFacts(doc) {
      var kept = 0;
      for (var i = 0; i < doc.d.length; i++) if (decisions[doc.d[i]][0]) kept++;
      var parts = [
        "language " + doc.lang + " (" + doc.langMethod + ")",
        "page kind: " + doc.kind + (doc.wholePage ? ", whole page" : ", extracted text"),
        "profile " + doc.profile,
        "kept " + number(kept) + " of " + number(doc.d.length) + " lines",
        "removed " + percent(doc.sum.share) + " of " + number(doc.sum.chars) + " characters"
      ];
      if (data.gold) {
        parts.push("content lost " + percent(doc.sum.lostShare) + ", noise kept "
                   + percent(doc.sum.noiseKeptShare) + ", F1 " + doc.sum.f1.toFixed(3));
      }
      doc.abstentions.forEach(function (a) { parts.push("rule " + a[0] + " gave up: " + a[1]); });
      return parts.join(" · ");
    }

    function lineElement(doc, i, cut) {
      var decision = decisions[doc.d[i]];
      var removed = !decision[0];
      var node = el("div", "ln");
      node.dataset.i = i;
      var tag = "";
      if (removed) {
        node.classList.add("rm");
        if (decision[1] !== null) node.style.setProperty("--cat", colour(decision[1]));
        if (decision[1] === null) node.classList.add("blank");
        tag = decision[1] === null ? "blank, removed" : decision[1];
      } else if (decision[4] !== "kept" && decision[4] !== "blank_kept") {
        node.classList.add("spared");
        tag = "kept (" + decision[4].replace(/_/g, " ") + ")";
      }
      var mark = doc.g ? doc.g[i] : ".";
      if (mark !== ".") node.classList.add("g-" + mark);
      if (removed && decision[1] !== null || tag || mark === "l" || mark === "n") node.tabIndex = 0;
      node.appendChild(el("span", "no", i + 1));
      var tagNode = el("span", "tag", tag);
      if (mark !== ".") tagNode.appendChild(el("span", "gm", MARK_NAMES[mark]));
      node.appendChild(tagNode);
      var text = el("span", "tx");
      text.dir = "auto";
      appendText(text, doc.t[i]);
      if (cut[i] !== undefined) {
        text.appendChild(el("span", "more", " … " + number(cut[i] - doc.t[i].length)
                            + " more characters not shown"));
      }
      node.appendChild(text);
      return node;
    }

    // Runs of removed lines (blank lines inside them included) of FOLD_MIN lines or more.
    function foldRuns(doc) {
      var runs = [], start = -1, count = 0, last = -1;
      function close() {
        if (start >= 0 && count >= FOLD_MIN) runs.push([start, last, count]);
        start = -1;
        count = 0;
      }
      for (var i = 0; i < doc.d.length; i++) {
        var decision = decisions[doc.d[i]];
        var blank = decision[2] === "blank_lines";
        if (!decision[0] && !blank) {
          if (start < 0) start = i;
          count++;
          last = i;
        } else if (!blank) {
          close();
        }
      }
      close();
      return runs;
    }

    function foldLabel(doc, run) {
      var byCategory = {};
      for (var i = run[0]; i <= run[1]; i++) {
        var category = decisions[doc.d[i]][1];
        if (category !== null) byCategory[category] = (byCategory[category] || 0) + 1;
      }
      var parts = Object.keys(byCategory).sort().map(function (c) { return c + " " + byCategory[c]; });
      return number(run[2]) + " removed lines (" + parts.join(", ") + "), lines "
        + (run[0] + 1) + "–" + (run[1] + 1);
    }

    function drawLines(doc) {
      var cut = {};
      doc.cut.forEach(function (pair) { cut[pair[0]] = pair[1]; });
      var holder = $("lines");
      var fragment = document.createDocumentFragment();
      var runs = foldRuns(doc);
      var r = 0;
      for (var i = 0; i < doc.d.length; i++) {
        if (r < runs.length && runs[r][0] === i) {
          var run = runs[r++];
          var fold = el("div", "fold closed");
          var button = el("button", null, "▸ " + foldLabel(doc, run));
          button.type = "button";
          button.setAttribute("aria-expanded", "false");
          var body = el("div", "body");
          for (var j = run[0]; j <= run[1]; j++) body.appendChild(lineElement(doc, j, cut));
          button.addEventListener("click", toggleFold);
          fold.appendChild(button);
          fold.appendChild(body);
          fragment.appendChild(fold);
          i = run[1];
          continue;
        }
        fragment.appendChild(lineElement(doc, i, cut));
      }
      holder.textContent = "";
      holder.appendChild(fragment);
    }

    function toggleFold(event) {
      var button = event.currentTarget;
      var fold = button.parentNode;
      var open = fold.classList.toggle("closed") === false;
      button.setAttribute("aria-expanded", String(open));
      button.textContent = (open ? "▾ " : "▸ ") + button.textContent.slice(2);
    }

    function applyFilters() {
      var doc = data.docs[state.current];
      if (!doc) return;
      var shown = 0;
      document.querySelectorAll("#lines .ln").forEach(function (node) {
        var visible = passes(doc, Number(node.dataset.i));
        node.hidden = !visible;
        if (visible) shown++;
      });
      document.querySelectorAll("#lines .fold").forEach(function (fold) {
        fold.hidden = !fold.querySelector(".ln:not([hidden])");
      });
      $("doc-status").textContent = "Showing " + number(shown) + " of " + number(doc.d.length)
        + " lines" + (shown < doc.d.length ? " (filtered)" : "") + ".";
    }

    function openDocument(index, focus) {
      var doc = data.docs[index];
      if (!doc) return;
      state.current = index;
      $("doc-title").textContent = doc.name;
      $("doc-title").dir = "auto";
      $("doc-facts").textContent = documentFacts(doc);
      drawChart("doc-chart", categoryRows(doc.sum), "Removed from this document, by category");
      if (data.gold) drawChart("doc-gold-chart", markRows(doc.sum), "This document's lines against the gold text");
      resetDetail();
      drawLines(doc);
      applyFilters();
      document.querySelectorAll("#doclist tbody tr").forEach(function (tr) {
        var current = Number(tr.dataset.doc) === index;
        tr.classList.toggle("current", current);
        var open = tr.querySelector("button.open");
        if (current) open.setAttribute("aria-current", "true");
        else open.removeAttribute("aria-current");
      });
      if (focus) $("document").focus();
    }

    // ---- the selected line --------------------------------------------------------------

    function resetDetail() {
      var detail = $("detail");
      detail.textContent = "";
      var hint = el("p", "hint", "Click a removed line, or move to it with Tab, to see why it went.");
      detail.appendChild(hint);
    }

    function showDetail(node) {
      var doc = data.docs[state.current];
      var i = Number(node.dataset.i);
      var decision = decisions[doc.d[i]];
      document.querySelectorAll("#lines .ln.selected").forEach(function (other) {
        other.classList.remove("selected");
      });
      node.classList.add("selected");
      var start = 0;
      for (var k = 0; k < i; k++) start += doc.w[k];
      var detail = $("detail");
      detail.textContent = "";
      detail.appendChild(el("h3", null, "Line " + (i + 1) + (decision[0] ? ": kept" : ": removed")));
      var list = el("dl");
      function field(name, title, value) {
        list.appendChild(el("dt", null, title));
        var dd = el("dd", null, value);
        dd.dataset.field = name;
        list.appendChild(dd);
        return dd;
      }
      field("rule", "Rule", decision[2] === null ? "none" : decision[2]);
      field("category", "Category", decision[1] === null ? "none" : decision[1]);
      field("reason", "Reason", decision[3]);
      field("verdict", "Verdict", decision[4]);
      field("offsets", "Offsets", "characters " + number(start) + "–" + number(start + doc.w[i])
            + " of " + number(doc.sum.chars));
      var mark = doc.g ? doc.g[i] : ".";
      if (mark !== ".") {
        field("gold", "Gold", MARK_NAMES[mark] + ((mark === "k" || mark === "l")
          ? ": the gold text holds this line's words" : ": the gold text does not hold this line's words"));
      }
      if (decision[5].length) {
        var labels = field("labels", "Labels", "");
        var ul = el("ul");
        decision[5].forEach(function (id) {
          var label = data.labels[id];
          ul.appendChild(el("li", null, label[0] + " (" + label[1] + ", confidence " + label[2] + "): " + label[3]));
        });
        labels.appendChild(ul);
      }
      detail.appendChild(list);
    }

    function focusableLines() {
      return Array.prototype.filter.call(document.querySelectorAll("#lines .ln[tabindex]"), function (node) {
        return node.offsetParent !== null;
      });
    }

    function bindLines() {
      var holder = $("lines");
      holder.addEventListener("click", function (event) {
        var node = event.target.closest(".ln");
        if (node) showDetail(node);
      });
      holder.addEventListener("focusin", function (event) {
        var node = event.target.closest(".ln");
        if (node) showDetail(node);
      });
      holder.addEventListener("keydown", function (event) {
        var step = { ArrowDown: 1, j: 1, ArrowUp: -1, k: -1 }[event.key];
        if (!step || event.altKey || event.ctrlKey || event.metaKey) return;
        var nodes = focusableLines();
        var at = nodes.indexOf(document.activeElement);
        var next = nodes[at < 0 ? 0 : Math.min(nodes.length - 1, Math.max(0, at + step))];
        if (next) {
          event.preventDefault();
          next.focus();
        }
      });
    }

    function bindKeys() {
      document.addEventListener("keydown", function (event) {
        var target = event.target;
        if (event.altKey || event.ctrlKey || event.metaKey) return;
        if (target && (target.tagName === "INPUT" || target.tagName === "SELECT")) return;
        var step = { n: 1, p: -1 }[event.key];
        if (!step || !state.order.length) return;
        var at = state.order.indexOf(state.current);
        var next = state.order[Math.min(state.order.length - 1, Math.max(0, at + step))];
        event.preventDefault();
        openDocument(next, true);
      });
    }

    function refresh() {
      drawList();
      applyFilters();
    }

    function corpusFacts() {
      var sum = data.sum;
      var text = number(sum.documents) + " documents, " + number(sum.lines) + " lines; removed "
        + number(sum.removedLines) + " lines, " + percent(sum.share) + " of "
        + number(sum.chars) + " characters";
      if (data.gold) text += "; content lost " + percent(sum.lostShare) + " of the content";
      return text + ".";
    }

    function start() {
      $("facts").textContent = corpusFacts();
      drawChart("corpus-chart", categoryRows(data.sum), "Removed from the corpus, by category");
      if (data.gold) drawChart("corpus-gold-chart", markRows(data.sum), "The corpus's lines against the gold texts");
      buildControls();
      buildHeader();
      bindLines();
      bindKeys();
      drawList();
      if (state.order.length) openDocument(state.order[0], false);
      else $("doc-title").textContent = "No document";
      document.documentElement.dataset.ready = "true";
    }

    start();
  }
})();
