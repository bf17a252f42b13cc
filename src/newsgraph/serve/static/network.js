// Who talks about whom and who does what to whom (Cytoscape.js): speakers point at the
// entities their statements name (grey), actors at the recipients of their events (red,
// dashed); an edge's width grows with its statements or events, relative to the heaviest
// of its kind. Click a node for its page, an edge for what is behind it. Labels are set
// as data, which Cytoscape draws as text.
(() => {
  const data = JSON.parse(document.getElementById("network-data").textContent);
  const colours = {PERSON: "#2563eb", ORG: "#059669", GPE: "#d97706", LOC: "#d97706",
                   NORP: "#7c3aed"};
  const heaviest = {};
  for (const e of data.edges) heaviest[e.kind] = Math.max(heaviest[e.kind] || 1, e.weight);
  const cy = cytoscape({
    container: document.getElementById("network"),
    elements: [
      ...data.nodes.map((n) => ({data: {...n, colour: colours[n.type] || "#64748b"}})),
      ...data.edges.map((e) => ({data: {...e, width: 1 + 7 * e.weight / heaviest[e.kind]},
                                 classes: e.kind})),
    ],
    layout: {name: "cose", animate: false, randomize: false, nodeDimensionsIncludeLabels: true},
    style: [
      {selector: "node", style: {"label": "data(label)", "background-color": "data(colour)",
        "font-size": 11, "text-valign": "bottom", "text-margin-y": 4, "width": 18,
        "height": 18, "color": "#444"}},
      {selector: "edge", style: {"width": "data(width)", "line-color": "#9ca3af",
        "target-arrow-color": "#9ca3af", "target-arrow-shape": "triangle",
        "curve-style": "bezier", "opacity": 0.8}},
      {selector: "edge.events", style: {"line-color": "#f87171", "target-arrow-color": "#f87171",
        "line-style": "dashed"}},
      {selector: "edge:selected, edge.hover", style: {"line-color": "#d1242f",
        "target-arrow-color": "#d1242f", "opacity": 1}},
    ],
    wheelSensitivity: 0.3,
  });
  cy.on("tap", "node", (event) => { location.href = event.target.data("href"); });
  cy.on("tap", "edge", (event) => { location.href = event.target.data("href"); });
  cy.on("mouseover", "edge", (event) => event.target.addClass("hover"));
  cy.on("mouseout", "edge", (event) => event.target.removeClass("hover"));
  window.newsgraphNetwork = cy;
  document.getElementById("network").dataset.nodes = String(cy.nodes().length);
})();
