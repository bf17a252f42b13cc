// The entity's timeline per week or month (Chart.js): two stacks a period, its statements
// (said, said about) and its events (did, had done to it); a click on a bar lists that
// period's statements and events.
(() => {
  const canvas = document.getElementById("timeline-chart");
  const data = JSON.parse(document.getElementById("timeline-data").textContent);
  const css = getComputedStyle(document.documentElement);
  const colour = (name) => css.getPropertyValue(name).trim();
  const series = (label, values, stack, name) => ({
    label, data: values, stack, backgroundColor: colour(name),
  });
  const chart = new Chart(canvas, {
    type: "bar",
    data: {
      labels: data.labels,
      datasets: [
        series("said", data.said, "statements", "--said"),
        series("said about", data.about, "statements", "--about"),
        series("did", data.did, "events", "--did"),
        series("had done to it", data.done_to, "events", "--done-to"),
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
