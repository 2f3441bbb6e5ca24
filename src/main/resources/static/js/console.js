// The console's only script (the CSP allows no inline script): confirmations before actions,
// and the ECharts charts, whose data each .chart element carries in data-chart.
(function () {
  'use strict';

  document.addEventListener('submit', function (event) {
    var form = event.target;
    var question = form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  }, true);

  function percent(value) {
    return value == null ? '—' : (value * 100).toFixed(2) + '%';
  }

  function barChart(element, data) {
    var chart = echarts.init(element);
    chart.setOption({
      animation: false,
      title: { text: data.title, left: 'center', textStyle: { fontSize: 14 } },
      grid: { left: 50, right: 20, top: 40, bottom: 70 },
      tooltip: { trigger: 'axis', valueFormatter: percent },
      xAxis: { type: 'category', data: data.names, axisLabel: { interval: 0, rotate: 35 } },
      yAxis: { type: 'value', max: 1, axisLabel: { formatter: function (v) { return (v * 100) + '%'; } } },
      series: [{ type: 'bar', data: data.values, itemStyle: { color: '#c0392b' },
        label: { show: true, position: 'top', fontSize: 10, formatter: function (p) { return percent(p.value); } } }]
    });
    return chart;
  }

  function lineChart(element, data) {
    var chart = echarts.init(element);
    chart.setOption({
      animation: false,
      title: { text: data.title, left: 'center', textStyle: { fontSize: 14 } },
      legend: { top: 24, data: ['排查数', '已整改', '整改率'] },
      grid: { left: 50, right: 60, top: 60, bottom: 30 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: data.dates },
      yAxis: [{ type: 'value', name: '数量' },
        { type: 'value', name: '整改率', max: 1, axisLabel: { formatter: function (v) { return (v * 100) + '%'; } } }],
      series: [
        { name: '排查数', type: 'line', data: data.found, itemStyle: { color: '#1a73e8' } },
        { name: '已整改', type: 'line', data: data.rectified, itemStyle: { color: '#1e8e3e' } },
        { name: '整改率', type: 'line', yAxisIndex: 1, data: data.rates, itemStyle: { color: '#c0392b' },
          tooltip: { valueFormatter: percent } }
      ]
    });
    return chart;
  }

  function drawCharts() {
    if (typeof echarts === 'undefined') {
      return;
    }
    var charts = [];
    document.querySelectorAll('.chart[data-chart]').forEach(function (element) {
      var data = JSON.parse(element.getAttribute('data-chart'));
      charts.push(data.names ? barChart(element, data) : lineChart(element, data));
      element.setAttribute('data-drawn', 'true');
    });
    window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', drawCharts);
  }
  else {
    drawCharts();
  }
})();
