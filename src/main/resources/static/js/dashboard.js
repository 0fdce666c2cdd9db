// The cockpit (工作看板): each block asks /api/dashboard/{block} once and draws its charts and tables from the answer.
// A unit in a chart or a table opens the same cockpit for that unit. On the wall screen the blocks are fetched again
// every few minutes. Every word a user reads comes from the server (the answer, or the page's data-msg-* attributes).
(function () {
  var root = document.getElementById('cockpit');
  if (!root) { return; }
  var screen = root.hasAttribute('data-screen');
  var animation = !navigator.webdriver;
  var palette = ['#a8071a', '#fa8c16', '#1677ff', '#8c8c8c', '#389e0d', '#722ed1'];
  var charts = [];

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }

  function drill(id) {
    return root.getAttribute('data-page') + '?campaign=' + encodeURIComponent(root.getAttribute('data-campaign'))
      + '&org=' + encodeURIComponent(id);
  }

  // Names of sibling organisations share their parent's long prefix ("中共彭州市丽春镇…"): show what differs.
  function shorten(labels) {
    if (labels.length < 2) { return labels; }
    var p = labels[0];
    labels.forEach(function (l) { while (l.indexOf(p) !== 0) { p = p.slice(0, -1); } });
    // a prefix ending in a digit would cut numbers apart (2000年度, 2001年度): keep such labels whole
    if (/[0-9]$/.test(p)) { return labels; }
    return p.length > 2 ? labels.map(function (l) { return l.slice(p.length) || l; }) : labels;
  }

  function cell(v, column) {
    if (v === null || v === undefined) { return '—'; }
    // rates are percentages with two decimals, as everywhere in the product
    if (typeof v === 'number' && column.indexOf('%') >= 0) { return v.toFixed(2); }
    return String(v);
  }

  var fontSize = screen ? 16 : 12;
  // ECharts measures text with this font and the SVG draws with it: with its default ('sans-serif') the two differ for
  // Chinese, and legends and axis names overlap or lose their first characters
  var font = window.getComputedStyle(document.body).fontFamily;

  function dayIndex(iso) { return Math.round(Date.parse(iso + 'T00:00:00Z') / 86400000); }
  function dayLabel(n) { var d = new Date(n * 86400000); return (d.getUTCMonth() + 1) + '/' + d.getUTCDate(); }

  // The category axis gets a fixed width from its longest label: ECharts' own measure of CJK text cuts the first characters.
  function labelWidth(labels) {
    var longest = 0;
    labels.forEach(function (l) { String(l).split('\n').forEach(function (p) { longest = Math.max(longest, p.length); }); });
    return Math.min(screen ? 230 : 190, longest * (fontSize + 1) + 10);
  }

  // The legend's items laid out in rows across the chart's width (ECharts wraps a plain legend the same way), each item
  // measured as drawn: its symbol, its text at full CJK width and the gap after it. Every series stays in sight, with no
  // paging a wall screen cannot click.
  function legendRows(c, width) {
    if (c.kind === 'calendar' || !c.series || c.series.length === 0) { return 0; }
    var rows = 1, used = 0;
    c.series.forEach(function (s) {
      var w = 25 + String(s.name).length * (fontSize + 2) + fontSize * 2;
      if (used > 0 && used + w > width - 10) { rows++; used = 0; }
      used += w;
    });
    return rows;
  }

  // The height of that many legend rows: the item gap, kept wide for the measure above, also parts the rows.
  function legendHeight(rows) {
    return rows === 0 ? 0 : rows * (fontSize + 6) + (rows - 1) * fontSize * 2;
  }

  function options(c, width) {
    if (c.kind === 'calendar') {
      var base = dayIndex(c.starts[0]);
      var last = Math.max.apply(null, c.ends.map(dayIndex));
      var today = dayIndex(c.today);
      // each phase named with its dates on the axis; the bar spans them, the line marks today when it falls in the year
      var names = c.categories.map(function (n, i) { return n + '\n' + c.starts[i].slice(5) + '~' + c.ends[i].slice(5); });
      var bar = {
        type: 'bar', stack: 'p', barMaxWidth: screen ? 30 : 20,
        data: c.categories.map(function (x, i) { return dayIndex(c.ends[i]) - dayIndex(c.starts[i]) + 1; })
      };
      if (today >= base && today <= last) {
        bar.markLine = { symbol: 'none', lineStyle: { color: '#262626', type: 'solid', width: 2 },
          label: { formatter: c.today.slice(5), fontSize: fontSize }, data: [{ xAxis: today - base }] };
      }
      var lw = labelWidth(names);
      // a date every month where there is room, every second or third where the chart is narrow
      var room = Math.max(2, Math.floor((width - lw - 60) / (fontSize * 4)));
      var step = Math.max(1, Math.ceil((last - base + 1) / 30 / room)) * 30;
      return {
        animation: animation, color: palette, textStyle: { fontFamily: font },
        grid: { left: lw + 30, right: 24, top: 24, bottom: 28 },
        xAxis: { type: 'value', min: 0, max: last - base + 1, interval: step,
          axisLabel: { fontSize: fontSize, formatter: function (v) { return dayLabel(base + v); } } },
        yAxis: { type: 'category', data: names, inverse: true, axisLabel: { fontSize: fontSize, width: lw, lineHeight: fontSize + 4 } },
        series: [{ type: 'bar', stack: 'p', itemStyle: { color: 'transparent' }, silent: true,
          data: c.categories.map(function (x, i) { return dayIndex(c.starts[i]) - base; }) }, bar]
      };
    }
    var percent = c.kind === 'bars';
    var labels = shorten(c.categories);
    var lw2 = labelWidth(labels);
    return {
      animation: animation, color: palette, textStyle: { fontFamily: font },
      grid: { left: lw2 + 30, right: 24, top: legendHeight(legendRows(c, width)) + 12, bottom: 24 },
      // a wide gap between legend items: Chinese full-width brackets are measured narrower than they are drawn
      legend: { type: 'plain', data: c.series.map(function (s) { return s.name; }), top: 0, left: 0, right: 0,
        itemGap: fontSize * 2, textStyle: { fontSize: fontSize } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: percent ? { type: 'value', min: 0, max: 100, axisLabel: { fontSize: fontSize } }
        : { type: 'value', minInterval: 1, axisLabel: { fontSize: fontSize } },
      yAxis: { type: 'category', data: labels, inverse: true,
        // truncated short of the space left for it: ECharts measures CJK text narrower than it draws it
        axisLabel: { width: Math.round(lw2 * 0.85), overflow: 'truncate', fontSize: fontSize,
          color: function (v, i) { return c.ids && c.ids[i] !== null ? '#a8071a' : '#262626'; } } },
      series: c.series.map(function (s) {
        return { name: s.name, type: 'bar', stack: percent ? undefined : 'n', barMaxWidth: screen ? 26 : 18, data: s.values };
      })
    };
  }

  function chartHeight(c) {
    var per = screen ? 30 : 28;
    var n = c.categories.length * (c.kind === 'bars' ? c.series.length * 0.6 : c.kind === 'calendar' ? 1.4 : 1);
    var h = Math.max(screen ? 180 : 150, Math.round(n * per) + 60);
    // the wall screen shows every block at once: a long list of units gets thinner bars, not a taller block
    return screen ? Math.min(h, 250) : h;
  }

  function drawChart(body, c) {
    var box = el('figure', 'cockpit-figure');
    box.appendChild(el('figcaption', 'cockpit-caption', c.title));
    var area = el('div', 'cockpit-chart');
    box.appendChild(area);
    body.appendChild(box);
    // a legend on more than one row takes its room from the page, except on the wall screen, which must not grow
    var extra = screen ? 0 : Math.max(0, legendHeight(legendRows(c, area.clientWidth)) - legendHeight(1));
    area.style.height = (chartHeight(c) + extra) + 'px';
    if (!window.echarts) { return; }
    // SVG: its labels are text a screen reader and a contrast check can read
    var chart = echarts.init(area, null, { renderer: 'svg' });
    var option = options(c, area.clientWidth);
    chart.setOption(option);
    // a click anywhere on a unit's row — its bar, its name, the space between — opens that unit's cockpit
    chart.getZr().on('click', function (e) {
      if (!c.ids || e.offsetY < option.grid.top || e.offsetY > area.clientHeight - option.grid.bottom) { return; }
      // the category axis (top to bottom) splits the grid's height into equal bands, one per unit
      var band = (area.clientHeight - option.grid.top - option.grid.bottom) / c.categories.length;
      var i = Math.floor((e.offsetY - option.grid.top) / band);
      if (i >= 0 && i < c.ids.length && c.ids[i] !== null && c.ids[i] !== undefined) { window.location.href = drill(c.ids[i]); }
    });
    charts.push(chart);
  }

  function drawTable(body, t) {
    var wrap = el('div', 'table-wrap cockpit-table-wrap');
    var table = el('table', 'table table-sm align-middle mb-2 cockpit-table');
    table.appendChild(el('caption', 'cockpit-table-caption', t.title));
    var head = el('thead');
    var hr = el('tr');
    t.columns.forEach(function (c) { var th = el('th', null, c); th.scope = 'col'; hr.appendChild(th); });
    head.appendChild(hr);
    table.appendChild(head);
    var tb = el('tbody');
    function row(r, total) {
      var tr = el('tr', total ? 'cockpit-total' : null);
      r.cells.forEach(function (v, i) {
        var td = el(i === 0 ? 'th' : 'td');
        if (i === 0) { td.scope = 'row'; }
        td.setAttribute('data-label', t.columns[i]);
        if (i === 0 && r.organizationId !== null && r.organizationId !== undefined) {
          var a = el('a', 'cockpit-drill', cell(v, t.columns[i]));
          a.href = drill(r.organizationId);
          td.appendChild(a);
        } else {
          td.textContent = cell(v, t.columns[i]);
        }
        tr.appendChild(td);
      });
      tb.appendChild(tr);
    }
    t.rows.forEach(function (r) { row(r, false); });
    if (t.total) { row(t.total, true); }
    table.appendChild(tb);
    wrap.appendChild(table);
    body.appendChild(wrap);
  }

  // On the wall screen: the 合计 line of the first table as large figures, beside the chart
  function drawTotals(body, t) {
    var line = t.total || (t.rows.length === 1 ? t.rows[0] : null);
    if (!line) { return; }
    var dl = el('dl', 'screen-totals');
    var shown = 0;
    line.cells.forEach(function (v, i) {
      // only the counts and rates: a sentence in large type says less than the table it came from
      if (i === 0 || typeof v !== 'number' || shown >= 5) { return; }
      shown++;
      var d = el('div', 'screen-total');
      d.appendChild(el('dt', null, t.columns[i]));
      d.appendChild(el('dd', null, cell(v, t.columns[i])));
      dl.appendChild(d);
    });
    body.appendChild(dl);
  }

  // The warnings (预警): per rule its title, how many it names, the rule in words, the organisations (each a link to
  // where the user looks into it) and 一键提醒, which asks before it sends a reminder to each of them.
  function drawWarnings(section, body, b) {
    var list = el('div', 'warning-list');
    b.warnings.forEach(function (w) {
      var box = el('section', 'warning' + (w.count > 0 ? ' warning-on' : ''));
      box.setAttribute('data-rule', w.rule);
      var head = el('div', 'warning-head');
      head.appendChild(el('h3', 'warning-title', w.title));
      head.appendChild(el('span', 'warning-count' + (w.count > 0 ? ' tag tag-red' : ' tag'), String(w.count)));
      box.appendChild(head);
      box.appendChild(el('p', 'warning-rule', w.definition));
      if (w.note) { box.appendChild(el('p', 'cockpit-note mb-1', w.note)); }
      if (w.count === 0) {
        if (!w.note) { box.appendChild(el('p', 'warning-none', section.getAttribute('data-msg-none'))); }
      } else {
        var ul = el('ul', 'warning-orgs');
        w.organizations.forEach(function (n) {
          var li = el('li');
          var a = el('a', 'cockpit-drill', n.name);
          a.href = n.href;
          li.appendChild(a);
          if (n.detail) { li.appendChild(el('span', 'warning-detail', n.detail)); }
          ul.appendChild(li);
        });
        box.appendChild(ul);
        if (!screen) {
          var button = el('button', 'btn btn-sm btn-primary warning-remind', section.getAttribute('data-msg-remind'));
          button.type = 'button';
          var status = el('span', 'warning-status small ms-2');
          status.setAttribute('role', 'status');
          button.addEventListener('click', function () { remind(section, w, button, status); });
          var p = el('p', 'mb-0');
          p.appendChild(button);
          p.appendChild(status);
          box.appendChild(p);
        }
      }
      list.appendChild(box);
    });
    body.appendChild(list);
    var how = el('details', 'cockpit-how');
    how.appendChild(el('summary', null, root.getAttribute('data-msg-how')));
    var defs = el('ul', 'small mb-0');
    b.definitions.forEach(function (d) { defs.appendChild(el('li', null, d)); });
    how.appendChild(defs);
    body.appendChild(how);
  }

  function fill(text, args) {
    return text.replace(/\{(\d+)\}/g, function (m, i) { return args[Number(i)]; });
  }

  function remind(section, w, button, status) {
    if (!window.confirm(fill(section.getAttribute('data-msg-confirm'), [w.title, w.count]))) { return; }
    var token = section.querySelector('.warning-token input[name="_csrf"]');
    var url = section.getAttribute('data-remind') + encodeURIComponent(w.rule) + '/remind?campaign='
      + encodeURIComponent(root.getAttribute('data-campaign')) + '&org=' + encodeURIComponent(root.getAttribute('data-org'));
    var headers = { Accept: 'application/json' };
    if (token) { headers['X-CSRF-TOKEN'] = token.value; }
    button.disabled = true;
    fetch(url, { method: 'POST', credentials: 'same-origin', headers: headers })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (sent) {
        status.className = 'warning-status small ms-2 text-success';
        status.textContent = fill(section.getAttribute('data-msg-sent'), [sent.sent]);
      })
      .catch(function () {
        button.disabled = false;
        status.className = 'warning-status small ms-2 text-danger';
        status.textContent = section.getAttribute('data-msg-remind-failed');
      });
  }

  function render(section, b) {
    var body = section.querySelector('.cockpit-body');
    body.textContent = '';
    if (b.warnings) { drawWarnings(section, body, b); return; }
    var act = section.querySelector('.cockpit-act');
    if (act) {
      act.textContent = b.actLabel;
      act.href = b.actHref;
      act.hidden = false;
    }
    if (b.note) { body.appendChild(el('p', 'cockpit-note', b.note)); }
    if (screen) {
      if (b.tables.length) { drawTotals(body, b.tables[b.key === 'grading' ? 1 : 0]); }
      if (b.charts.length) { drawChart(body, b.charts[0]); }
      return;
    }
    b.charts.forEach(function (c) { drawChart(body, c); });
    b.tables.forEach(function (t) { drawTable(body, t); });
    var how = el('details', 'cockpit-how');
    how.appendChild(el('summary', null, root.getAttribute('data-msg-how')));
    var ul = el('ul', 'small mb-0');
    b.definitions.forEach(function (d) { ul.appendChild(el('li', null, d)); });
    how.appendChild(ul);
    body.appendChild(how);
  }

  function load() {
    charts.forEach(function (c) { c.dispose(); });
    charts = [];
    var pending = 0;
    root.querySelectorAll('.cockpit-block').forEach(function (section) {
      var url = root.getAttribute('data-api') + section.getAttribute('data-block') + '?campaign='
        + encodeURIComponent(root.getAttribute('data-campaign')) + '&org=' + encodeURIComponent(root.getAttribute('data-org'));
      pending++;
      fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
        .then(function (b) { render(section, b); })
        .catch(function () {
          var body = section.querySelector('.cockpit-body');
          body.textContent = '';
          body.appendChild(el('p', 'text-danger mb-0', root.getAttribute('data-msg-failed')));
        })
        .then(function () {
          if (--pending === 0) {
            root.setAttribute('data-loaded', new Date().toISOString());
            var stamp = document.getElementById('refreshed');
            if (stamp) {
              stamp.textContent = new Date().toLocaleTimeString('zh-CN',
                { hour12: false, timeZone: root.getAttribute('data-zone') || undefined });
            }
          }
        });
    });
  }

  load();
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  var minutes = Number(root.getAttribute('data-refresh'));
  if (screen && minutes > 0) { window.setInterval(load, minutes * 60000); }
})();
