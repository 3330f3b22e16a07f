// Helpers shared by the portal's pages (search page, record page). Every piece of document data
// goes into the page as text: el() sets textContent and plain attributes only, and refuses event
// handler and style attributes, which the Content-Security-Policy would block anyway. Search
// snippets, which the API escapes and marks with <mark>, are rebuilt from text and <mark> only.
window.Portal = (() => {
  "use strict";

  /** Builds an element: attrs.text becomes its text, attrs.class its class, the rest attributes. */
  function el(tag, attrs = {}, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (v === false || v == null) continue;
      if (k === "text") e.textContent = String(v);
      else if (k === "class") e.className = v;
      else if (/^on/i.test(k) || k === "style") throw new Error("el(): refusing attribute " + k);
      else e.setAttribute(k, v === true ? "" : String(v));
    }
    for (const c of children) if (c != null && c !== false) e.append(c);
    return e;
  }

  /**
   * A search snippet as nodes. The API escapes all document text and marks matches with <mark>;
   * as a second line of defence this keeps only text and <mark>, parsed in an inert template.
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

  /** An error whose message says what happened, for the user. */
  class ApiError extends Error {
    constructor(message, status) {
      super(message);
      this.status = status;
    }
  }

  /**
   * GETs an API path and returns its JSON. Failures become an ApiError with a sentence: the
   * problem's detail for a 4xx/5xx answer, or that the portal could not be reached.
   */
  async function api(path, params, options = {}) {
    const url = params ? path + "?" + params.toString() : path;
    let res;
    try {
      res = await fetch(url, { headers: { Accept: "application/json" }, signal: options.signal });
    } catch (e) {
      if (e.name === "AbortError") throw e;
      throw new ApiError("The portal could not be reached. Check the connection and try again.", 0);
    }
    let body = null;
    try {
      body = await res.json();
    } catch (e) {
      if (e.name === "AbortError") throw e;
      // Not JSON: said below.
    }
    if (!res.ok) {
      const detail = body && (body.detail || body.title);
      throw new ApiError(detail ? detail : `The server answered ${res.status} ${res.statusText}.`.replace(" .", "."), res.status);
    }
    if (body == null) throw new ApiError("The server sent an answer that could not be read.", res.status);
    return body;
  }

  const numbers = new Intl.NumberFormat("en");

  function formatNumber(n) {
    return numbers.format(n);
  }

  /** 2870000 → "2.9 million", 621000 → "621,000". */
  function formatPopulation(n) {
    if (n == null) return null;
    if (n >= 1e6) return (Math.round(n / 1e5) / 10).toString() + " million";
    return numbers.format(n);
  }

  const TYPES = { city: "City", region: "Region", report: "Report", abstract: "Abstract", news: "News", page: "Page" };

  function typeLabel(t) {
    if (!t) return "";
    return TYPES[t] || t.charAt(0).toUpperCase() + t.slice(1);
  }

  function recordUrl(id) {
    return "/record.html?id=" + encodeURIComponent(id);
  }

  /** The URL if it is http(s), else null: a record's url must never become a javascript: link. */
  function safeUrl(u) {
    if (!u) return null;
    try {
      const url = new URL(u, location.href);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  /** Remembers the last search, so a record page can lead back to it. */
  const LAST_SEARCH = "coop-portal-last-search";

  function rememberSearch(query) {
    try {
      sessionStorage.setItem(LAST_SEARCH, query);
    } catch (e) {
      // Storage may be off; the way back is then the plain search page.
    }
  }

  function lastSearch() {
    try {
      const s = sessionStorage.getItem(LAST_SEARCH);
      return s && s.startsWith("?") ? "/" + s : "/";
    } catch (e) {
      return "/";
    }
  }

  return { el, snippetNodes, api, ApiError, formatNumber, formatPopulation, typeLabel, recordUrl, safeUrl, rememberSearch, lastSearch };
})();
