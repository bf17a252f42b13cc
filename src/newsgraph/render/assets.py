"""The inline stylesheet and script of the HTML page.

The page must open offline and under a Content-Security-Policy that forbids
fetching, so its CSS and JS travel inside it as strings. They are kept here,
apart from the Python that lays out the page, because they are a third of its
length and change for different reasons (how the page looks and responds, not
what it says).
"""

CSS = """
:root{--bg:#fbfaf7;--fg:#1d1d1f;--muted:#6b6b70;--rule:#e4e1da;--card:#fff;
--person:37 99 235;--org:5 150 105;--place:217 119 6;--norp:124 58 237;--other:100 116 139;
--quote:234 179 8;--cue:220 38 38;--speaker:13 148 136;--time:8 145 178;--qty:190 24 93;
--event:79 70 229}
@media (prefers-color-scheme:dark){:root{--bg:#16171a;--fg:#e8e6e1;--muted:#9b9aa0;
--rule:#2c2d31;--card:#1e1f23}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);
font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
.page{display:grid;grid-template-columns:minmax(0,42rem) 17rem;gap:3rem;max-width:65rem;
margin:0 auto;padding:2.5rem 1.5rem 4rem}
@media (max-width:900px){.page{grid-template-columns:minmax(0,1fr);gap:1.5rem}}
.muted{color:var(--muted)}
.masthead{border-bottom:1px solid var(--rule);padding-bottom:1.25rem;margin-bottom:1.5rem}
.kicker{margin:0 0 .5rem;color:var(--muted);font-size:.8rem;letter-spacing:.04em;
text-transform:uppercase}
.kicker .where{text-transform:none;letter-spacing:0;word-break:break-all}
h1,h2,p,figcaption{white-space:pre-line}
h1.title{font:700 2.2rem/1.15 Georgia,"Iowan Old Style","Times New Roman",serif;margin:0 0 1rem}
.byline{list-style:none;margin:0 0 .5rem;padding:0;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem}
.author .name{font-weight:600}
.author .bio{display:block;max-width:30rem;color:var(--muted);font-size:.85rem}
.dateline{margin:0;font-size:.9rem}
.text{font:1.13rem/1.7 Georgia,"Iowan Old Style","Times New Roman",serif}
.text h1{font-size:1.6rem;line-height:1.2}
.text h2{font:700 1.3rem/1.3 system-ui,sans-serif;margin:2rem 0 .5rem}
.text p{margin:0 0 1.1rem}
figure.caption{margin:1.25rem 0;padding:.5rem .9rem;border-left:3px solid var(--rule);
background:var(--card)}
figure.caption figcaption{font:italic .92rem/1.5 system-ui,sans-serif;color:var(--muted)}
figure.caption figcaption::before{content:"Caption";display:block;font-style:normal;
font-size:.7rem;letter-spacing:.08em;text-transform:uppercase}
mark.ent{position:relative;color:inherit;background:rgb(var(--c)/.14);
border-bottom:2px solid rgb(var(--c)/.7);border-radius:2px;padding:0 1px;cursor:help;
transition:background .15s,opacity .15s}
.g-person{--c:var(--person)}.g-org{--c:var(--org)}.g-place{--c:var(--place)}
.g-norp{--c:var(--norp)}.g-other{--c:var(--other)}
mark.ent.lit,mark.ent.pinned{background:rgb(var(--c)/.38)}
body.focusing mark.ent:not(.lit):not(.pinned){opacity:.35}
mark.ent:hover::after,mark.ent:focus::after{content:attr(data-tip);position:absolute;left:0;
bottom:calc(100% + 6px);z-index:10;width:max-content;max-width:18rem;white-space:pre-line;
padding:.4rem .6rem;border-radius:6px;background:#222;color:#fff;
font:500 .8rem/1.35 system-ui,sans-serif;box-shadow:0 4px 14px rgb(0 0 0/.25);
pointer-events:none}
.legend{position:sticky;top:1rem;align-self:start;max-height:calc(100vh - 2rem);overflow:auto;
font-size:.9rem}
@media (max-width:900px){.legend{position:static;max-height:none}}
.legend h2{font-size:1rem;margin:0 0 .25rem}
.legend .hint{margin:0 0 1rem;color:var(--muted);font-size:.8rem}
.legend h3{display:flex;align-items:center;gap:.4rem;font-size:.75rem;letter-spacing:.06em;
text-transform:uppercase;color:var(--muted);margin:1rem 0 .35rem}
.swatch{width:.7rem;height:.7rem;border-radius:2px;background:rgb(var(--c))}
.legend ul{list-style:none;margin:0;padding:0}
.ent-key{display:flex;flex-wrap:wrap;align-items:baseline;gap:0 .4rem;width:100%;
text-align:left;font:inherit;color:inherit;background:none;border:0;
border-left:3px solid rgb(var(--c)/.7);padding:.2rem .5rem;margin:.1rem 0;cursor:pointer}
.ent-key:hover,.ent-key.lit,.ent-key.pinned{background:rgb(var(--c)/.14)}
.ent-key.pinned{font-weight:600}
.ent-key .count{margin-left:auto;color:var(--muted);font-variant-numeric:tabular-nums}
.ent-key .type{font-size:.7rem;color:var(--muted)}
.ent-key .titles{flex-basis:100%;font-size:.78rem;color:var(--muted)}
.n{color:var(--muted);font-weight:400}
.removed{margin-top:3rem;border-top:1px solid var(--rule);padding-top:1rem;font-size:.9rem}
.removed summary{cursor:pointer;font-weight:600}
.removed summary .muted{font-weight:400;margin-left:.5rem}
.removed h3{font-size:.8rem;text-transform:uppercase;letter-spacing:.06em;margin:1rem 0 .3rem}
.removed ul{margin:0;padding-left:1.1rem;color:var(--muted)}
.removed li{white-space:pre-line;margin:.15rem 0}
.warnings{border:1px solid rgb(217 119 6/.5);background:rgb(217 119 6/.08);border-radius:6px;
padding:.6rem 1rem;margin-bottom:1.5rem;font-size:.9rem}
.warnings ul{margin:.25rem 0 0;padding-left:1.1rem}
.q{background:rgb(var(--quote)/.13);border-radius:2px;box-decoration-break:clone;
-webkit-box-decoration-break:clone;cursor:help}
.q .q{background:rgb(var(--quote)/.22)}
.q.qlit,.q.lit,.q.pinned{background:rgb(var(--quote)/.4)}
.cue{text-decoration:underline 2px rgb(var(--cue));text-underline-offset:.2em;font-weight:600}
.spk{outline:1.5px solid rgb(var(--speaker)/.8);outline-offset:1px;border-radius:3px}
.hedge{font-style:italic;text-decoration:underline dotted 2px rgb(var(--cue)/.8);
text-underline-offset:.2em}
.cue.qlit,.hedge.qlit{background:rgb(var(--cue)/.15)}
.spk.qlit,.spk.lit,.spk.pinned{background:rgb(var(--speaker)/.2)}
.qtip{position:fixed;z-index:20;max-width:22rem;white-space:pre-line;padding:.45rem .65rem;
border-radius:6px;background:#222;color:#fff;font:500 .8rem/1.4 system-ui,sans-serif;
border-left:4px solid rgb(var(--quote));box-shadow:0 4px 14px rgb(0 0 0/.25);
pointer-events:none}
.val{position:relative;border-bottom:2px dashed rgb(var(--vc)/.75);padding-bottom:1px;
cursor:help}
.tx{--vc:var(--time)}.qty{--vc:var(--qty)}
.val.ev{--vc:var(--event);border-bottom:3px double rgb(var(--vc)/.85)}
.val.ev:target{background:rgb(var(--vc)/.2)}
.val:hover,.val:focus{background:rgb(var(--vc)/.12)}
.val:hover::after,.val:focus::after{content:attr(data-tip);position:absolute;left:0;
bottom:calc(100% + 6px);z-index:11;width:max-content;max-width:18rem;white-space:pre-line;
padding:.4rem .6rem;border-radius:6px;background:#222;color:#fff;
border-left:4px solid rgb(var(--vc));font:500 .8rem/1.35 system-ui,sans-serif;
font-style:normal;font-weight:500;box-shadow:0 4px 14px rgb(0 0 0/.25);pointer-events:none}
.val:has(mark.ent:hover,.val:hover)::after,mark.ent:has(.val:hover)::after{display:none}
.values{margin-bottom:1.5rem}
.values ul{display:flex;gap:1rem}
.ent-key .ids{flex-basis:100%;font:.72rem/1.3 ui-monospace,Menlo,Consolas,monospace;
color:var(--muted)}
.speakers{margin-bottom:1.5rem}
.events{margin-bottom:1.5rem}
.events li{margin:.3rem 0;border-left:3px solid rgb(var(--event)/.7);padding:.1rem .5rem}
.events a,.events .unmarked{color:inherit;font-weight:600;text-decoration:none}
.events a:hover{text-decoration:underline}
.events .who,.events .when{display:block;font-size:.8rem;color:var(--muted)}
.spk-key{display:flex;flex-wrap:wrap;align-items:baseline;gap:0 .4rem;width:100%;
text-align:left;font:inherit;color:inherit;background:none;border:0;
border-left:3px solid rgb(var(--speaker)/.7);padding:.2rem .5rem;margin:.1rem 0;cursor:pointer}
.spk-key:hover,.spk-key.lit,.spk-key.pinned{background:rgb(var(--speaker)/.14)}
.spk-key.pinned{font-weight:600}
.spk-key.anon .name{font-style:italic}
.spk-key .count{margin-left:auto;color:var(--muted);font-variant-numeric:tabular-nums}
.spk-key .titles{flex-basis:100%;font-size:.78rem;color:var(--muted)}
"""

JS = """
(() => {
  const tagged = [...document.querySelectorAll("[data-ent]")];
  const mine = (id) => tagged.filter((el) => el.dataset.ent === id);
  const refocus = () => document.body.classList.toggle(
    "focusing", document.querySelector("mark.ent.lit, mark.ent.pinned") !== null);
  const light = (id, cls, on) => {
    mine(id).forEach((el) => el.classList.toggle(cls, on));
    refocus();
  };
  tagged.forEach((el) => {
    for (const [event, on] of [["mouseenter", true], ["mouseleave", false],
                               ["focus", true], ["blur", false]]) {
      el.addEventListener(event, () => light(el.dataset.ent, "lit", on));
    }
  });
  document.querySelectorAll(".ent-key").forEach((key) => {
    key.addEventListener("click", () => {
      const id = key.dataset.ent;
      const on = !key.classList.contains("pinned");
      light(id, "pinned", on);
      const first = document.querySelector(`mark.ent[data-ent="${id}"]`);
      if (on && first) first.scrollIntoView({behavior: "smooth", block: "center"});
    });
  });
})();
(() => {
  // Statements: hovering any piece of one lights up all its pieces, its cue, speaker
  // and hedges, and shows who said it below the line.
  const tip = document.getElementById("qtip");
  const parts = [...document.querySelectorAll("[data-q]")];
  const ids = (el) => el.dataset.q.split(" ");
  const light = (qids, on) => parts.forEach((el) => {
    if (ids(el).some((id) => qids.includes(id))) el.classList.toggle("qlit", on);
  });
  let current = [];
  const show = (el) => {
    const next = el ? ids(el) : [];
    if (next.join(" ") === current.join(" ")) return;
    light(current, false);
    light(next, true);
    current = next;
    const quote = next.length ? document.querySelector(`.q[data-q="${next[0]}"]`) : null;
    tip.textContent = quote ? quote.dataset.tip : "";
    tip.hidden = !tip.textContent;
    if (tip.hidden) return;
    const box = el.getBoundingClientRect();
    const below = box.bottom + 8 + tip.offsetHeight < innerHeight;
    tip.style.top = `${below ? box.bottom + 8 : Math.max(8, box.top - 8 - tip.offsetHeight)}px`;
    tip.style.left = `${Math.max(8, Math.min(box.left, innerWidth - tip.offsetWidth - 8))}px`;
  };
  const nearest = (event) => show(event.target.closest ? event.target.closest("[data-q]") : null);
  document.addEventListener("mouseover", nearest);
  document.addEventListener("focusin", nearest);
  document.addEventListener("scroll", () => show(null), {passive: true});
  // Speakers: hover or click a name in the sidebar to light up their statements.
  const spoken = [...document.querySelectorAll("[data-spk]")];
  const mark = (id, cls, on) => spoken.forEach((el) => {
    if (el.dataset.spk === id) el.classList.toggle(cls, on);
  });
  document.querySelectorAll(".spk-key").forEach((key) => {
    const id = key.dataset.spk;
    for (const [event, on] of [["mouseenter", true], ["mouseleave", false],
                               ["focus", true], ["blur", false]]) {
      key.addEventListener(event, () => mark(id, "lit", on));
    }
    key.addEventListener("click", () => {
      const on = !key.classList.contains("pinned");
      mark(id, "pinned", on);
      const first = document.querySelector(`.q[data-spk="${id}"]`);
      if (on && first) first.scrollIntoView({behavior: "smooth", block: "center"});
    });
  });
})();
"""
