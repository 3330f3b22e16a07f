/*
 * Cooperation Portal search widget. A partner site adds
 *
 *   <script src="https://PORTAL/embed.js"></script>
 *   <coop-search cluster="Tourism & Culture" country="China" size="5"></coop-search>
 *
 * and gets a search box, facets and results inside its page. The element renders into its own
 * Shadow DOM, so neither side's CSS reaches the other; it is themed through CSS custom properties
 * (--coop-accent, --coop-font, ...; see the README). It calls the portal's read API, which answers
 * cross-origin GETs, and links to the portal's record pages with absolute URLs derived from this
 * script's own address. Styles come as a constructed stylesheet, so a partner page's
 * Content-Security-Policy needs no 'unsafe-inline' for the widget.
 *
 * Attributes: q, cluster, country, programme, type (preset filters; several values separated by
 * "|"), size (1–20, default 5), sort, facets (the dimensions offered as filters, comma separated;
 * default "type,country" less the preset ones), heading (empty for none), placeholder,
 * link-target (e.g. _blank) and portal (the portal's root URL, when not this script's own).
 */
(() => {
  "use strict";
  if (window.customElements == null || customElements.get("coop-search")) return;

  const script = document.currentScript;
  const SCRIPT_BASE = new URL(".", script && script.src ? script.src : location.href).href;
  const DIMENSIONS = ["cluster", "country", "programme", "type"];
  const NAMES = { cluster: "Theme", country: "Country", programme: "Programme", type: "Type" };
  const TYPES = { city: "City", region: "Region", report: "Report", abstract: "Abstract", news: "News", page: "Page" };
  const MAX_VALUES = 6;

  const CSS = `
:host { all: initial; display: block; contain: content; }
:host([hidden]) { display: none; }
.coop {
  box-sizing: border-box; display: block; margin: 0; text-align: left; direction: ltr;
  font-family: var(--coop-font, system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", sans-serif);
  font-size: var(--coop-font-size, 16px); font-weight: 400; font-style: normal; line-height: 1.5;
  letter-spacing: normal; word-spacing: normal; text-transform: none; text-indent: 0; white-space: normal;
  color: var(--coop-text, #1b2430); background: var(--coop-background, #ffffff);
  border: 1px solid var(--coop-border, #d5dbe3); border-radius: var(--coop-radius, 8px);
  padding: var(--coop-padding, 1em);
}
.coop *, .coop *::before, .coop *::after { box-sizing: border-box; }
.vh { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0; }
.heading { font-size: 1.15em; font-weight: 700; line-height: 1.3; margin: 0 0 .6em; color: inherit; }
form { display: flex; gap: .5em; margin: 0 0 .6em; }
input[type="search"] {
  flex: 1 1 auto; min-width: 0; font: inherit; color: var(--coop-text, #1b2430); background: var(--coop-background, #ffffff);
  border: 1px solid #7a8594; border-radius: var(--coop-radius, 8px); padding: .5em .7em; margin: 0; min-height: 2.6em;
}
button {
  font: inherit; font-weight: 600; cursor: pointer; margin: 0; min-height: 2.4em; line-height: 1.2;
  color: var(--coop-accent-text, #ffffff); background: var(--coop-accent, #0b5cad);
  border: 1px solid var(--coop-accent, #0b5cad); border-radius: var(--coop-radius, 8px); padding: .45em 1em;
  text-transform: none; letter-spacing: normal; box-shadow: none; text-decoration: none;
}
button:hover { filter: brightness(.92); }
button[aria-disabled="true"] { opacity: .55; cursor: default; filter: none; }
button.plain { background: transparent; color: var(--coop-accent, #0b5cad); border-color: transparent; text-decoration: underline; padding: .2em .1em; min-height: 0; font-weight: 600; }
:focus-visible { outline: 3px solid var(--coop-focus, #c2410c); outline-offset: 2px; }
a { color: var(--coop-accent, #0b5cad); text-decoration: underline; text-underline-offset: .15em; font-weight: inherit; background: none; }
a:hover { text-decoration-thickness: 2px; }
ol, ul { list-style: none; margin: 0; padding: 0; }
li { margin: 0; padding: 0; background: none; border: 0; list-style: none; }
p { margin: 0; }
.preset { font-size: .85em; color: var(--coop-muted, #4d5866); margin: 0 0 .5em; }
.preset strong { color: var(--coop-text, #1b2430); font-weight: 600; }
.facets { display: flex; flex-wrap: wrap; gap: .5em 1.25em; margin: 0 0 .5em; }
fieldset { border: 0; margin: 0; padding: 0; min-width: 0; }
legend { font-size: .8em; font-weight: 700; text-transform: uppercase; letter-spacing: .05em; color: var(--coop-muted, #4d5866); padding: 0; margin: 0 0 .25em; }
.chips { display: flex; flex-wrap: wrap; gap: .35em; }
.chip {
  display: inline-flex; align-items: center; gap: .4em; cursor: pointer; font-size: .88em;
  padding: .2em .65em .2em .45em; border-radius: 999px; min-height: 2em;
  background: var(--coop-surface, #f4f6f9); border: 1px solid var(--coop-border, #d5dbe3); color: var(--coop-text, #1b2430);
}
.chip input { margin: 0; width: 1em; height: 1em; accent-color: var(--coop-accent, #0b5cad); }
.chip:has(input:checked) { border-color: var(--coop-accent, #0b5cad); background: var(--coop-background, #ffffff); font-weight: 600; }
.chip:has(input:focus-visible) { outline: 3px solid var(--coop-focus, #c2410c); outline-offset: 1px; }
.chip input:focus-visible { outline: none; }
.count { color: var(--coop-muted, #4d5866); font-variant-numeric: tabular-nums; font-weight: 400; }
.status { font-size: .9em; font-weight: 600; margin: .4em 0 .2em; }
.status.error { color: #a4161a; }
.message { font-size: .9em; margin: .2em 0 .4em; }
.hits { margin: 0; }
.hit { padding: .7em 0; border-top: 1px solid var(--coop-border, #d5dbe3); }
.hit:first-child { border-top: 0; }
.title { font-size: 1.05em; font-weight: 700; line-height: 1.3; margin: 0 0 .15em; }
.meta { font-size: .82em; color: var(--coop-muted, #4d5866); margin: 0 0 .2em; }
.snippet { font-size: .9em; }
mark { background: var(--coop-mark, #ffe58a); color: inherit; padding: 0 .1em; }
.pager { display: flex; gap: .6em; align-items: center; margin: .6em 0 0; font-size: .9em; }
.pager[hidden] { display: none; }
.foot { margin: .8em 0 0; font-size: .85em; }
.busy .hits { opacity: .55; }
`;

  let sheet = null;

  function applyStyles(root) {
    if ("adoptedStyleSheets" in root && typeof CSSStyleSheet === "function" && "replaceSync" in CSSStyleSheet.prototype) {
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(CSS);
      }
      root.adoptedStyleSheets = [sheet];
    } else {
      const style = document.createElement("style");
      style.textContent = CSS;
      root.append(style);
    }
  }

  function el(tag, attrs = {}, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (v === false || v == null) continue;
      if (k === "text") e.textContent = String(v);
      else if (k === "class") e.className = v;
      else e.setAttribute(k, v === true ? "" : String(v));
    }
    for (const c of children) if (c != null && c !== false) e.append(c);
    return e;
  }

  /**
   * A snippet as nodes: the API escapes document text and marks matches with <mark>; this keeps
   * text and <mark> only, parsed in an inert template, so nothing else can reach the partner page.
   */
  function snippetNodes(html) {
    const t = document.createElement("template");
    t.innerHTML = html || "";
    const out = [];
    for (const n of t.content.childNodes) {
      if (n.nodeType === Node.ELEMENT_NODE && n.nodeName === "MARK") out.push(el("mark", { text: n.textContent }));
      else out.push(document.createTextNode(n.textContent));
    }
    return out;
  }

  function values(s) {
    return (s || "").split("|").map((v) => v.trim()).filter(Boolean);
  }

  function label(dim, value) {
    return dim === "type" ? TYPES[value] || value.charAt(0).toUpperCase() + value.slice(1) : value;
  }

  let instances = 0;

  class CoopSearch extends HTMLElement {
    static get observedAttributes() {
      return ["q", "cluster", "country", "programme", "type", "size", "sort", "facets", "heading", "placeholder", "link-target", "portal"];
    }

    constructor() {
      super();
      this._n = ++instances;
      this._root = this.attachShadow({ mode: "open" });
      applyStyles(this._root);
      this._chosen = {};
      this._page = 1;
      this._q = null;
      this._request = null;
      this._queued = false;
      this._build();
    }

    _build() {
      const $ = (tag, attrs, ...c) => el(tag, attrs, ...c);
      this._heading = $("h2", { class: "heading", id: "heading" });
      this._input = $("input", { id: "q", type: "search", autocomplete: "off", enterkeyhint: "search" });
      this._form = $("form", { role: "search", "aria-labelledby": "heading" },
        $("label", { for: "q", class: "vh", text: "Search records" }), this._input, $("button", { type: "submit", text: "Search" }));
      this._preset = $("p", { class: "preset", hidden: true });
      this._facets = $("div", { class: "facets" });
      this._status = $("p", { class: "status", role: "status", "aria-live": "polite", "aria-atomic": "true" });
      this._message = $("div", { class: "message", hidden: true });
      this._hits = $("ol", { class: "hits", "aria-labelledby": "heading" });
      this._prev = $("button", { type: "button", class: "plain", text: "‹ Previous" });
      this._next = $("button", { type: "button", class: "plain", text: "Next ›" });
      this._pageInfo = $("span", {});
      this._pager = $("nav", { class: "pager", "aria-label": "Result pages", hidden: true }, this._prev, this._pageInfo, this._next);
      this._portalLink = $("a", { text: "Search all records on the Cooperation Portal" });
      this._box = $("div", { class: "coop", part: "box" }, this._heading, this._form, this._preset, this._facets, this._status,
        this._message, this._hits, this._pager, $("p", { class: "foot" }, this._portalLink));
      this._root.append(this._box);

      this._form.addEventListener("submit", (e) => {
        e.preventDefault();
        this._q = this._input.value.trim();
        this._page = 1;
        this._search();
      });
      this._prev.addEventListener("click", () => this._turn(-1));
      this._next.addEventListener("click", () => this._turn(1));
    }

    connectedCallback() {
      this._connected = true;
      this._search();
    }

    disconnectedCallback() {
      this._connected = false;
      if (this._request) this._request.abort();
    }

    attributeChangedCallback(name, old, value) {
      if (old === value || !this._connected) return;
      if (name === "q") this._q = null;
      if (DIMENSIONS.includes(name) || name === "facets") this._chosen = {};
      this._page = 1;
      if (!this._queued) {
        this._queued = true;
        queueMicrotask(() => {
          this._queued = false;
          this._search();
        });
      }
    }

    /** The portal's root URL: the portal attribute, or where this script came from. */
    get portal() {
      const given = this.getAttribute("portal");
      if (given) {
        try {
          const u = new URL(given.endsWith("/") ? given : given + "/", location.href);
          if (u.protocol === "http:" || u.protocol === "https:") return u.href;
        } catch (e) {
          // Fall back to the script's own address.
        }
      }
      return SCRIPT_BASE;
    }

    _size() {
      const n = parseInt(this.getAttribute("size") || "5", 10);
      return Number.isFinite(n) ? Math.min(20, Math.max(1, n)) : 5;
    }

    _presets() {
      const p = {};
      for (const d of DIMENSIONS) {
        const v = values(this.getAttribute(d));
        if (v.length) p[d] = v;
      }
      return p;
    }

    _offered(presets) {
      const asked = this.hasAttribute("facets") ? this.getAttribute("facets").split(",").map((s) => s.trim()) : ["type", "country"];
      return asked.filter((d) => DIMENSIONS.includes(d) && !presets[d]);
    }

    _turn(step) {
      const button = step < 0 ? this._prev : this._next;
      if (button.getAttribute("aria-disabled") === "true") return;
      this._page += step;
      this._search().then(() => {
        const first = this._hits.querySelector("a");
        if (first) first.focus();
      });
    }

    async _search() {
      if (!this._connected) return;
      const heading = this.getAttribute("heading");
      this._heading.textContent = heading == null ? "Search the Cooperation Portal" : heading;
      this._heading.classList.toggle("vh", heading === "");
      if (heading === "") this._heading.textContent = "Search the Cooperation Portal";
      this._input.placeholder = this.getAttribute("placeholder") || "Search cities, regions, reports…";
      if (this._q == null) {
        this._q = this.getAttribute("q") || "";
        this._input.value = this._q;
      }
      const portal = this.portal;
      this._portalLink.href = portal;
      this._target(this._portalLink);

      const presets = this._presets();
      const shown = Object.entries(presets).map(([d, v]) => [NAMES[d] + ": ", v.map((x) => label(d, x)).join(" or ")]);
      this._preset.hidden = shown.length === 0;
      this._preset.replaceChildren("Showing only ", ...shown.flatMap(([n, v], i) => [i ? " · " : "", n, el("strong", { text: v })]));

      const params = new URLSearchParams();
      if (this._q) params.set("q", this._q);
      const offered = this._offered(presets);
      for (const d of DIMENSIONS) {
        for (const v of presets[d] || []) params.append(d, v);
        if (offered.includes(d)) for (const v of this._chosen[d] || []) params.append(d, v);
      }
      const sort = this.getAttribute("sort");
      if (sort) params.set("sort", sort);
      params.set("size", String(this._size()));
      params.set("page", String(this._page));

      if (this._request) this._request.abort();
      const request = new AbortController();
      this._request = request;
      this._box.classList.add("busy");
      this._box.setAttribute("aria-busy", "true");
      this._status.classList.remove("error");
      this._status.textContent = "Searching…";
      try {
        let res;
        try {
          res = await fetch(new URL("api/search?" + params, portal), { headers: { Accept: "application/json" }, signal: request.signal });
        } catch (e) {
          if (e.name === "AbortError") throw e;
          throw new Error("the portal could not be reached");
        }
        const body = await res.json().catch(() => null);
        if (!res.ok || !body) throw new Error((body && body.detail) || `the portal answered ${res.status}`);
        if (request !== this._request) return;
        this._show(body, offered);
      } catch (e) {
        if (e.name === "AbortError" || request !== this._request) return;
        this._fail(e);
      } finally {
        if (request === this._request) {
          this._box.classList.remove("busy");
          this._box.removeAttribute("aria-busy");
        }
      }
    }

    _target(a) {
      const target = this.getAttribute("link-target");
      if (target) {
        a.target = target;
        a.rel = "noopener";
      } else {
        a.removeAttribute("target");
        a.removeAttribute("rel");
      }
    }

    _show(body, offered) {
      const n = body.total;
      const pages = Math.max(1, Math.ceil(n / body.size));
      this._status.textContent = n === 0 ? "No records found."
        : `${n} record${n === 1 ? "" : "s"}` + (this._q ? ` for “${this._q}”` : "") + (pages > 1 ? `, page ${body.page} of ${pages}.` : ".");
      this._message.hidden = true;
      this._message.replaceChildren();
      if (n === 0 && body.suggestion) {
        const again = el("button", { type: "button", class: "plain", text: body.suggestion });
        again.addEventListener("click", () => {
          this._q = body.suggestion;
          this._input.value = this._q;
          this._page = 1;
          this._search();
        });
        this._message.append("Did you mean ", again, "?");
        this._message.hidden = false;
      }
      const portal = this.portal;
      this._hits.replaceChildren(...body.hits.map((h) => {
        const link = el("a", { href: new URL("record.html?id=" + encodeURIComponent(h.id), portal).href, text: h.title || h.id });
        this._target(link);
        const meta = [label("type", h.type || ""), h.countries.join(", "), h.programme].filter(Boolean).join(" · ");
        return el("li", { class: "hit" },
          el("p", { class: "title" }, link),
          el("p", { class: "meta", text: meta }),
          el("p", { class: "snippet" }, ...snippetNodes(h.snippet)));
      }));
      this._renderFacets(body, offered);
      this._pager.hidden = pages <= 1;
      this._pageInfo.textContent = `Page ${body.page} of ${pages}`;
      this._prev.setAttribute("aria-disabled", String(body.page <= 1));
      this._next.setAttribute("aria-disabled", String(body.page >= pages));
    }

    _renderFacets(body, offered) {
      const focused = this._root.activeElement && this._root.activeElement.id;
      const sets = [];
      for (const dim of offered) {
        let list = (body.facets && body.facets[dim]) || [];
        if (dim === "cluster") list = list.flatMap((g) => g.children && g.children.length ? g.children : [g]);
        list = list.filter((v) => v.count > 0 || v.selected).slice(0, MAX_VALUES);
        const chosen = this._chosen[dim] || [];
        for (const v of chosen) if (!list.some((x) => x.value === v)) list.push({ value: v, count: 0, selected: true });
        if (!list.length) continue;
        const chips = list.map((v) => {
          const id = `w${this._n}-${dim}-${v.value.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
          const box = el("input", { type: "checkbox", id, value: v.value });
          box.checked = chosen.includes(v.value);
          box.addEventListener("change", () => {
            const now = this._chosen[dim] || [];
            this._chosen[dim] = box.checked ? [...now, v.value] : now.filter((x) => x !== v.value);
            this._page = 1;
            this._search();
          });
          return el("label", { class: "chip", for: id }, box, el("span", { text: label(dim, v.value) }),
            el("span", { class: "count" }, String(v.count), el("span", { class: "vh", text: v.count === 1 ? " record" : " records" })));
        });
        sets.push(el("fieldset", {}, el("legend", { text: NAMES[dim] }), el("div", { class: "chips" }, ...chips)));
      }
      this._facets.replaceChildren(...sets);
      this._facets.hidden = sets.length === 0;
      if (focused) {
        const again = this._root.getElementById(focused);
        if (again) again.focus();
      }
    }

    _fail(e) {
      this._status.classList.add("error");
      this._status.textContent = "The search failed: " + e.message + ".";
      const retry = el("button", { type: "button", class: "plain", text: "Try again" });
      retry.addEventListener("click", () => this._search());
      this._message.replaceChildren(retry);
      this._message.hidden = false;
      this._hits.replaceChildren();
      this._pager.hidden = true;
    }
  }

  customElements.define("coop-search", CoopSearch);
})();
