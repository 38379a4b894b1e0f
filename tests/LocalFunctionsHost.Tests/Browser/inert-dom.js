// Evaluated in a published XSS-corpus page after it loaded: lists whatever in the live DOM could run script or
// load another document. The argument is where the page's one legitimate script, the view counter's beacon, lives:
// the site's origin followed by "assets/views." (the rest of its name is a content hash).
// Shadow roots are walked too, since a declarative shadow DOM would hide elements from document.querySelectorAll.
(beaconPrefix) => {
  const problems = [];
  const xhtml = "http://www.w3.org/1999/xhtml";
  const urlAttributes = new Set([
    "href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "cite", "ping",
    "codebase", "manifest", "icon", "longdesc", "lowsrc", "dynsrc",
  ]);
  const listAttributes = new Set(["srcset", "imagesrcset"]);
  const forbidden = new Set([
    "iframe", "frame", "frameset", "object", "embed", "applet", "portal", "base", "form", "style", "template",
    "svg", "math", "input", "button", "textarea", "select", "video", "audio", "dialog",
  ]);

  // The browser's own URL parser decides: it has already decoded character references, and it strips the
  // whitespace and control characters that hide a scheme. Anything but http(s) and mailto can carry script.
  const unsafeUrl = (value) => {
    let url;
    try {
      url = new URL(value, document.baseURI);
    } catch {
      return false;
    }
    return !["http:", "https:", "mailto:"].includes(url.protocol);
  };

  const elements = [];
  const walk = (root) => {
    for (const element of root.querySelectorAll("*")) {
      elements.push(element);
      if (element.shadowRoot) {
        problems.push(`shadow root on <${element.localName}>`);
        walk(element.shadowRoot);
      }
    }
  };
  walk(document);

  for (const element of elements) {
    const tag = element.localName;
    if (element.namespaceURI !== xhtml) problems.push(`<${tag}> in ${element.namespaceURI}`);
    if (forbidden.has(tag)) problems.push(`<${tag}> element`);
    if (tag === "script" && !(element.src.startsWith(beaconPrefix) && element.src.endsWith(".js")
      && element.textContent === "" && element.parentElement === document.head)) {
      problems.push(`<script src="${element.src}">${element.textContent.slice(0, 60)}`);
    }
    if (["meta", "link", "title"].includes(tag) && element.closest("body")) problems.push(`<${tag}> in the body`);
    if (tag === "meta" && element.httpEquiv && element.httpEquiv.toLowerCase() !== "content-security-policy") {
      problems.push(`<meta http-equiv="${element.httpEquiv}">`);
    }
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      const where = `${name}="${attribute.value.slice(0, 80)}" on <${tag}>`;
      if (name.startsWith("on")) problems.push(`handler ${where}`);
      if (name === "srcdoc") problems.push(where);
      if (urlAttributes.has(name) && unsafeUrl(attribute.value)) problems.push(`unsafe URL ${where}`);
      if (listAttributes.has(name)) {
        for (const candidate of attribute.value.split(",")) {
          const url = candidate.trim().split(/\s+/)[0];
          if (url && unsafeUrl(url)) problems.push(`unsafe URL ${where}`);
        }
      }
    }
  }

  if (document.scripts.length !== 1) problems.push(`${document.scripts.length} scripts`);
  if (window.frames.length !== 0) problems.push(`${window.frames.length} frames`);
  return problems;
}
