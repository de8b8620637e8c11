// Charts on Chart.js (vendor/chart.js, MIT, loaded by index.html as the global `Chart`). This module only
// turns the dashboard's data into Chart.js configurations: bars (optionally horizontal, with 95 % interval
// whiskers) and lines over time. Every chart lives in a <div class="chart-box"> of fixed height that the
// chart fills (responsive, no absolute positions); Chart.js skips tick labels that would collide.

const Chart = window.Chart;
export const COLORS = ['#3b5bdb', '#e8590c', '#2b8a3e', '#ae3ec9', '#0c8599', '#f08c00'];

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
export const shortNumber = v => (Math.abs(v) >= 1000 ? compact.format(v) : String(Number(Number(v).toPrecision(4))));

// Whiskers for bars that carry {low, high} in dataset.intervals: drawn after the bars, over their centre.
const intervalWhiskers = {
  id: 'intervalWhiskers',
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    const horizontal = chart.options.indexAxis === 'y';
    chart.data.datasets.forEach((dataset, d) => {
      if (!dataset.intervals) return;
      const meta = chart.getDatasetMeta(d);
      const valueScale = horizontal ? chart.scales.x : chart.scales.y;
      ctx.save();
      ctx.strokeStyle = '#1d2330';
      ctx.lineWidth = 1.5;
      meta.data.forEach((bar, i) => {
        const interval = dataset.intervals[i];
        if (!interval || !Number.isFinite(interval.low) || !Number.isFinite(interval.high)) return;
        const a = valueScale.getPixelForValue(interval.low);
        const b = valueScale.getPixelForValue(interval.high);
        const centre = horizontal ? bar.y : bar.x;
        const cap = Math.min(6, (horizontal ? bar.height : bar.width) / 3 || 6);
        ctx.beginPath();
        if (horizontal) {
          ctx.moveTo(a, centre); ctx.lineTo(b, centre);
          ctx.moveTo(a, centre - cap); ctx.lineTo(a, centre + cap);
          ctx.moveTo(b, centre - cap); ctx.lineTo(b, centre + cap);
        } else {
          ctx.moveTo(centre, a); ctx.lineTo(centre, b);
          ctx.moveTo(centre - cap, a); ctx.lineTo(centre + cap, a);
          ctx.moveTo(centre - cap, b); ctx.lineTo(centre + cap, b);
        }
        ctx.stroke();
      });
      ctx.restore();
    });
  },
};

function box(height, title, config) {
  const canvas = document.createElement('canvas');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', title);
  const div = document.createElement('div');
  div.className = 'chart-box';
  div.style.height = `${height}px`;
  div.append(canvas);
  div.chart = new Chart(canvas, config);
  return div;
}

const baseOptions = (title, legend) => ({
  responsive: true,
  maintainAspectRatio: false,
  animation: false,
  plugins: {
    legend: { display: legend, position: 'bottom', labels: { boxWidth: 12 } },
    title: { display: false, text: title },
  },
});

// Long category labels are cut on the axis (the tooltip shows them whole).
const cut = (text, max) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Bars: data = [{label, value, low?, high?}]. Options: color, title, yFormat (value axis), height,
 * horizontal (labels on the left: for long labels and many bars; height grows with the bar count).
 */
export function barChart(data, { color = COLORS[0], title = '', yFormat = shortNumber, height, horizontal = false, labelWidth = 28 } = {}) {
  const labels = data.map(d => String(d.label));
  const intervals = data.some(d => Number.isFinite(d.low) && Number.isFinite(d.high)) ? data.map(d => ({ low: d.low, high: d.high })) : null;
  const valueAxis = { beginAtZero: true, ticks: { callback: v => yFormat(v) }, grace: '5%' };
  const labelAxis = { grid: { display: false }, ticks: { autoSkip: true, maxRotation: horizontal ? 0 : 45, callback(v) { return cut(labels[v] ?? '', labelWidth); } } };
  if (intervals) valueAxis.suggestedMax = Math.max(...data.map(d => d.high ?? d.value));
  const options = {
    ...baseOptions(title, false),
    indexAxis: horizontal ? 'y' : 'x',
    scales: horizontal ? { x: valueAxis, y: labelAxis } : { x: labelAxis, y: valueAxis },
  };
  options.plugins.tooltip = { callbacks: { title: items => labels[items[0].dataIndex], label: item => yFormat(item.raw) } };
  return box(height ?? (horizontal ? Math.max(160, 28 * data.length + 50) : 260), title, {
    type: 'bar',
    data: { labels, datasets: [{ label: title, data: data.map(d => d.value), backgroundColor: color, intervals, maxBarThickness: 48 }] },
    options,
    plugins: [intervalWhiskers],
  });
}

/**
 * Lines over time: series = [{name, color?, points: [{x, y}]}] with x in Unix ms, all series on the same
 * x values. Options: xFormat(ms), yFormat(y), title, height, legend. Null y values leave a gap; every
 * point is drawn, so a step with one value still shows.
 */
export function lineChart(series, { xFormat = String, yFormat = shortNumber, title = '', height = 240, legend = series.length > 1 } = {}) {
  return box(height, title, {
    type: 'line',
    data: lineData(series, xFormat),
    options: {
      ...baseOptions(title, legend),
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { grid: { display: false }, ticks: { autoSkip: true, maxRotation: 0, autoSkipPadding: 16 } },
        y: { beginAtZero: true, grace: '10%', ticks: { callback: v => yFormat(v) } },
      },
    },
  });
}

function lineData(series, xFormat) {
  const xs = series[0]?.points.map(p => p.x) ?? [];
  return {
    labels: xs.map(x => xFormat(x)),
    datasets: series.map((s, i) => {
      const color = s.color ?? COLORS[i % COLORS.length];
      return {
        label: s.name, data: s.points.map(p => p.y ?? null), borderColor: color, backgroundColor: color,
        borderWidth: 2, pointRadius: 2, tension: 0, spanGaps: false,
      };
    }),
  };
}

/** Replaces a line chart's data in place (the live page's refresh), without animation. */
export function updateLineChart(chartBox, series, xFormat = String) {
  const chart = chartBox.chart;
  const next = lineData(series, xFormat);
  chart.data.labels = next.labels;
  next.datasets.forEach((d, i) => { chart.data.datasets[i].data = d.data; });
  chart.update('none');
}

/** Destroys every chart under an element (page cleanup). */
export function destroyCharts(root) {
  for (const canvas of root.querySelectorAll('.chart-box canvas')) Chart.getChart(canvas)?.destroy();
}
