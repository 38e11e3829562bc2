// The query page: an editor, example queries over the plankg RDF model, a result table, downloads.
// Everything from the server is data: it is written with textContent, never parsed as HTML.
"use strict";

const PREFIXES = `PREFIX pk: <https://w3id.org/plankg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX p-plan: <http://purl.org/net/p-plan#>
`;

const EXAMPLES = [
  {
    title: "Glossary lookup: a term's definitions, per plan",
    query: `${PREFIXES}
# Bind the label you look up, e.g.  VALUES ?label { "…"@zh }
SELECT ?label ?definition ?plan WHERE {
  ?sense a pk:TermSense ;
         skos:prefLabel ?label ;
         skos:definition ?definition ;
         prov:wasDerivedFrom ?plan .
}
ORDER BY ?label
LIMIT 100`,
  },
  {
    title: "Tasks of an agency",
    query: `${PREFIXES}
# Bind the agency, e.g.  VALUES ?agencyName { "…"@zh }
SELECT ?agencyName ?task ?title ?due WHERE {
  ?agency skos:prefLabel ?agencyName .
  ?task a pk:Task ;
        pk:leadAgency|pk:responsibleAgency ?agency ;
        rdfs:label ?title .
  OPTIONAL { ?task pk:dueText ?due }
}
ORDER BY ?agencyName ?task
LIMIT 200`,
  },
  {
    title: "Transitive prerequisites (pk:requires+)",
    query: `${PREFIXES}
SELECT ?task ?taskLabel ?prerequisite ?prerequisiteLabel WHERE {
  ?task pk:requires+ ?prerequisite .
  OPTIONAL { ?task rdfs:label|skos:prefLabel ?taskLabel }
  OPTIONAL { ?prerequisite rdfs:label|skos:prefLabel ?prerequisiteLabel }
}
LIMIT 200`,
  },
  {
    title: "Counts per plan: tasks, glossary senses, targets",
    query: `${PREFIXES}
SELECT ?plan ?title
       (COUNT(DISTINCT ?task) AS ?tasks)
       (COUNT(DISTINCT ?sense) AS ?senses)
       (COUNT(DISTINCT ?target) AS ?targets) WHERE {
  ?plan a pk:Plan ; dcterms:title ?title .
  OPTIONAL { ?task p-plan:isStepOfPlan ?plan }
  OPTIONAL { ?sense a pk:TermSense ; prov:wasDerivedFrom ?plan }
  OPTIONAL { ?target a pk:Target ; prov:wasDerivedFrom ?plan }
}
GROUP BY ?plan ?title
ORDER BY DESC(?tasks)`,
  },
];

const editor = document.getElementById("query");
const picker = document.getElementById("example");
const statusLine = document.getElementById("status");
const errorBox = document.getElementById("error");
const table = document.getElementById("results");
const graphBox = document.getElementById("graph");

EXAMPLES.forEach((example, index) => {
  const option = document.createElement("option");
  option.value = String(index);
  option.textContent = example.title;
  picker.appendChild(option);
});
picker.addEventListener("change", () => { editor.value = EXAMPLES[Number(picker.value)].query; });
editor.value = new URLSearchParams(location.search).get("q") || EXAMPLES[0].query;

function post(extra, accept) {
  const body = new URLSearchParams({ query: editor.value, ...extra });
  return fetch(location.pathname, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: accept },
    body,
  });
}

function clear() {
  errorBox.hidden = true;
  graphBox.hidden = true;
  table.tHead.replaceChildren();
  table.tBodies[0].replaceChildren();
}

function cell(term) {
  const td = document.createElement("td");
  if (!term) return td;
  if (term.type === "uri" && /^https?:\/\//.test(term.value)) {
    const link = document.createElement("a");
    link.href = term.value;
    link.textContent = term.value;
    td.appendChild(link);
  } else {
    td.textContent = term.type === "bnode" ? `_:${term.value}` : term.value;
    if (term["xml:lang"]) td.title = `@${term["xml:lang"]}`;
    else if (term.datatype) td.title = term.datatype;
  }
  return td;
}

function showResults(data) {
  if ("boolean" in data) {
    statusLine.textContent = `ASK: ${data.boolean}`;
    return;
  }
  const head = document.createElement("tr");
  for (const name of data.head.vars) {
    const th = document.createElement("th");
    th.textContent = name;
    head.appendChild(th);
  }
  table.tHead.appendChild(head);
  const rows = document.createDocumentFragment();
  for (const binding of data.results.bindings) {
    const row = document.createElement("tr");
    for (const name of data.head.vars) row.appendChild(cell(binding[name]));
    rows.appendChild(row);
  }
  table.tBodies[0].appendChild(rows);
  statusLine.textContent = `${data.results.bindings.length} rows`;
}

async function run() {
  clear();
  statusLine.textContent = "running…";
  const started = performance.now();
  try {
    const response = await post({}, "application/sparql-results+json, text/turtle;q=0.9");
    const text = await response.text();
    if (!response.ok) {
      statusLine.textContent = `HTTP ${response.status}`;
      errorBox.textContent = text;
      errorBox.hidden = false;
      return;
    }
    if ((response.headers.get("Content-Type") || "").includes("json")) showResults(JSON.parse(text));
    else { graphBox.textContent = text; graphBox.hidden = false; statusLine.textContent = ""; }
    statusLine.textContent += ` · ${Math.round(performance.now() - started)} ms`;
  } catch (error) {
    statusLine.textContent = "";
    errorBox.textContent = String(error);
    errorBox.hidden = false;
  }
}

async function download(format) {
  const response = await post({ format }, "*/*");
  if (!response.ok) {
    errorBox.textContent = await response.text();
    errorBox.hidden = false;
    return;
  }
  const link = document.createElement("a");
  link.href = URL.createObjectURL(await response.blob());
  link.download = `results.${format}`;
  link.click();
  URL.revokeObjectURL(link.href);
}

document.getElementById("run").addEventListener("click", run);
editor.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); run(); }
});
for (const button of document.querySelectorAll("[data-download]")) {
  button.addEventListener("click", () => download(button.dataset.download));
}
