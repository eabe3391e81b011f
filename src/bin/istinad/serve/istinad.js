// istinad serve: the page's script. Plain DOM, nothing from elsewhere:
// it posts the text or file to the API of the server that served it and
// shows the answer.
"use strict";

const $ = (id) => document.getElementById(id);

// What the downloads are: label, route, query, file name suffix.
const DOWNLOADS = [
  ["BibTeX", "convert", { to: "bibtex" }, ".bib"],
  ["BibLaTeX", "convert", { to: "biblatex" }, ".biblatex.bib"],
  ["CSL-JSON", "convert", { to: "csl-json" }, ".json"],
  ["hayagriva", "convert", { to: "hayagriva" }, ".yaml"],
  ["RIS", "convert", { to: "ris" }, ".ris"],
  ["GOST list", "render", { style: "gost" }, ".gost.txt"],
  ["Chicago list", "render", { style: "chicago" }, ".chicago.txt"],
  ["APA list", "render", { style: "apa" }, ".apa.txt"],
];

let urls = [];

function status(text, error) {
  const s = $("status");
  s.textContent = text;
  s.className = error ? "error" : "";
}

// The input as the API takes it: the file's bytes and its name.
function input() {
  const file = $("file").files[0];
  if (file) return { body: file, name: file.name };
  const name = $("name").value.trim() || "pasted.md";
  return { body: new Blob([$("text").value], { type: "text/plain;charset=utf-8" }), name };
}

async function post(route, params, inp) {
  const query = new URLSearchParams({ ...params, name: inp.name });
  const answer = await fetch(`/api/${route}?${query}`, { method: "POST", body: inp.body });
  if (!answer.ok) {
    let message = `${answer.status} ${answer.statusText}`;
    try { message = (await answer.json()).error || message; } catch (_) { /* not JSON */ }
    throw new Error(message);
  }
  return answer;
}

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== undefined && v !== null) e.setAttribute(k, v);
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

// `quoted` text as <code>, the rest as text.
function withCode(text) {
  const span = el("span");
  String(text).split("`").forEach((part, i) => span.append(i % 2 ? el("code", {}, part) : part));
  return span;
}

function showFindings(diagnostics) {
  const list = $("findings");
  list.replaceChildren();
  diagnostics.forEach((d, i) => {
    const fix = d.fix
      ? el("span", { class: `fix ${d.fix.applicability}` }, withCode(d.fix.message))
      : null;
    const item = el("li", { class: `sev-${d.severity}`, "data-f": i, id: `finding-${i}` },
      el("a", { href: `#f-${i}`, class: "rule" }, `${d.code} ${d.name}`),
      ` ${d.line}:${d.column} `,
      withCode(d.message),
      d.help ? el("span", { class: "help" }, withCode(d.help)) : null,
      fix);
    item.addEventListener("click", () => select(i));
    list.append(item);
  });
  if (!diagnostics.length) list.append(el("li", {}, "No findings."));
}

function select(i) {
  document.querySelectorAll(".selected").forEach((e) => e.classList.remove("selected"));
  document.querySelectorAll(`#manuscript [data-f~="${i}"]`).forEach((e) => e.classList.add("selected"));
  const item = $(`finding-${i}`);
  if (item) {
    item.classList.add("selected");
    item.scrollIntoView({ block: "nearest" });
  }
}

function person(p) {
  return [p.family, p.given].filter(Boolean).join(", ");
}

// Each record's findings: the entry's own and every finding about it
// (`reference` is its number), each once.
function showRecords(references, diagnostics) {
  const body = $("records").tBodies[0];
  body.replaceChildren();
  const about = new Map();
  for (const d of diagnostics) {
    if (d.reference === undefined || d.reference === null) continue;
    if (!about.has(d.reference)) about.set(d.reference, []);
    about.get(d.reference).push(d);
  }
  for (const r of references) {
    const a = r.archive || {};
    const archive = [a.name, a.fond && `f. ${a.fond}`, a.inventory && `inv. ${a.inventory}`,
      a.file && `file ${a.file}`, a.item && `item ${a.item}`, a.leaves && `l. ${a.leaves}`].filter(Boolean).join(", ");
    const names = [...(r.diagnostics || []), ...(about.get(r.number) || [])].map((d) => `${d.code} ${d.name}`);
    const findings = [...new Set(names)].join("; ");
    const year = r.original_year ? `${r.year ?? ""} (${r.original_year.year} ${r.original_year.calendar})` : (r.year ?? "");
    body.append(el("tr", { "data-entry": r.number },
      el("td", {}, r.number), el("td", {}, r.kind),
      el("td", { dir: "auto" }, (r.authors || []).map(person).join("; ")),
      el("td", { dir: "auto" }, r.title || r.raw), el("td", {}, year),
      el("td", { dir: "auto" }, archive),
      el("td", { class: findings ? "bad" : "" }, findings)));
  }
}

function stem(name) {
  return name.replace(/\.[^.]*$/, "") || "istinad";
}

function download(label, file, blob) {
  const url = URL.createObjectURL(blob);
  urls.push(url);
  return el("a", { href: url, download: file, class: "download" }, label);
}

async function showDownloads(inp, view) {
  urls.forEach((u) => URL.revokeObjectURL(u));
  urls = [];
  const list = $("downloads");
  list.replaceChildren();
  const base = stem(inp.name);
  const fixedName = inp.name.match(/\.(docx|odt)$/i) ? `${base}-fixed.txt` : `${base}-fixed${(inp.name.match(/\.[^.]*$/) || [".md"])[0]}`;
  list.append(el("li", {}, download("fixed text", fixedName, new Blob([view.fixed], { type: "text/plain" }))));
  const locale = $("locale").value;
  await Promise.all(DOWNLOADS.map(async ([label, route, params, suffix]) => {
    const item = el("li", {}, el("a", { "aria-disabled": "true" }, label));
    list.append(item);
    try {
      const query = route === "render" ? { ...params, locale } : params;
      const answer = await post(route, query, inp);
      item.replaceChildren(download(label, base + suffix, await answer.blob()));
    } catch (e) {
      item.replaceChildren(el("span", { class: "failed" }, `${label}: ${e.message}`));
    }
  }));
}

function svg(target, markup) {
  // Our own server's SVG, parsed as SVG (never as HTML with scripts).
  const doc = new DOMParser().parseFromString(markup, "image/svg+xml");
  target.replaceChildren(document.importNode(doc.documentElement, true));
}

async function check() {
  const inp = input();
  status("Checking…");
  document.body.setAttribute("data-state", "checking");
  try {
    const view = await (await post("view", {}, inp)).json();
    const report = view.check;
    $("manuscript").innerHTML = view.html; // escaped by the server
    $("manuscript").querySelectorAll(".finding").forEach((e) => {
      e.addEventListener("click", () => select(Number(e.dataset.f.split(" ")[0])));
    });
    showFindings(report.diagnostics);
    showRecords(report.references, report.diagnostics);
    svg($("pic-years"), view.pictures.years);
    svg($("pic-cited"), view.pictures.cited);
    svg($("pic-positions"), view.pictures.positions);
    const count = (s) => report.diagnostics.filter((d) => d.severity === s).length;
    $("summary").textContent = `${inp.name}: ${report.references.length} references, ${report.citations.length} citations; `
      + `${count("error")} errors, ${count("warning")} warnings, ${count("info")} notes`;
    $("results").hidden = false;
    status("Preparing the downloads…");
    await showDownloads(inp, view);
    status("Done.");
    document.body.setAttribute("data-state", "done");
  } catch (e) {
    status(e.message, true);
    document.body.setAttribute("data-state", "failed");
  }
}

document.addEventListener("DOMContentLoaded", () => {
  $("check").addEventListener("click", check);
  $("clear").addEventListener("click", () => {
    $("file").value = "";
    $("text").value = "";
    $("results").hidden = true;
    status("");
  });
  $("file").addEventListener("change", () => {
    const f = $("file").files[0];
    if (f) $("name").value = f.name;
  });
  $("locale").addEventListener("change", () => {
    if (!$("results").hidden) check();
  });
});
