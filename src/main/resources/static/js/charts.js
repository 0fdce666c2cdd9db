// Draws a stacked bar chart (one colour per respondent category) above each choice question's table.
// The tables stay the source: without JavaScript, or in print, the numbers are all there.
(function () {
  if (!window.echarts) { return; }
  var animation = !navigator.webdriver;
  var colours = ['#a8071a', '#fa8c16', '#1677ff', '#389e0d', '#722ed1'];
  // Names of sibling organisations share their parent's long prefix ("中共彭州市丽春镇…"): show what differs.
  function shorten(labels) {
    if (labels.length < 2) { return labels; }
    var p = labels[0];
    labels.forEach(function (l) { while (l.indexOf(p) !== 0) { p = p.slice(0, -1); } });
    return p.length > 2 ? labels.map(function (l) { return l.slice(p.length) || l; }) : labels;
  }
  document.querySelectorAll('.stats-chart').forEach(function (el) {
    var labels = el.hasAttribute('data-shorten') ? shorten(el.getAttribute('data-labels').split('|'))
      : el.getAttribute('data-labels').split('|');
    var palette = el.hasAttribute('data-colours') ? el.getAttribute('data-colours').split('|') : colours;
    var series = el.getAttribute('data-series').split('|');
    var rows = el.getAttribute('data-values').split('|').map(function (r) { return r.split(',').map(Number); });
    el.style.height = Math.max(120, labels.length * 34 + 50) + 'px';
    // SVG: its labels are text a screen reader and a contrast check can read
    var chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption({
      animation: animation,
      color: palette,
      // containLabel measures a Chinese label a little short of how the browser draws it: room for the first character
      grid: { left: 28, right: 24, top: 28, bottom: 8, containLabel: true },
      legend: { data: series, top: 0 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { width: 160, overflow: 'truncate' } },
      series: series.map(function (name, i) {
        return { name: name, type: 'bar', stack: 'n', barMaxWidth: 22, data: rows.map(function (r) { return r[i]; }) };
      })
    });
    window.addEventListener('resize', function () { chart.resize(); });
  });
})();
