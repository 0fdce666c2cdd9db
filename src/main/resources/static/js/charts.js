// Draws a bar chart (党员 and 群众 stacked) above each choice question's table. The tables stay the
// source: without JavaScript, or in print, the numbers are all there.
(function () {
  if (!window.echarts) { return; }
  var animation = !navigator.webdriver;
  document.querySelectorAll('.stats-chart').forEach(function (el) {
    var labels = el.getAttribute('data-labels').split('|');
    var members = el.getAttribute('data-members').split('|').map(Number);
    var publics = el.getAttribute('data-publics').split('|').map(Number);
    el.classList.add('stats-chart-on');
    el.style.height = Math.max(120, labels.length * 34 + 50) + 'px';
    var chart = echarts.init(el);
    chart.setOption({
      animation: animation,
      color: ['#a8071a', '#fa8c16'],
      grid: { left: 8, right: 24, top: 28, bottom: 8, containLabel: true },
      legend: { data: ['党员', '群众'], top: 0 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { width: 160, overflow: 'truncate' } },
      series: [
        { name: '党员', type: 'bar', stack: 'n', data: members, barMaxWidth: 22 },
        { name: '群众', type: 'bar', stack: 'n', data: publics, barMaxWidth: 22 }
      ]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  });
})();
