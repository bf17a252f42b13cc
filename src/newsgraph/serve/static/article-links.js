// The annotated article in the corpus: each entity mark and sidebar entry leads to the
// entity's page, and a statement asked for in the URL (?start=&end=) is shown first.
(() => {
  const source = document.getElementById("entity-links");
  const links = source ? JSON.parse(source.textContent) : {};
  document.querySelectorAll("mark.ent[data-ent]").forEach((mark) => {
    const href = links[mark.dataset.ent];
    if (!href) return;
    mark.dataset.href = href;
    mark.addEventListener("click", () => { location.href = href; });
    mark.addEventListener("keydown", (event) => {
      if (event.key === "Enter") location.href = href;
    });
  });
  document.querySelectorAll(".ent-key[data-ent]").forEach((key) => {
    const href = links[key.dataset.ent];
    if (!href) return;
    const link = document.createElement("a");
    link.className = "ent-link";
    link.href = href;
    link.textContent = "entity page →";
    key.after(link);
  });
  const page = document.getElementById("article");
  const focus = page && page.dataset.focus;
  const first = focus ? document.querySelector(`.q[data-q="${focus}"]`) : null;
  if (first) {
    document.querySelectorAll(`.q[data-q="${focus}"]`).forEach((el) => el.classList.add("pinned"));
    first.scrollIntoView({block: "center"});
  }
})();
