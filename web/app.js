// Cooperation Portal search page: the whole state lives in the URL (q, filters, page), so a search
// can be shared and the back button works. All document text is inserted as text, never as HTML;
// only snippets, which the API escapes and marks, are inserted as markup.
(() => {
  "use strict";
  const DIMENSIONS = ["cluster", "country", "programme", "type"];
  const $ = (id) => document.getElementById(id);

  function stateFromUrl() {
    const p = new URLSearchParams(location.search);
    const filters = {};
    for (const d of DIMENSIONS) filters[d] = p.getAll(d);
    return { q: p.get("q") || "", filters, page: Math.max(1, parseInt(p.get("page") || "1", 10) || 1) };
  }

  function urlFor(state) {
    const p = new URLSearchParams();
    if (state.q) p.set("q", state.q);
    for (const d of DIMENSIONS) for (const v of state.filters[d] || []) p.append(d, v);
    if (state.page > 1) p.set("page", String(state.page));
    const s = p.toString();
    return s ? "?" + s : location.pathname;
  }

  function go(state) {
    history.pushState(null, "", urlFor(state));
    render();
  }

  function el(tag, attrs = {}, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (v === false || v == null) continue;
      if (k === "text") e.textContent = v; else e.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children) if (c != null) e.append(c);
    return e;
  }

  async function render() {
    const state = stateFromUrl();
    $("q").value = state.q;
    const api = new URLSearchParams(urlFor(state).replace(/^\?/, ""));
    api.set("size", "10");
    $("status").textContent = "Searching…";
    $("status").classList.remove("error");
    try {
      const res = await fetch("/api/search?" + api.toString(), { headers: { Accept: "application/json" } });
      const body = await res.json();
      if (!res.ok) throw new Error(body.detail || res.statusText);
      show(state, body);
    } catch (e) {
      $("status").textContent = "The search failed: " + e.message;
      $("status").classList.add("error");
      $("hits").replaceChildren();
      $("pager").replaceChildren();
    }
  }

  function show(state, body) {
    const n = body.total;
    $("status").textContent = n === 0 ? "No records found." + (body.suggestion ? " Did you mean " + body.suggestion + "?" : "")
      : `${n} record${n === 1 ? "" : "s"}` + (state.q ? ` for “${state.q}”` : "");
    $("hits").replaceChildren(...body.hits.map(hitItem));
    facets(state, body.facets);
    pager(state, body);
    const any = DIMENSIONS.some((d) => state.filters[d].length);
    $("clear").hidden = !any;
  }

  function hitItem(h) {
    const meta = [h.type, h.countries.join(", "), h.programme, h.clusters.join(" · ")].filter(Boolean).join(" — ");
    const snippet = el("p", { class: "snippet" });
    snippet.innerHTML = h.snippet; // escaped by the API, <mark> only
    return el("li", { class: "hit" },
      el("h3", {}, el("a", { href: "/api/documents/" + encodeURIComponent(h.id), text: h.title })),
      el("p", { class: "meta", text: meta }),
      snippet);
  }

  function facets(state, all) {
    const box = $("facets");
    box.replaceChildren();
    for (const dim of DIMENSIONS) {
      const values = all[dim] || [];
      if (!values.length) continue;
      const set = el("fieldset", {}, el("legend", { text: dim }));
      for (const v of values) set.append(valueRow(state, dim, v), children(state, dim, v));
      box.append(set);
    }
  }

  function children(state, dim, v) {
    if (!v.children || !v.children.length) return null;
    const wrap = el("div", { class: "facet-children" });
    for (const c of v.children) wrap.append(valueRow(state, dim, c));
    return wrap;
  }

  function valueRow(state, dim, v) {
    const id = "f-" + dim + "-" + v.value.replace(/[^A-Za-z0-9]+/g, "-");
    const box = el("input", { type: "checkbox", id, checked: v.selected });
    box.addEventListener("change", () => {
      const next = stateFromUrl();
      const list = next.filters[dim];
      next.filters[dim] = box.checked ? [...list, v.value] : list.filter((x) => x !== v.value);
      next.page = 1;
      go(next);
    });
    const label = el("label", { for: id }, el("span", { text: v.value }), " ",
      el("span", { class: "count", text: String(v.count), "aria-label": v.count + " records" }));
    return el("div", { class: "facet-value" }, box, label);
  }

  function pager(state, body) {
    const pages = Math.ceil(body.total / body.size);
    const nav = $("pager");
    nav.replaceChildren();
    if (pages <= 1) return;
    const link = (p, text) => {
      if (p === state.page) return el("span", { "aria-current": "page", text });
      const a = el("a", { href: urlFor({ ...state, page: p }), text });
      a.addEventListener("click", (e) => { e.preventDefault(); go({ ...state, page: p }); $("results").focus(); });
      return a;
    };
    if (state.page > 1) nav.append(link(state.page - 1, "Previous"));
    for (let p = Math.max(1, state.page - 3); p <= Math.min(pages, state.page + 3); p++) nav.append(link(p, String(p)));
    if (state.page < pages) nav.append(link(state.page + 1, "Next"));
  }

  $("search").addEventListener("submit", (e) => {
    e.preventDefault();
    const next = stateFromUrl();
    next.q = $("q").value.trim();
    next.page = 1;
    go(next);
  });
  $("clear").addEventListener("click", () => {
    const next = stateFromUrl();
    for (const d of DIMENSIONS) next.filters[d] = [];
    next.page = 1;
    go(next);
  });
  window.addEventListener("popstate", render);
  render();
})();
