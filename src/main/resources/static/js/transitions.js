// Draws each grade-transition matrix as a heat map (rows: the earlier grade, columns: the later one) beside its
// table. The table stays the source: without JavaScript, or in print, every count is there.
(function () {
  if (!window.echarts) { return; }
  var animation = !navigator.webdriver;
  document.querySelectorAll('.transition-chart').forEach(function (el) {
    var rows = el.getAttribute('data-rows').split('|');
    var columns = el.getAttribute('data-columns').split('|');
    var values = el.getAttribute('data-values').split('|').map(function (r) { return r.split(',').map(Number); });
    var data = [];
    var max = 1;
    values.forEach(function (r, i) {
      r.forEach(function (n, j) { data.push([j, i, n]); if (n > max) { max = n; } });
    });
    el.style.height = Math.max(180, rows.length * 44 + 90) + 'px';
    // SVG: its labels are text a screen reader and a contrast check can read
    var chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption({
      animation: animation,
      grid: { left: 8, right: 8, top: 8, bottom: 56, containLabel: true },
      tooltip: { formatter: function (p) { return rows[p.value[1]] + ' → ' + columns[p.value[0]] + '：' + p.value[2]; } },
      xAxis: { type: 'category', data: columns, name: el.getAttribute('data-x'), nameLocation: 'middle', nameGap: 28,
               axisLabel: { color: '#333333' }, splitArea: { show: true } },
      yAxis: { type: 'category', data: rows, inverse: true, axisLabel: { color: '#333333' }, splitArea: { show: true } },
      visualMap: { min: 0, max: max, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 80,
                   textStyle: { color: '#333333' }, inRange: { color: ['#fff1f0', '#a8071a'] } },
      series: [{ type: 'heatmap', data: data, label: { show: true, color: '#1f1f1f', backgroundColor: '#ffffff', padding: 2 } }]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  });
})();
