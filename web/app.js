// Cooperation Portal search page. The whole state lives in the URL (q, filters, population band,
// sort, page), so a search can be shared and reloaded and the back button works; the page draws
// itself from the URL on load and on every history step. Document data is inserted as text only;
// snippets keep their <mark> highlights and nothing else (Portal.snippetNodes).
(() => {
  "use strict";
  const { el, api, formatNumber, typeLabel, recordUrl, rememberSearch } = window.Portal;
  const $ = (id) => document.getElementById(id);

  const DIMENSIONS = ["cluster", "country", "programme", "type"];
  const FACET_ORDER = ["type", "cluster", "country", "programme"];
  const DIMENSION_NAMES = { type: "Type of record", cluster: "Theme", country: "Country", programme: "Programme" };
  const SORTS = { "": "best match", relevance: "best match", title: "title", "population-desc": "population, largest first",
    "population-asc": "population, smallest first" };
  const PAGE_SIZE = 10;
  const SHORT_LIST = 8;

  // ---- state <-> URL ------------------------------------------------------------------------

  function readState(search = location.search) {
    const p = new URLSearchParams(search);
    const filters = {};
    for (const d of DIMENSIONS) filters[d] = p.getAll(d).filter((v) => v.trim() !== "");
    const page = parseInt(p.get("page") || "1", 10);
    return {
      q: p.get("q") || "",
      filters,
      populationMin: p.get("populationMin") || "",
      populationMax: p.get("populationMax") || "",
      sort: p.get("sort") || "",
      page: Number.isFinite(page) && page >= 1 ? page : 1,
    };
  }

  function params(state) {
    const p = new URLSearchParams();
    if (state.q.trim()) p.set("q", state.q.trim());
    for (const d of DIMENSIONS) for (const v of state.filters[d]) p.append(d, v);
    if (state.populationMin) p.set("populationMin", state.populationMin);
    if (state.populationMax) p.set("populationMax", state.populationMax);
    if (state.sort) p.set("sort", state.sort);
    if (state.page > 1) p.set("page", String(state.page));
    return p;
  }

  function href(state) {
    const s = params(state).toString();
    return s ? "/?" + s : "/";
  }

  function filterCount(state) {
    return DIMENSIONS.reduce((n, d) => n + state.filters[d].length, 0) + (state.populationMin || state.populationMax ? 1 : 0);
  }

  /** Moves to a new state: a new history entry, then the page draws it. */
  function go(state, focusResults = false) {
    const url = href(state);
    if (url === location.pathname + location.search) history.replaceState(null, "", url);
    else history.pushState(null, "", url);
    render().then(() => {
      if (focusResults) $("results").focus();
    });
  }

  // ---- searching ----------------------------------------------------------------------------

  let searching = null;
  let lastBody = null;

  async function render() {
    const state = readState();
    $("q").value = state.q;
    $("sort").value = SORTS[state.sort] !== undefined ? (state.sort === "relevance" ? "" : state.sort) : "";
    if (searching) searching.abort();
    const controller = new AbortController();
    searching = controller;
    const apiParams = params(state);
    apiParams.set("size", String(PAGE_SIZE));
    $("status").textContent = "Searching…";
    $("status").classList.remove("error");
    $("results").setAttribute("aria-busy", "true");
    $("hits").classList.add("stale");
    try {
      const body = await api("/api/search", apiParams, { signal: controller.signal });
      if (controller !== searching) return;
      lastBody = body;
      show(state, body);
    } catch (e) {
      if (e.name === "AbortError" || controller !== searching) return;
      showError(state, e);
    } finally {
      if (controller === searching) {
        $("results").removeAttribute("aria-busy");
        $("hits").classList.remove("stale");
      }
    }
  }

  function show(state, body) {
    const n = body.total;
    const pages = Math.max(1, Math.ceil(n / body.size));
    const what = state.q.trim() ? ` for “${state.q.trim()}”` : "";
    const filters = filterCount(state);
    const filtered = filters ? ` with ${filters} filter${filters === 1 ? "" : "s"}` : "";
    let status;
    if (n === 0) status = `No records found${what}${filtered}.`;
    else {
      status = `${formatNumber(n)} record${n === 1 ? "" : "s"}${what}${filtered}`;
      if (pages > 1) status += `, page ${body.page} of ${formatNumber(pages)}`;
      status += ".";
    }
    $("status").textContent = status;
    document.title = (state.q.trim() ? `“${state.q.trim()}” — ` : "") + `${formatNumber(n)} record${n === 1 ? "" : "s"} — Cooperation Portal`;

    $("pictures").hidden = false;
    showMessage(state, body);
    $("hits").replaceChildren(...body.hits.map(hitItem));
    renderFacets(state, body);
    renderPager(state, body);
    renderCharts(state, body);
    updateMap(state);
    $("clear").hidden = filters === 0;
    const toggle = $("filters-toggle");
    toggle.textContent = filters ? `Show filters (${filters} selected)` : "Show filters";
    if (toggle.getAttribute("aria-expanded") === "true") toggle.textContent = toggle.textContent.replace("Show", "Hide");
    rememberSearch(location.search);
  }

  function didYouMean(state, suggestion) {
    const next = { ...state, q: suggestion, page: 1 };
    const link = el("a", { href: href(next), text: suggestion });
    link.addEventListener("click", (e) => {
      e.preventDefault();
      go(next);
    });
    return el("p", { class: "did-you-mean" }, "Did you mean ", link, "?");
  }

  function showMessage(state, body) {
    const box = $("message");
    box.className = "message";
    box.removeAttribute("role");
    if (body.total > 0) {
      // Results found despite a misspelt word: they include the corrected word; offer it outright.
      box.hidden = !body.suggestion;
      box.replaceChildren(...(body.suggestion ? [didYouMean(state, body.suggestion)] : []));
      return;
    }
    box.hidden = false;
    const parts = [el("h2", { text: "No results" })];
    const q = state.q.trim();
    if (body.suggestion) parts.push(didYouMean(state, body.suggestion));
    const tips = [];
    if (q) tips.push(el("li", { text: "Check the spelling, or use fewer or more general words." }));
    if (filterCount(state)) {
      const clear = el("button", { type: "button", class: "link", text: "clear all filters" });
      clear.addEventListener("click", clearAll);
      tips.push(el("li", {}, "Remove a filter, or ", clear, "."));
    }
    if (state.page > 1) {
      const first = el("a", { href: href({ ...state, page: 1 }), text: "first page" });
      first.addEventListener("click", (e) => {
        e.preventDefault();
        go({ ...state, page: 1 });
      });
      tips.push(el("li", {}, "This page is past the last result: go to the ", first, "."));
    }
    if (tips.length) parts.push(el("ul", {}, ...tips));
    box.replaceChildren(...parts);
  }

  function showError(state, e) {
    // A 4xx is about the search itself: trying it again would fail the same way.
    const refused = e.status >= 400 && e.status < 500;
    $("status").textContent = refused ? "The search was refused." : "The search failed.";
    $("status").classList.add("error");
    const box = $("message");
    box.hidden = false;
    box.className = "message error-box";
    box.setAttribute("role", "alert");
    const home = el("a", { href: "/", text: "start a new search" });
    const message = e.message ? e.message.charAt(0).toUpperCase() + e.message.slice(1) : "Something went wrong.";
    let next;
    if (refused) {
      next = el("p", {}, "Change the words in the search box, or ", home, ".");
    } else {
      const retry = el("button", { type: "button", text: "Try again" });
      retry.addEventListener("click", () => render());
      next = el("p", {}, retry, " or ", home, ".");
    }
    box.replaceChildren(
      el("h2", { text: refused ? "This search cannot be done" : "The search could not be done" }),
      el("p", { text: message }),
      next);
    $("hits").replaceChildren();
    $("pager").replaceChildren();
    $("pictures").hidden = true; // nothing to picture; the map and charts would show an older search
  }

  // ---- results ------------------------------------------------------------------------------

  function hitItem(h) {
    const facts = [];
    if (h.countries.length) facts.push(h.countries.join(", "));
    if (h.province && h.province !== h.title) facts.push(h.province);
    if (h.programme) facts.push(h.programme);
    if (h.population != null) facts.push(Portal.formatPopulation(h.population) + " inhabitants");
    const snippet = el("p", { class: "snippet" }, ...Portal.snippetNodes(h.snippet));
    const rest = h.clusters.length - 4;
    const clusters = h.clusters.length
      ? el("ul", { class: "chips", "aria-label": "Themes" }, ...h.clusters.slice(0, 4).map((c) => el("li", { text: c })),
        rest > 0 ? el("li", { class: "more-chips", text: `+${rest} more` }) : null)
      : null;
    return el("li", { class: "hit" },
      el("h3", {}, el("a", { href: recordUrl(h.id), text: h.title || h.id })),
      el("p", { class: "meta" }, el("span", { class: "badge", text: typeLabel(h.type) }), " ", facts.join(" · ")),
      snippet,
      clusters);
  }

  function renderPager(state, body) {
    const nav = $("pager");
    const pages = Math.ceil(body.total / body.size);
    if (pages <= 1) {
      nav.replaceChildren();
      return;
    }
    const items = [];
    const link = (p, text, label, cls) => {
      if (p === state.page) return el("span", { class: "current", "aria-current": "page", text, "aria-label": label });
      const next = { ...state, page: p };
      const a = el("a", { href: href(next), text, "aria-label": label, class: cls });
      a.addEventListener("click", (e) => {
        e.preventDefault();
        go(next, true);
      });
      return a;
    };
    if (state.page > 1) items.push(link(state.page - 1, "‹ Previous", "Previous page", "step"));
    const shown = new Set([1, pages]);
    for (let p = state.page - 2; p <= state.page + 2; p++) if (p >= 1 && p <= pages) shown.add(p);
    let prev = 0;
    for (const p of [...shown].sort((a, b) => a - b)) {
      if (p - prev > 1) items.push(el("span", { class: "gap", text: "…", "aria-hidden": "true" }));
      items.push(link(p, String(p), "Page " + p));
      prev = p;
    }
    if (state.page < pages) items.push(link(state.page + 1, "Next ›", "Next page", "step"));
    nav.replaceChildren(el("ul", {}, ...items.map((i) => el("li", {}, i))));
  }

  // ---- facets -------------------------------------------------------------------------------

  const openGroups = new Set();
  const longLists = new Set();

  function slug(s) {
    return s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "x";
  }

  function renderFacets(state, body) {
    const focused = document.activeElement && document.activeElement.id;
    const box = $("facets");
    const sets = [];
    for (const dim of FACET_ORDER) {
      const values = (body.facets && body.facets[dim]) || [];
      if (!values.length) continue;
      sets.push(dim === "cluster" ? clusterSet(state, values) : flatSet(state, dim, values));
    }
    const bands = (body.ranges && body.ranges.population) || [];
    if (bands.length) sets.push(populationSet(state, bands));
    if (!sets.length) sets.push(el("p", { class: "panel-note", text: "No filters for this search." }));
    box.replaceChildren(...sets);
    if (focused) {
      const again = document.getElementById(focused);
      if (again && again !== document.activeElement) again.focus();
    }
  }

  function flatSet(state, dim, values) {
    const id = "facet-" + dim;
    const list = el("ul", { class: "facet-list" });
    const long = values.length > SHORT_LIST + 2 && !longLists.has(dim);
    (long ? values.slice(0, SHORT_LIST) : values).forEach((v) => list.append(el("li", {}, valueRow(dim, v, typeLabelFor(dim, v.value)))));
    const set = el("fieldset", { class: "facet", id }, el("legend", { text: DIMENSION_NAMES[dim] || dim }), list);
    if (values.length > SHORT_LIST + 2) {
      const more = el("button", { type: "button", class: "link more", id: "more-" + dim, "aria-expanded": String(!long),
        text: long ? `Show all ${values.length}` : "Show fewer" });
      more.addEventListener("click", () => {
        if (longLists.has(dim)) longLists.delete(dim); else longLists.add(dim);
        renderFacets(readState(), lastBody);
        document.getElementById("more-" + dim).focus();
      });
      set.append(more);
    }
    return set;
  }

  function typeLabelFor(dim, value) {
    return dim === "type" ? typeLabel(value) : value;
  }

  function clusterSet(state, groups) {
    const list = el("ul", { class: "facet-list tree" });
    for (const g of groups) {
      const children = g.children || [];
      const childId = "children-" + slug(g.value);
      const open = openGroups.has(g.value) || (!openGroups.has("!" + g.value) && (g.selected || children.some((c) => c.selected)));
      const row = valueRow("cluster", g, g.value);
      if (children.length) {
        const toggle = el("button", { type: "button", class: "twisty", id: "toggle-" + slug(g.value),
          "aria-expanded": String(open), "aria-controls": childId,
          "aria-label": `${open ? "Hide" : "Show"} the ${children.length} themes of ${g.value}` });
        toggle.addEventListener("click", () => {
          const nowOpen = toggle.getAttribute("aria-expanded") !== "true";
          openGroups.delete(g.value);
          openGroups.delete("!" + g.value);
          openGroups.add(nowOpen ? g.value : "!" + g.value);
          toggle.setAttribute("aria-expanded", String(nowOpen));
          toggle.setAttribute("aria-label", `${nowOpen ? "Hide" : "Show"} the ${children.length} themes of ${g.value}`);
          document.getElementById(childId).hidden = !nowOpen;
        });
        row.prepend(toggle);
      } else {
        row.prepend(el("span", { class: "twisty-space" }));
      }
      const sub = el("ul", { class: "facet-children", id: childId, hidden: !open, "aria-label": `Themes of ${g.value}` },
        ...children.map((c) => el("li", {}, valueRow("cluster", c, c.value))));
      list.append(el("li", { class: "group" }, row, children.length ? sub : null));
    }
    return el("fieldset", { class: "facet", id: "facet-cluster" }, el("legend", { text: DIMENSION_NAMES.cluster }), list);
  }

  function valueRow(dim, v, label) {
    const id = "f-" + dim + "-" + slug(v.value);
    const box = el("input", { type: "checkbox", id, checked: v.selected, value: v.value });
    box.checked = !!v.selected;
    box.addEventListener("change", () => {
      const next = readState();
      const list = next.filters[dim];
      next.filters[dim] = box.checked ? [...list.filter((x) => x !== v.value), v.value] : list.filter((x) => x !== v.value);
      next.page = 1;
      go(next);
    });
    const text = el("label", { for: id },
      el("span", { class: "name", text: label }),
      el("span", { class: "count" }, formatNumber(v.count), el("span", { class: "visually-hidden", text: v.count === 1 ? " record" : " records" })));
    return el("div", { class: "facet-value" + (v.selected ? " selected" : "") }, box, text);
  }

  function populationSet(state, bands) {
    const list = el("ul", { class: "facet-list" });
    const current = state.populationMin || state.populationMax ? `${state.populationMin}:${state.populationMax}` : "";
    const option = (value, label, count, checked) => {
      const id = "pop-" + (value ? slug(value) : "any");
      const radio = el("input", { type: "radio", name: "population", id, value });
      radio.checked = checked;
      radio.addEventListener("change", () => {
        if (!radio.checked) return;
        const next = readState();
        const [min, max] = value ? value.split(":") : ["", ""];
        next.populationMin = min;
        next.populationMax = max;
        next.page = 1;
        go(next);
      });
      const text = el("label", { for: id }, el("span", { class: "name", text: label }),
        count == null ? null : el("span", { class: "count" }, formatNumber(count),
          el("span", { class: "visually-hidden", text: count === 1 ? " record" : " records" })));
      return el("li", {}, el("div", { class: "facet-value" + (checked ? " selected" : "") }, radio, text));
    };
    list.append(option("", "Any size", null, current === ""));
    let matched = current === "";
    for (const b of bands) {
      const value = `${b.min == null ? "" : b.min}:${b.max == null ? "" : b.max}`;
      const checked = current === value || !!b.selected;
      matched = matched || checked;
      list.append(option(value, b.value, b.count, checked && !list.querySelector("input:checked")));
    }
    if (!matched) list.append(option(current, `${state.populationMin || "0"} to ${state.populationMax || "any"} inhabitants`, null, true));
    return el("fieldset", { class: "facet", id: "facet-population" }, el("legend", { text: "Population" }), list);
  }

  function clearAll() {
    const next = readState();
    for (const d of DIMENSIONS) next.filters[d] = [];
    next.populationMin = "";
    next.populationMax = "";
    next.page = 1;
    go(next);
    $("q").focus();
  }

  // ---- pictures: bar charts -----------------------------------------------------------------

  function renderCharts(state, body) {
    const box = $("charts");
    const charts = [];
    const facets = body.facets || {};
    const add = (title, values, label = (v) => v.value) => {
      const shown = values.filter((v) => v.count > 0);
      if (!shown.length) return;
      const top = shown.slice(0, SHORT_LIST);
      const max = Math.max(...top.map((v) => v.count));
      const rows = top.map((v) => {
        const bar = el("span", { class: "bar" + (v.selected ? " selected" : "") });
        bar.style.width = Math.max(2, (100 * v.count) / max) + "%";
        return el("li", {},
          el("span", { class: "bar-label", text: label(v) }),
          el("span", { class: "bar-track", "aria-hidden": "true" }, bar),
          el("span", { class: "bar-value" }, formatNumber(v.count),
            el("span", { class: "visually-hidden", text: (v.count === 1 ? " record" : " records") + (v.selected ? ", selected" : "") })));
      });
      const rest = shown.length - top.length;
      charts.push(el("figure", { class: "chart" },
        el("figcaption", { text: title }),
        el("ul", { class: "bars" }, ...rows),
        rest > 0 ? el("p", { class: "panel-note", text: `and ${rest} more` }) : null));
    };
    add("Type of record", facets.type || [], (v) => typeLabel(v.value));
    add("Theme group", facets.cluster || []);
    add("Country", facets.country || []);
    add("Programme", facets.programme || []);
    add("Population", (body.ranges && body.ranges.population) || []);
    if (!charts.length) charts.push(el("p", { class: "panel-note", text: "Nothing to count for this search." }));
    box.replaceChildren(...charts);
  }

  // ---- pictures: the map, loaded when it comes into view --------------------------------------

  let mapLoading = null;

  function loadScript(src) {
    return new Promise((resolve, reject) => {
      const s = document.createElement("script");
      s.src = src;
      s.async = false;
      s.onload = resolve;
      s.onerror = () => reject(new Error("could not load " + src));
      document.head.append(s);
    });
  }

  function loadMap() {
    if (!mapLoading) {
      const map = $("map");
      map.dataset.state = "loading";
      map.replaceChildren(el("p", { class: "map-note", text: "Loading the map…" }));
      mapLoading = ["/vendor/d3-array/d3-array.min.js", "/vendor/d3-geo/d3-geo.min.js",
        "/vendor/topojson-client/topojson-client.min.js", "/map.js"]
        .reduce((p, src) => p.then(() => loadScript(src)), Promise.resolve())
        .then(() => window.PortalMap.create(map))
        .catch((e) => {
          map.dataset.state = "error";
          map.replaceChildren(el("p", { class: "map-note error", text: "The map could not be loaded: " + e.message }));
          throw e;
        });
    }
    return mapLoading;
  }

  function updateMap(state) {
    if (!mapLoading) return;
    const p = params(state);
    p.delete("page");
    p.delete("sort");
    mapLoading.then((m) => m.show(p)).catch(() => {});
  }

  function watchMap() {
    const start = () => loadMap().then((m) => {
      const p = params(readState());
      p.delete("page");
      p.delete("sort");
      return m.show(p);
    }).catch(() => {});
    if (!("IntersectionObserver" in window)) {
      start();
      return;
    }
    const seen = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        seen.disconnect();
        start();
      }
    }, { rootMargin: "200px" });
    seen.observe($("map"));
  }

  // ---- suggestions: an ARIA 1.2 combobox with a listbox popup ---------------------------------

  const input = $("q");
  const listbox = $("suggestions");
  const KINDS = { place: "Place", title: "Record", cluster: "Theme" };
  let suggestions = [];
  let active = -1;
  let suggestTimer = 0;
  let suggesting = null;

  function openList() {
    listbox.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function closeList() {
    listbox.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function setActive(i) {
    const options = listbox.querySelectorAll("[role=option]");
    options.forEach((o, j) => o.setAttribute("aria-selected", String(j === i)));
    active = i;
    if (i >= 0) {
      input.setAttribute("aria-activedescendant", options[i].id);
      options[i].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  async function suggest(text) {
    if (suggesting) suggesting.abort();
    const controller = new AbortController();
    suggesting = controller;
    try {
      const body = await api("/api/suggest", new URLSearchParams({ q: text, size: "8" }), { signal: controller.signal });
      if (controller !== suggesting || input.value.trim() !== text || document.activeElement !== input) return;
      suggestions = body.suggestions || [];
      listbox.replaceChildren(...suggestions.map((s, i) => {
        const option = el("li", { id: "suggestion-" + i, role: "option", "aria-selected": "false", class: "option" },
          el("span", { class: "option-text", text: s.text }),
          s.matched ? el("span", { class: "option-matched", text: `(${s.matched})` }) : null,
          el("span", { class: "option-kind", text: KINDS[s.kind] || s.kind }));
        option.addEventListener("mousedown", (e) => e.preventDefault());
        option.addEventListener("click", () => choose(s));
        return option;
      }));
      active = -1;
      input.removeAttribute("aria-activedescendant");
      if (suggestions.length) openList(); else closeList();
      $("suggest-status").textContent = suggestions.length
        ? `${suggestions.length} suggestion${suggestions.length === 1 ? "" : "s"}; use the arrow keys to choose.` : "";
    } catch (e) {
      if (e.name !== "AbortError") closeList(); // suggestions are a help: a failure leaves plain search
    }
  }

  function choose(s) {
    closeList();
    $("suggest-status").textContent = "";
    if (s.kind === "title" && s.id) {
      location.assign(recordUrl(s.id));
      return;
    }
    const next = readState();
    next.page = 1;
    if (s.kind === "cluster") {
      next.q = "";
      if (!next.filters.cluster.includes(s.text)) next.filters.cluster = [...next.filters.cluster, s.text];
    } else {
      next.q = s.text;
    }
    input.value = next.q;
    go(next);
  }

  input.addEventListener("input", () => {
    clearTimeout(suggestTimer);
    const text = input.value.trim();
    if (text.length < 2) {
      if (suggesting) suggesting.abort();
      closeList();
      return;
    }
    suggestTimer = setTimeout(() => suggest(text), 150);
  });

  input.addEventListener("keydown", (e) => {
    const open = !listbox.hidden && suggestions.length > 0;
    if (e.key === "ArrowDown" && suggestions.length) {
      e.preventDefault();
      if (!open) openList();
      setActive(active + 1 >= suggestions.length ? 0 : active + 1);
    } else if (e.key === "ArrowUp" && open) {
      e.preventDefault();
      setActive(active <= 0 ? suggestions.length - 1 : active - 1);
    } else if (e.key === "Enter" && open && active >= 0) {
      e.preventDefault();
      choose(suggestions[active]);
    } else if (e.key === "Escape" && open) {
      e.preventDefault();
      closeList();
    } else if (e.key === "Tab") {
      closeList();
    }
  });

  input.addEventListener("blur", () => setTimeout(closeList, 100));

  // ---- the rest of the controls -------------------------------------------------------------

  $("search").addEventListener("submit", (e) => {
    e.preventDefault();
    clearTimeout(suggestTimer);
    if (suggesting) suggesting.abort();
    closeList();
    const next = readState();
    next.q = input.value.trim();
    next.page = 1;
    go(next);
  });

  $("sort").addEventListener("change", () => {
    const next = readState();
    next.sort = $("sort").value;
    next.page = 1;
    go(next);
  });

  $("clear").addEventListener("click", clearAll);

  $("filters-toggle").addEventListener("click", () => {
    const toggle = $("filters-toggle");
    const open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", String(open));
    $("filters").classList.toggle("open", open);
    toggle.textContent = open ? toggle.textContent.replace("Show", "Hide") : toggle.textContent.replace("Hide", "Show");
  });

  window.addEventListener("popstate", () => render());
  // The map is watched once the first results are laid out, so it loads only when scrolled to.
  render().then(watchMap);
})();
