// The iframe variant of the widget: /embed?cluster=…&country=…&size=… for sites that cannot run
// scripts. The page's query parameters become the <coop-search> element's attributes (a filter
// may repeat: ?country=Spain&country=Italy), and accent, text, background and radius set its
// theme. Runs before embed.js defines the element, so the widget starts with them.
(() => {
  "use strict";
  const widget = document.getElementById("widget");
  const p = new URLSearchParams(location.search);
  for (const name of ["cluster", "country", "programme", "type"]) {
    const values = p.getAll(name).map((v) => v.trim()).filter(Boolean);
    if (values.length) widget.setAttribute(name, values.join("|"));
  }
  for (const name of ["q", "size", "sort", "facets", "heading", "placeholder"]) {
    if (p.has(name)) widget.setAttribute(name, p.get(name));
  }
  if (p.has("target")) widget.setAttribute("link-target", p.get("target") === "self" ? "_top" : "_blank");
  const theme = { accent: ["--coop-accent", "color"], text: ["--coop-text", "color"], background: ["--coop-background", "color"],
    radius: ["--coop-radius", "border-radius"] };
  for (const [name, [property, check]] of Object.entries(theme)) {
    const v = p.get(name);
    if (v && CSS.supports(check, v)) widget.style.setProperty(property, v);
  }
})();
