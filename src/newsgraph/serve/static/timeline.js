// The entity's timeline: statements it made and statements about it, per week or month,
// as stacked bars (Chart.js); a click on a bar lists that period's statements.
(() => {
  const canvas = document.getElementById("timeline-chart");
  const data = JSON.parse(document.getElementById("timeline-data").textContent);
  const css = getComputedStyle(document.documentElement);
  const colour = (name) => css.getPropertyValue(name).trim();
  const chart = new Chart(canvas, {
    type: "bar",
    data: {
      labels: data.labels,
      datasets: [
        {label: "said", data: data.said, backgroundColor: colour("--said")},
        {label: "said about", data: data.about, backgroundColor: colour("--about")},
      ],
    },
    options: {
      maintainAspectRatio: false,
      animation: false,
      scales: {x: {stacked: true}, y: {stacked: true, beginAtZero: true, ticks: {precision: 0}}},
      onClick: (_event, bars) => {
        if (bars.length) location.href = data.links[bars[0].index];
      },
      onHover: (event, bars) => {
        event.native.target.style.cursor = bars.length ? "pointer" : "default";
      },
    },
  });
  canvas.dataset.drawn = String(chart.data.labels.length);
})();
