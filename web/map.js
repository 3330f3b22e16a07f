// The map of the search page: Natural Earth country outlines (world-atlas, bundled under /vendor)
// projected with d3-geo, and a dot for each place the results are about, European and Chinese
// told apart by colour. Loaded by app.js only when the map comes into view, after d3-array,
// d3-geo and topojson-client. The SVG has a text alternative, and the places are also listed.
window.PortalMap = (() => {
  "use strict";
  const { el, api, formatNumber } = window.Portal;
  const SVG = "http://www.w3.org/2000/svg";
  const W = 640;
  const H = 300;
  const MAX_HITS = 100;
  // Europe and China: the part of the world the programmes cover.
  const FRAME = { type: "MultiPoint", coordinates: [[-10, 36], [-10, 58], [25, 62], [135, 48], [122, 19], [100, 19], [20, 35]] };

  function svg(tag, attrs = {}) {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    return e;
  }

  async function create(container) {
    const [world, gazetteer] = await Promise.all([
      fetch("/vendor/world-atlas/countries-110m.json").then((r) => {
        if (!r.ok) throw new Error("the country outlines are missing (" + r.status + ")");
        return r.json();
      }),
      api("/api/places"),
    ]);
    const coordinates = new Map();
    const sides = new Map([["China", "china"]]);
    for (const p of gazetteer.places) {
      if (p.country && p.side) sides.set(p.country, p.side);
      const lat = Number(p.lat);
      const lon = Number(p.lon);
      if (Number.isFinite(lat) && Number.isFinite(lon)) coordinates.set(p.name, { ...p, lat, lon });
    }
    const projection = d3.geoNaturalEarth1().rotate([-62, 0]).fitExtent([[6, 6], [W - 6, H - 6]], FRAME);
    projection.clipExtent([[0, 0], [W, H]]);
    const path = d3.geoPath(projection);

    const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "map-svg", role: "img", "aria-labelledby": "map-svg-title map-svg-desc" });
    const title = svg("title", { id: "map-svg-title" });
    title.textContent = "Map of Europe and China";
    const desc = svg("desc", { id: "map-svg-desc" });
    root.append(title, desc, svg("rect", { class: "sea", x: 0, y: 0, width: W, height: H }));
    const land = svg("g", { class: "countries" });
    const shapes = new Map();
    for (const f of topojson.feature(world, world.objects.countries).features) {
      const d = path(f);
      if (!d) continue;
      const shape = svg("path", { d, class: "country" });
      shapes.set(f.properties.name, shape);
      land.append(shape);
    }
    const dots = svg("g", { class: "dots" });
    const labels = svg("g", { class: "labels" });
    root.append(land, dots, labels);

    const note = el("p", { class: "map-note" });
    const legend = el("ul", { class: "legend", "aria-hidden": "true" },
      el("li", {}, el("span", { class: "dot europe" }), "European places"),
      el("li", {}, el("span", { class: "dot china" }), "Chinese places"));
    const list = el("details", { class: "map-list" });
    container.replaceChildren(root, legend, note, list);
    container.dataset.state = "ready";

    let current = 0;

    /** Draws the places of the first hits of a search (its filters, without page and sort). */
    async function show(searchParams) {
      const seq = ++current;
      const p = new URLSearchParams(searchParams);
      p.set("size", String(MAX_HITS));
      container.dataset.state = "loading";
      let body;
      try {
        body = await api("/api/search", p);
      } catch (e) {
        if (seq !== current) return;
        note.textContent = "The places of this search could not be loaded: " + e.message;
        container.dataset.state = "error";
        return;
      }
      if (seq !== current) return;

      const counts = new Map();
      const countries = new Set();
      for (const h of body.hits) {
        for (const name of new Set(h.places)) counts.set(name, (counts.get(name) || 0) + 1);
        for (const c of h.countries) countries.add(c);
      }
      for (const [name, shape] of shapes) {
        const side = countries.has(name) ? sides.get(name) || "other" : null;
        shape.setAttribute("class", "country" + (side ? " in-results " + side : ""));
      }
      const placed = [...counts].map(([name, n]) => ({ place: coordinates.get(name), n, name }))
        .filter((x) => x.place && x.place.side !== "other")
        .sort((a, b) => b.n - a.n || a.name.localeCompare(b.name));
      const drawn = [];
      dots.replaceChildren();
      labels.replaceChildren();
      for (const x of placed) {
        const xy = projection([x.place.lon, x.place.lat]);
        if (!xy || xy[0] < 0 || xy[0] > W || xy[1] < 0 || xy[1] > H) continue;
        const dot = svg("circle", { cx: xy[0].toFixed(1), cy: xy[1].toFixed(1), r: (3 + 2 * Math.sqrt(x.n)).toFixed(1),
          class: "place " + x.place.side, "data-place": x.name });
        const tip = svg("title");
        tip.textContent = `${x.name}, ${x.place.country}: ${x.n} record${x.n === 1 ? "" : "s"}`;
        dot.append(tip);
        dots.append(dot);
        drawn.push({ ...x, xy });
      }
      if (drawn.length <= 6) {
        for (const x of drawn) {
          const label = svg("text", { x: (x.xy[0] + 7).toFixed(1), y: (x.xy[1] + 4).toFixed(1), class: "label" });
          label.textContent = x.name;
          labels.append(label);
        }
      }
      const europe = drawn.filter((x) => x.place.side === "europe");
      const china = drawn.filter((x) => x.place.side === "china");
      desc.textContent = drawn.length
        ? `${drawn.length} place${drawn.length === 1 ? "" : "s"} of the results: ${europe.length} in Europe, ${china.length} in China. `
          + drawn.slice(0, 12).map((x) => x.name).join(", ") + (drawn.length > 12 ? ", and more." : ".")
        : "No places of the results are on the map.";
      note.textContent = (drawn.length ? `${drawn.length} place${drawn.length === 1 ? "" : "s"}: ${europe.length} in Europe, ${china.length} in China.`
        : "None of these records is about a place the map knows.")
        + (body.total > body.hits.length ? ` From the first ${formatNumber(body.hits.length)} of ${formatNumber(body.total)} records.` : "");
      const item = (x) => el("li", { text: `${x.name}, ${x.place.country} — ${x.n} record${x.n === 1 ? "" : "s"}` });
      list.hidden = drawn.length === 0;
      list.replaceChildren(
        el("summary", { text: "List of the places on the map" }),
        europe.length ? el("h4", { text: "Europe" }) : null, europe.length ? el("ul", {}, ...europe.map(item)) : null,
        china.length ? el("h4", { text: "China" }) : null, china.length ? el("ul", {}, ...china.map(item)) : null);
      container.dataset.state = "ready";
      container.dataset.places = String(drawn.length);
    }

    return { show };
  }

  return { create };
})();
