// The record page, record.html?id=…: a record's full text and metadata, its themes (stated by the
// document or inferred from its text, with the evidence), similar records and, for a city or a
// region, partner candidates with the reasons. Everything from the record is inserted as text.
(() => {
  "use strict";
  const { el, api, formatNumber, formatPopulation, typeLabel, recordUrl, safeUrl, lastSearch } = window.Portal;
  const $ = (id) => document.getElementById(id);
  const id = new URLSearchParams(location.search).get("id");

  $("back").href = lastSearch();

  function done() {
    $("record").removeAttribute("aria-busy");
  }

  function problem(title, text, retry) {
    done();
    document.title = title + " — Cooperation Portal";
    const parts = [el("h1", { text: title }), el("p", { text })];
    const actions = el("p", {});
    if (retry) {
      const again = el("button", { type: "button", text: "Try again" });
      again.addEventListener("click", () => {
        $("content").replaceChildren(el("p", { class: "state-box", role: "status", text: "Loading the record…" }));
        load();
      });
      actions.append(again, " or ");
    }
    actions.append(el("a", { href: "/", text: "search the records" }), ".");
    parts.push(actions);
    $("content").replaceChildren(el("div", { class: "state-box error-box", role: "alert" }, ...parts));
  }

  async function load() {
    if (!id) {
      problem("No record chosen", "This page shows one record, named in its address (record.html?id=…). Search for a record and follow its title.", false);
      return;
    }
    let r;
    try {
      r = await api("/api/documents/" + encodeURIComponent(id));
    } catch (e) {
      if (e.status === 404) {
        problem("Record not found", `There is no record with the id “${id}”. It may have been removed or renamed when the corpus was ingested again.`, false);
      } else {
        problem("The record could not be loaded", e.message, true);
      }
      return;
    }
    show(r);
    done();
    related(r);
  }

  function fact(label, value) {
    if (value == null || value === "" || (Array.isArray(value) && !value.length)) return [];
    const dd = el("dd");
    if (value instanceof Node) dd.append(value); else dd.textContent = Array.isArray(value) ? value.join(", ") : String(value);
    return [el("dt", { text: label }), dd];
  }

  function show(r) {
    document.title = (r.title || r.id) + " — Cooperation Portal";
    const where = [r.countries.join(", "), r.province && r.province !== r.title ? r.province : null].filter(Boolean).join(" · ");
    const original = safeUrl(r.url);
    const facts = el("dl", { class: "facts" },
      ...fact("Type", typeLabel(r.type)),
      ...fact("Countries", r.countries),
      ...fact("Province or region", r.province),
      ...fact("Programme", r.programme),
      ...fact("Period", r.period),
      ...fact("Population", r.population != null ? `${formatNumber(r.population)} inhabitants` : null),
      ...fact("Area", r.areaKm2 != null ? `${formatNumber(r.areaKm2)} km²` : null),
      ...fact("Places", r.places),
      ...fact("Date", r.date),
      ...fact("Language", r.language),
      ...fact("Published at", original ? el("a", { href: original, text: original, rel: "noopener noreferrer" }) : r.url),
      ...fact("Corpus file", r.source));

    const paragraphs = (r.text || "").split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
    const text = el("div", { class: "fulltext" }, ...paragraphs.map((p) => el("p", { text: p })));
    if (r.language && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(r.language)) text.setAttribute("lang", r.language);
    if (!paragraphs.length) text.append(el("p", { class: "panel-note", text: "This record has no text." }));

    $("content").replaceChildren(el("article", { "aria-labelledby": "record-title" },
      el("p", { class: "meta" }, el("span", { class: "badge", text: typeLabel(r.type) }), where ? " " + where : ""),
      el("h1", { id: "record-title", text: r.title || r.id }),
      facts,
      toc(r),
      themes(r),
      el("section", { "aria-labelledby": "text-title" }, el("h2", { id: "text-title", text: "Full text" }), text)));
  }

  /** Links to the parts of the page, so the related records are a step away on a phone too. */
  function toc(r) {
    const link = (href, text) => el("li", {}, el("a", { href, text }));
    return el("nav", { class: "toc", "aria-label": "On this page" }, el("ul", {},
      link("#themes", "Themes"), link("#text-title", "Full text"),
      r.type === "city" || r.type === "region" ? link("#partners-title", "Partner candidates") : null,
      link("#similar-title", "Similar records")));
  }

  function themes(r) {
    const details = r.clusterDetails || [];
    const stated = details.filter((c) => c.source !== "inferred");
    const inferred = details.filter((c) => c.source === "inferred");
    const item = (c) => {
      const source = c.source === "inferred" ? "inferred" : "stated";
      const li = el("li", { class: "cluster " + source },
        el("span", { class: "source-tag " + source, text: source === "inferred" ? "Inferred" : "Stated" }),
        el("strong", { text: c.name }),
        c.group ? el("span", { class: "group", text: " — " + c.group }) : null);
      if (source === "inferred" && c.evidence && c.evidence.length) {
        const ev = el("p", { class: "evidence" }, "Evidence in the text: ");
        c.evidence.forEach((e, i) => ev.append(i ? ", " : "", el("q", { text: e })));
        li.append(ev);
      }
      return li;
    };
    const list = (items, none) => items.length ? el("ul", { class: "cluster-list" }, ...items.map(item)) : el("p", { class: "panel-note", text: none });
    return el("section", { "aria-labelledby": "themes-title", id: "themes" },
      el("h2", { id: "themes-title", text: "Themes" }),
      el("p", { class: "panel-note", text: "Stated themes are named by the document itself; inferred themes were found in its text, with the phrases that count as evidence." }),
      el("h3", { id: "stated-title", text: `Stated in the document (${stated.length})` }),
      list(stated, "The document names no theme."),
      el("h3", { id: "inferred-title", text: `Inferred from the text (${inferred.length})` }),
      list(inferred, "No theme was inferred."));
  }

  function hitMeta(h) {
    return [typeLabel(h.type), h.countries.join(", "), h.programme].filter(Boolean).join(" · ");
  }

  async function related(r) {
    $("related").hidden = false;
    const similar = api(`/api/documents/${encodeURIComponent(r.id)}/similar`, new URLSearchParams({ size: "6" }))
      .then((body) => {
        $("similar").replaceChildren(body.hits.length
          ? el("ol", { class: "related" }, ...body.hits.map((h) => el("li", {},
            el("a", { href: recordUrl(h.id), text: h.title || h.id }),
            el("p", { class: "meta", text: hitMeta(h) }))))
          : el("p", { class: "panel-note", text: "No similar records." }));
      })
      .catch((e) => $("similar").replaceChildren(el("p", { class: "panel-note error", text: "Similar records could not be loaded: " + e.message })));
    let partners = Promise.resolve();
    if (r.type === "city" || r.type === "region") {
      $("partners-section").hidden = false;
      partners = api(`/api/documents/${encodeURIComponent(r.id)}/partners`, new URLSearchParams({ size: "6" }))
        .then((body) => {
          $("partners").replaceChildren(body.partners.length
            ? el("ol", { class: "related" }, ...body.partners.map(partner))
            : el("p", { class: "panel-note", text: "No partner candidates found." }));
        })
        .catch((e) => $("partners").replaceChildren(el("p", { class: "panel-note error", text: "Partner candidates could not be loaded: " + e.message })));
    }
    await Promise.all([similar, partners]);
  }

  function partner(p) {
    const reasons = p.reasons || {};
    const rows = [];
    const row = (label, values) => {
      if (values && values.length) rows.push(el("li", {}, el("strong", { text: label + ": " }), values.join(", ")));
    };
    row("Shared themes", reasons.sharedClusters);
    row("Shared terms", reasons.sharedTerms);
    row("Profile", reasons.profile);
    const population = p.population != null ? formatPopulation(p.population) + " inhabitants" : null;
    return el("li", { class: "partner" },
      el("a", { href: recordUrl(p.id), text: p.title || p.id }),
      el("p", { class: "meta", text: [hitMeta(p), population].filter(Boolean).join(" · ") }),
      rows.length ? el("ul", { class: "reasons", "aria-label": "Why" }, ...rows) : null);
  }

  load();
})();
