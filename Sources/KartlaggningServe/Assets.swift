/// The workbench's own style sheet and script, served by kartlagg itself (the Content-Security-Policy forbids any
/// other): no build step, no remote fonts, no inline script or style.
enum Assets {
    static let css = """
        :root { --ink: #1a1a1a; --line: #c8d0d6; --accent: #2f6f8f; --soft: #eef3f6; }
        * { box-sizing: border-box; }
        body { font-family: "DejaVu Sans", "Segoe UI", system-ui, sans-serif; color: var(--ink); margin: 0; line-height: 1.45; }
        header { background: var(--accent); color: #ffffff; padding: 0.5rem 1rem; display: flex; gap: 1rem; align-items: baseline; }
        header nav a { color: #ffffff; margin-right: 0.8rem; }
        header nav a[aria-current] { font-weight: bold; text-decoration: none; }
        .badge { background: #ffffff; color: var(--accent); border-radius: 3px; padding: 0 0.4rem; font-size: 0.8em; }
        main { padding: 1rem; max-width: 100rem; }
        h1 { font-size: 1.5rem; margin: 0.2rem 0 0.8rem; }
        h2 { font-size: 1.15rem; margin-top: 1.6rem; }
        .note, .meta, .keys { color: #555555; font-size: 0.9em; }
        .area-filter input { font: inherit; padding: 0.2rem 0.4rem; min-width: 16rem; }
        .scroll { overflow-x: auto; max-width: 100%; }
        .with-map { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; }
        .with-map > .heatmap-part { flex: 0 1 auto; min-width: 0; max-width: 100%; }
        .with-map > .map-part { flex: 1 1 420px; min-width: 320px; max-width: 640px; }
        .map-part figure.map { margin: 0; }
        .map-part svg { max-width: 100%; height: auto; }
        .map-part svg a path:hover, .map-part svg a:focus path { stroke: #111111; stroke-width: 2; }
        table { border-collapse: collapse; margin: 0.4rem 0 1rem; }
        th, td { border: 1px solid var(--line); padding: 0.25rem 0.5rem; }
        thead th { background: var(--soft); }
        td { text-align: right; font-variant-numeric: tabular-nums; }
        th[scope=row] { text-align: left; font-weight: normal; white-space: nowrap; }
        tr.total th, tr.total td { font-weight: bold; }
        tr.group th { text-align: left; background: var(--soft); font-weight: bold; padding-top: 0.5rem; }
        td.hidden { color: #777777; background: #f2f2f2; text-align: center; }
        td a { display: block; color: inherit; text-decoration: none; }
        td a:hover, td a:focus { outline: 2px solid #d48a00; }
        .heatmap td { min-width: 4.5rem; text-align: center; }
        .heatmap.turned th.slanted { vertical-align: bottom; padding: 0.3rem 0.2rem; }
        .heatmap.turned th.slanted span { writing-mode: vertical-rl; transform: rotate(180deg); display: inline-block;
            white-space: nowrap; max-height: 16rem; overflow: hidden; text-overflow: ellipsis; }
        .heatmap.turned td { min-width: 3.6rem; }
        .heatmap td.h0 { background: #ffffff; }
        .heatmap td.h1 { background: #e8eff3; }
        .heatmap td.h2 { background: #d1dfe6; }
        .heatmap td.h3 { background: #bacfda; }
        .heatmap td.h4 { background: #a3bfcd; }
        .heatmap td.h5 { background: #8bafc1; color: #ffffff; }
        .heatmap td.h6 { background: #749fb4; color: #ffffff; }
        .heatmap td.h7 { background: #5d8fa8; color: #ffffff; }
        .heatmap td.h8 { background: #467f9b; color: #ffffff; }
        .heatmap td.h9 { background: #2f6f8f; color: #ffffff; }
        .heatmap td.thin { background: repeating-linear-gradient(45deg, #ffffff, #ffffff 4px, #e4e4e4 4px, #e4e4e4 6px); }
        .heatmap td.whole, .heatmap tr.whole td { font-weight: bold; }
        .heatmap tr.whole th, .heatmap th:last-child { white-space: nowrap; }
        p.legend span { display: inline-block; width: 1.4rem; height: 0.9rem; vertical-align: middle; border: 1px solid #c8c8c8; }
        p.legend span.h0 { background: #ffffff; } p.legend span.h1 { background: #e8eff3; } p.legend span.h2 { background: #d1dfe6; }
        p.legend span.h3 { background: #bacfda; } p.legend span.h4 { background: #a3bfcd; } p.legend span.h5 { background: #8bafc1; }
        p.legend span.h6 { background: #749fb4; } p.legend span.h7 { background: #5d8fa8; } p.legend span.h8 { background: #467f9b; }
        p.legend span.h9 { background: #2f6f8f; }
        p.legend span.thin { background: repeating-linear-gradient(45deg, #ffffff, #ffffff 4px, #e4e4e4 4px, #e4e4e4 6px); }
        form.filters { display: flex; flex-wrap: wrap; gap: 0.4rem 0.8rem; align-items: end; margin: 0.4rem 0 0.8rem; }
        form.filters label { display: flex; flex-direction: column; font-size: 0.85em; color: #444444; }
        select, input, button { font: inherit; padding: 0.15rem 0.3rem; max-width: 22rem; }
        button, a.button { background: var(--accent); color: #ffffff; border: 0; border-radius: 3px; padding: 0.25rem 0.7rem; cursor: pointer; text-decoration: none; }
        ol.answers { padding-left: 2rem; }
        li.answer { border-bottom: 1px solid var(--line); padding: 0.5rem 0.3rem; }
        li.answer:focus, li.answer.current { outline: 3px solid #d48a00; background: #fffaf0; }
        li.answer blockquote { margin: 0.3rem 0; font-size: 1.05em; }
        mark { background: #ffe08a; padding: 0 0.1em; }
        ul.themes { list-style: none; padding: 0; margin: 0.3rem 0; display: flex; flex-wrap: wrap; gap: 0.3rem; }
        ul.themes li { background: var(--soft); border: 1px solid var(--line); border-radius: 1rem; padding: 0 0.3rem 0 0.6rem; display: flex; align-items: center; gap: 0.2rem; }
        form.decide { display: inline; }
        form.decide button { background: transparent; color: #8a1f11; padding: 0 0.3rem; font-weight: bold; }
        form.add { margin-top: 0.3rem; display: flex; gap: 0.3rem; flex-wrap: wrap; }
        form.coder { background: var(--soft); padding: 0.6rem; display: flex; gap: 0.6rem; align-items: end; flex-wrap: wrap; }
        .decision { background: #e8f3ea; border-left: 4px solid #2e7d32; padding: 0.5rem 0.8rem; margin: 0.6rem 0; }
        form.decision button { margin-left: 0.6rem; }
        .cell { font-size: 1.1em; }
        .error { color: #8a1f11; font-weight: bold; }
        nav.pager { margin: 1rem 0; display: flex; gap: 1.2rem; }
        kbd { border: 1px solid #999999; border-radius: 3px; padding: 0 0.25rem; background: #fafafa; }
        body.meeting { font-size: 1.35rem; }
        body.meeting main { max-width: none; }
        figure.quote { margin: 2rem 0; }
        figure.quote blockquote { font-size: 2rem; line-height: 1.35; margin: 0 0 1rem; border-left: 0.4rem solid var(--accent); padding-left: 1rem; }
        figure.quote figcaption { color: #555555; }
        @media print { header nav, form, nav.pager { display: none; } }
        """

    /// The tab's icon: a small heatmap.
    static let icon = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" fill="#ffffff"/>\
        <rect x="1" y="1" width="6" height="6" fill="#2f6f8f"/><rect x="9" y="1" width="6" height="6" fill="#8bafc1"/>\
        <rect x="1" y="9" width="6" height="6" fill="#c5d7e0"/><rect x="9" y="9" width="6" height="6" fill="#2f6f8f"/></svg>
        """

    static let javascript = #"""
        // kartlagg workbench: keys for fast coding (j/k: next/previous answer; 1-9: the answer's own themes, then the keyed
        // ones it lacks — added or, when the
        // answer has it, removed as "not this theme"); the filter selects submit on change. No data, no remote code.
        (function () {
          "use strict";
          function answers() { return Array.prototype.slice.call(document.querySelectorAll("li.answer")); }
          function current() { return document.querySelector("li.answer.current"); }
          function focus(item) {
            answers().forEach(function (a) { a.classList.remove("current"); });
            if (!item) { return; }
            item.classList.add("current");
            item.focus();
            try { sessionStorage.setItem("kartlagg-current", item.id); } catch (e) { /* storage off */ }
          }
          function move(step) {
            var list = answers();
            if (list.length === 0) { return; }
            var at = list.indexOf(current());
            focus(list[at < 0 ? 0 : Math.min(list.length - 1, Math.max(0, at + step))]);
          }
          function post(fields) {
            var form = document.createElement("form");
            form.method = "post";
            form.action = "/code";
            Object.keys(fields).forEach(function (name) {
              var input = document.createElement("input");
              input.type = "hidden";
              input.name = name;
              input.value = fields[name];
              form.appendChild(input);
            });
            document.body.appendChild(form);
            form.submit();
          }
          function toggle(digit) {
            var keys = document.querySelector("p.keys");
            var item = current();
            if (!keys || !item) { return; }
            // The answer's own themes first, then the keyed ones it does not have: 1 is the answer's first theme.
            var own = Array.prototype.map.call(item.querySelectorAll("ul.themes li"), function (li) {
              return li.getAttribute("data-theme");
            });
            var order = own.concat((keys.getAttribute("data-themes") || "").split(" ").filter(function (t) {
              return t && own.indexOf(t) < 0;
            }));
            var theme = order[digit - 1];
            var add = item.querySelector("form.add");
            if (!theme || !add) { return; }
            var has = own.indexOf(theme) >= 0;
            post({
              csrf: add.querySelector('input[name="csrf"]').value,
              answer: item.getAttribute("data-answer"),
              action: has ? "remove" : "add",
              theme: theme,
              back: add.querySelector('input[name="back"]').value
            });
          }
          document.addEventListener("keydown", function (event) {
            var target = event.target;
            if (target && /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) { return; }
            if (event.ctrlKey || event.metaKey || event.altKey) { return; }
            var meeting = document.body.classList.contains("meeting");
            var link = null;
            if (event.key === "j") { move(1); event.preventDefault(); }
            else if (event.key === "k") { move(-1); event.preventDefault(); }
            else if (/^[1-9]$/.test(event.key) && !meeting) { toggle(parseInt(event.key, 10)); event.preventDefault(); }
            else if (event.key === "ArrowRight" && meeting) { link = document.querySelector('a[rel="next"]'); }
            else if (event.key === "ArrowLeft" && meeting) { link = document.querySelector('a[rel="prev"]'); }
            if (link) { link.click(); }
          });
          document.addEventListener("DOMContentLoaded", function () {
            Array.prototype.forEach.call(document.querySelectorAll("form.filters select"), function (select) {
              select.addEventListener("change", function () { select.form.submit(); });
            });
            // The area filter: rows whose area name holds the text stay, with their group's heading; the whole stays.
            var filter = document.getElementById("area-filter");
            if (filter) {
              filter.addEventListener("input", function () {
                var wantedText = filter.value.trim().toLowerCase();
                var rows = document.querySelectorAll("#" + filter.getAttribute("data-table") + " tbody tr");
                var heading = null, shown = false;
                Array.prototype.forEach.call(rows, function (row) {
                  if (row.classList.contains("group")) {
                    if (heading) { heading.hidden = !shown; }
                    heading = row; shown = false; return;
                  }
                  var name = row.querySelector("th") ? row.querySelector("th").textContent.toLowerCase() : "";
                  var keep = !wantedText || row.classList.contains("whole") || name.indexOf(wantedText) >= 0;
                  row.hidden = !keep;
                  if (keep && !row.classList.contains("whole")) { shown = true; }
                });
                if (heading) { heading.hidden = !shown; }
              });
            }
            var wanted = location.hash ? document.getElementById(location.hash.slice(1)) : null;
            if (!wanted) { try { wanted = document.getElementById(sessionStorage.getItem("kartlagg-current") || ""); } catch (e) { wanted = null; } }
            if (wanted && wanted.classList.contains("answer")) { focus(wanted); }
          });
        }());
        """#
}
