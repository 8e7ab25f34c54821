// strata's architecture explorer: draws the graph data strata wrote into
// this page (report_html.c), with no network and no server. Components are
// laid out in bands, one per layer (highest on top); a click opens a
// component into its modules and a module into its files, and every edge
// between what is shown is the import and include lines behind it.
"use strict";
(function () {
  const timings = { start: performance.now() };
  const data = JSON.parse(document.getElementById("strata-data").textContent);
  timings.parsed = performance.now();
  const SVG = "http://www.w3.org/2000/svg";
  const FLAG_VIOLATION = 1;
  const FLAG_CYCLE = 2;
  const BOX_HEIGHT = 38;
  const GAP = 10;
  const PAD = 10;
  const TITLE = 24;
  const MAX_EDGES = 2500; // more are drawn only where they touch the selection

  // ---------------------------------------------------------------------
  // The data, indexed

  const files = data.files.map((row, index) => ({
    index, path: row[0], module: row[1], component: row[2], language: data.languages[row[3]],
    inCycle: row[4] === 1, generated: row[5] === 1,
  }));
  const edges = [];
  for (let at = 0, index = 0; at + 5 < data.edges.length; at += 6, index++) {
    const row = data.edges;
    edges.push({ index, from: row[at], to: row[at + 1], kind: row[at + 2], line: row[at + 3],
      statement: data.statements[row[at + 4]], flags: row[at + 5] });
  }
  const outgoing = files.map(() => []);
  const incoming = files.map(() => []);
  for (const edge of edges) {
    outgoing[edge.from].push(edge);
    incoming[edge.to].push(edge);
  }
  // A component's modules: one node per (component, module), so that the
  // files of a module split over two components stay with their own.
  const componentModules = data.components.map(() => new Map());
  for (const file of files) {
    const modules = componentModules[file.component];
    if (!modules.has(file.module)) modules.set(file.module, []);
    modules.get(file.module).push(file.index);
  }
  const componentFiles = data.components.map(() => []);
  for (const file of files) componentFiles[file.component].push(file.index);

  // Keys are made once: shownAs runs for every line on every render.
  const componentKeys = data.components.map((component) => "component:" + component.name);
  const moduleKeys = data.components.map(() => new Map());
  const nodeKey = {
    component: (c) => componentKeys[c],
    module: (c, m) => {
      let key = moduleKeys[c].get(m);
      if (key === undefined)
        moduleKeys[c].set(m, key = "module:" + data.components[c].name + ":" + data.modules[m].name);
      return key;
    },
    file: (f) => "file:" + files[f].path,
  };
  // key -> {type, component, module, file, name, files: [file indices]}
  const nodes = new Map();
  data.components.forEach((component, c) => {
    nodes.set(nodeKey.component(c), { type: "component", component: c, name: component.name,
      files: componentFiles[c] });
    for (const [m, members] of componentModules[c])
      nodes.set(nodeKey.module(c, m), { type: "module", component: c, module: m,
        name: data.modules[m].name, files: members });
  });
  const fileNode = (f) => ({ type: "file", component: files[f].component, module: files[f].module,
    file: f, name: files[f].path, files: [f] });
  const lookup = (key) => nodes.get(key) ||
    (key.startsWith("file:") ? fileNode(fileIndex.get(key.slice(5))) : undefined);
  const fileIndex = new Map(files.map((file) => [file.path, file.index]));

  timings.indexed = performance.now();

  // ---------------------------------------------------------------------
  // State

  const expanded = new Set();
  let selected = null; // a node key or "edge:FROM->TO"
  let whyFrom = null, whyTo = null, whyPath = null;

  // The node a file is shown as: its component, its module, or itself.
  function shownAs(f) {
    const file = files[f];
    const component = nodeKey.component(file.component);
    if (!expanded.has(component)) return component;
    const module = nodeKey.module(file.component, file.module);
    if (!expanded.has(module)) return module;
    return nodeKey.file(f);
  }

  // ---------------------------------------------------------------------
  // Layout: bands of layers, each a flow of boxes and frames that wraps.

  const measure = document.createElement("canvas").getContext("2d");
  measure.font = "12px Helvetica, Arial, sans-serif";
  const textWidth = (text) => measure.measureText(text).width;
  const plural = (n, noun) => n + " " + noun + (n === 1 ? "" : "s");

  function caption(node) {
    if (node.type === "file")
      return files[node.file].language + (files[node.file].generated ? ", generated" : "");
    return plural(node.files.length, "file");
  }

  // A file is shown by its path below the folder its module's files share
  // ("modules/linear.py" in torch.nn), so that two __init__.py differ.
  const sharedFolder = new Map();
  function folderOf(c, m) {
    const key = c + ":" + m;
    if (!sharedFolder.has(key)) {
      const paths = componentModules[c].get(m).map((f) => files[f].path.split("/").slice(0, -1));
      let shared = paths[0];
      for (const parts of paths) {
        let n = 0;
        while (n < shared.length && n < parts.length && shared[n] === parts[n]) n++;
        shared = shared.slice(0, n);
      }
      sharedFolder.set(key, shared.length ? shared.join("/") + "/" : "");
    }
    return sharedFolder.get(key);
  }

  function label(node) {
    if (node.type !== "file") return node.name;
    const folder = folderOf(node.component, node.module);
    return node.name.startsWith(folder) && node.name.length > folder.length
      ? node.name.slice(folder.length) : node.name;
  }

  // Children of an expanded node, sorted by name.
  function children(key) {
    const node = nodes.get(key);
    if (node.type === "component")
      return [...componentModules[node.component].keys()]
        .sort((a, b) => data.modules[a].name.localeCompare(data.modules[b].name))
        .map((m) => nodeKey.module(node.component, m));
    return [...node.files].sort((a, b) => files[a].path.localeCompare(files[b].path))
      .map((f) => nodeKey.file(f));
  }

  // Lays out key within maxWidth: {key, width, height, children?: [{item, x, y}]}.
  function layoutItem(key, maxWidth) {
    const node = lookup(key);
    if (!expanded.has(key) || node.type === "file") {
      const width = Math.min(Math.max(textWidth(label(node)) + 22, 90), 340);
      return { key, width, height: BOX_HEIGHT };
    }
    const title = node.name + " (" + caption(node) + ")";
    const inner = flow(children(key), maxWidth - 2 * PAD);
    return { key, frame: true, title,
      width: Math.max(inner.width + 2 * PAD, textWidth(title) + 40),
      height: inner.height + TITLE + PAD, children: inner.placed.map((p) => (
        { item: p.item, x: p.x + PAD, y: p.y + TITLE })) };
  }

  function flow(keys, maxWidth) {
    const placed = [];
    let x = 0, y = 0, rowHeight = 0, width = 0;
    for (const key of keys) {
      const item = layoutItem(key, maxWidth);
      if (x > 0 && x + item.width > maxWidth) {
        x = 0;
        y += rowHeight + GAP;
        rowHeight = 0;
      }
      placed.push({ item, x, y });
      x += item.width + GAP;
      rowHeight = Math.max(rowHeight, item.height);
      width = Math.max(width, x - GAP);
    }
    return { placed, width, height: y + rowHeight };
  }

  function bands() {
    const result = [];
    const layerCount = data.layers.length;
    for (let l = 0; l < layerCount; l++)
      result.push({ title: "layer " + (l + 1) + ": " + data.layers[l],
        keys: data.components.map((c, i) => c.layer === l ? i : -1).filter((i) => i >= 0) });
    result.push({ title: layerCount ? "no layer" : "components",
      keys: data.components.map((c, i) => c.layer < 0 && !c.unassigned ? i : -1)
        .filter((i) => i >= 0) });
    result.push({ title: "files in no component",
      keys: data.components.map((c, i) => c.unassigned ? i : -1).filter((i) => i >= 0)
        .filter((i) => componentFiles[i].length > 0) });
    return result.filter((band) => band.keys.length > 0)
      .map((band) => ({ title: band.title, keys: band.keys.map(nodeKey.component) }));
  }

  // ---------------------------------------------------------------------
  // Drawing

  const svg = document.getElementById("map");
  const panel = document.getElementById("panel");
  let boxes = new Map(); // shown key -> {x, y, width, height}

  function element(name, attributes, parent) {
    const created = document.createElementNS(SVG, name);
    for (const [attribute, value] of Object.entries(attributes || {}))
      created.setAttribute(attribute, value);
    if (parent) parent.appendChild(created);
    return created;
  }

  function text(parent, x, y, content, attributes) {
    const created = element("text", Object.assign({ x, y }, attributes || {}), parent);
    created.textContent = content;
    return created;
  }

  function nodeClasses(node, key) {
    const classes = ["node", node.type];
    if (data.components[node.component].unassigned && node.type === "component")
      classes.push("unassigned");
    if (node.files.some((f) => files[f].inCycle)) classes.push("cycle");
    if (key === selected) classes.push("selected");
    if (whyPath && whyPath.nodes.has(key)) classes.push("why");
    return classes.join(" ");
  }

  function drawItem(layer, item, x, y) {
    const node = lookup(item.key);
    if (item.frame) {
      const group = element("g", { class: "frame " + nodeClasses(node, item.key).replace("node ", ""),
        "data-frame": item.key }, layer);
      element("rect", { class: "box", x, y, width: item.width, height: item.height }, group);
      const title = element("g", { class: "title", "data-node": item.key }, group);
      element("rect", { x, y, width: item.width, height: TITLE, fill: "transparent" }, title);
      text(title, x + 8, y + 16, "\u25be " + item.title);
      for (const child of item.children) drawItem(layer, child.item, x + child.x, y + child.y);
      return;
    }
    boxes.set(item.key, { x, y, width: item.width, height: item.height });
    const group = element("g", { class: nodeClasses(node, item.key), "data-node": item.key }, layer);
    element("rect", { x, y, width: item.width, height: item.height }, group);
    const name = label(node);
    const shown = textWidth(name) > item.width - 12
      ? name.slice(0, Math.floor((item.width - 24) / 6.5)) + "\u2026" : name;
    text(group, x + item.width / 2, y + 16, shown, { "text-anchor": "middle" });
    text(group, x + item.width / 2, y + 30, caption(node),
      { "text-anchor": "middle", class: "caption" });
    const tip = element("title", {}, group);
    tip.textContent = node.name;
  }

  // The edges between what is shown: the lines of the file graph, each at
  // the shown node of both its files; lines inside one shown node are not
  // drawn.
  function shownEdges() {
    const byPair = new Map();
    for (const edge of edges) {
      const from = shownAs(edge.from), to = shownAs(edge.to);
      if (from === to) continue;
      const pair = from + "->" + to;
      let entry = byPair.get(pair);
      if (!entry) byPair.set(pair, entry = { from, to, lines: [], kinds: new Map(), flags: 0 });
      entry.lines.push(edge);
      entry.flags |= edge.flags;
      entry.kinds.set(edge.kind, (entry.kinds.get(edge.kind) || 0) + 1);
    }
    return byPair;
  }

  // Distinct (file, line) pairs: `import a, b` is one line.
  const lineCount = (lines) => new Set(lines.map((e) => e.from * 1048576 + e.line)).size;

  function edgePath(a, b) {
    const ax = a.x + a.width / 2, bx = b.x + b.width / 2;
    if (b.y > a.y + a.height) {
      const y1 = a.y + a.height, y2 = b.y, mid = (y2 - y1) / 2;
      return [ax, y1, `M${ax},${y1} C${ax},${y1 + mid} ${bx},${y2 - mid} ${bx},${y2}`];
    }
    if (a.y > b.y + b.height) {
      const y1 = a.y, y2 = b.y + b.height, mid = (y1 - y2) / 2;
      return [ax, y1, `M${ax},${y1} C${ax},${y1 - mid} ${bx},${y2 + mid} ${bx},${y2}`];
    }
    // Side by side: an arc above them.
    const y = Math.min(a.y, b.y), lift = Math.min(60, 12 + Math.abs(bx - ax) / 6);
    return [ax, y, `M${ax},${y} C${ax},${y - lift} ${bx},${y - lift} ${bx},${y}`];
  }

  let drawnEdges = new Map();

  function drawEdges(layer, note) {
    const all = shownEdges();
    drawnEdges = all;
    let pairs = [...all.values()];
    let hidden = 0;
    if (pairs.length > MAX_EDGES) {
      const keep = pairs.filter((e) => e.from === selected || e.to === selected ||
        (e.flags & FLAG_VIOLATION) || ("edge:" + e.from + "->" + e.to) === selected);
      hidden = pairs.length - keep.length;
      pairs = keep;
    }
    for (const entry of pairs) {
      const a = boxes.get(entry.from), b = boxes.get(entry.to);
      if (!a || !b) continue;
      const key = "edge:" + entry.from + "->" + entry.to;
      let kind = 0, most = -1;
      for (const [k, count] of entry.kinds) if (count > most) { kind = k; most = count; }
      const classes = ["edge"];
      if (entry.flags & FLAG_VIOLATION) classes.push("violation");
      if (entry.flags & FLAG_CYCLE) classes.push("cycle");
      if (key === selected) classes.push("selected");
      if (whyPath && whyPath.edges.has(key)) classes.push("why");
      if (selected && !selected.startsWith("edge:") && entry.from !== selected &&
          entry.to !== selected) classes.push("dim");
      const group = element("g", { class: classes.join(" "), "data-edge": key }, layer);
      const [, , d] = edgePath(a, b);
      element("path", { class: "line", d, stroke: data.kinds[kind].color,
        "marker-end": "url(#arrow)" }, group);
      element("path", { class: "hit", d }, group);
      const violations = entry.lines.filter((e) => e.flags & FLAG_VIOLATION);
      const count = lineCount(entry.lines);
      const tip = element("title", {}, group);
      tip.textContent = entry.from + " \u2192 " + entry.to + ": " + plural(count, "line") +
        (violations.length ? ", " + plural(lineCount(violations), "violation") : "");
      if (pairs.length <= 400) {
        const bx = b.x + b.width / 2, by = b.y > a.y + a.height ? b.y - 4 : b.y + b.height + 11;
        text(group, bx + 4, by, violations.length
          ? count + " (" + plural(lineCount(violations), "violation") + ")" : String(count));
      }
    }
    if (hidden) note.textContent = hidden + " of " + all.size +
      " edges are drawn only when they touch the selected node";
  }

  function render() {
    svg.textContent = "";
    boxes = new Map();
    const defs = element("defs", {}, svg);
    const marker = element("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 9, refY: 5,
      markerWidth: 6, markerHeight: 6, orient: "auto-start-reverse" }, defs);
    element("path", { d: "M0,0 L10,5 L0,10 z", fill: "#666" }, marker);
    const width = Math.max(900, document.getElementById("canvas").clientWidth - 30);
    // Edges under the nodes, so that a click on a node is the node's.
    const backLayer = element("g", { id: "bands" }, svg);
    const edgeLayer = element("g", { id: "edges" }, svg);
    const nodeLayer = element("g", { id: "nodes" }, svg);
    let y = 20;
    for (const band of bands()) {
      const laid = flow(band.keys, width - 2 * PAD - 20);
      const height = laid.height + TITLE + PAD;
      element("rect", { class: "band", x: 10, y, width: width - 10, height, rx: 8 }, backLayer);
      text(backLayer, 20, y + 16, band.title, { class: "band-title" });
      for (const placed of laid.placed)
        drawItem(nodeLayer, placed.item, 10 + PAD + placed.x, y + TITLE + placed.y);
      y += height + 36;
    }
    const note = text(svg, 20, 12, "", { class: "note" });
    drawEdges(edgeLayer, note);
    svg.setAttribute("width", width + 20);
    svg.setAttribute("height", y);
  }

  // ---------------------------------------------------------------------
  // The panel

  function clear(element_) { element_.textContent = ""; return element_; }

  function add(parent, tag, content, className) {
    const created = document.createElement(tag);
    if (content !== undefined) created.textContent = content;
    if (className) created.className = className;
    parent.appendChild(created);
    return created;
  }

  function link(parent, content, action) {
    const anchor = add(parent, "a", content);
    anchor.addEventListener("click", action);
    return anchor;
  }

  function kindBadge(parent, kind) {
    const badge = add(parent, "span", data.kinds[kind].name, "kind");
    badge.style.background = data.kinds[kind].color;
  }

  // One line of the file graph: FILE:LINE [kind] statement -> target.
  function lineItem(list, edge, showTarget) {
    const item = add(list, "li", undefined, (edge.flags & FLAG_VIOLATION) ? "violation"
      : (edge.flags & FLAG_CYCLE) ? "cycle" : undefined);
    item.dataset.line = files[edge.from].path + ":" + edge.line;
    add(item, "span", files[edge.from].path + ":" + edge.line, "where");
    add(item, "span", " ");
    kindBadge(item, edge.kind);
    add(item, "code", edge.statement);
    if (showTarget) add(item, "span", " \u2192 " + files[edge.to].path);
    if (edge.flags & FLAG_VIOLATION) add(item, "span", " (breaks a rule)");
    else if (edge.flags & FLAG_CYCLE) add(item, "span", " (on a cycle)");
  }

  function sortLines(lines) {
    return [...lines].sort((a, b) => files[a.from].path.localeCompare(files[b.from].path) ||
      a.line - b.line || files[a.to].path.localeCompare(files[b.to].path));
  }

  function whyButtons() {
    const buttons = add(panel, "div");
    const from = add(buttons, "button", "why: from here");
    from.id = "why-from";
    from.addEventListener("click", () => { whyFrom = selected; findWhy(); });
    const to = add(buttons, "button", "why: to here");
    to.id = "why-to";
    to.addEventListener("click", () => { whyTo = selected; findWhy(); });
    if (whyFrom || whyTo)
      add(panel, "p", "why: from " + (whyFrom ? lookup(whyFrom).name : "?") + " to " +
        (whyTo ? lookup(whyTo).name : "?"), "hint");
  }

  function showNode(key) {
    const node = lookup(key);
    clear(panel);
    panel.dataset.showing = key;
    add(panel, "h2", node.name);
    const component = data.components[node.component];
    const layer = component.layer >= 0 ? "layer " + data.layers[component.layer] : "no layer";
    add(panel, "p", node.type + (node.type !== "component" ? " of " + component.name : "") +
      ", " + layer + (node.type !== "file" ? ", " + plural(node.files.length, "file") : ", " +
      files[node.file].language) + (node.files.some((f) => files[f].inCycle)
        ? ", on an import or include cycle" : ""));
    if (node.type !== "file") {
      const toggle = add(panel, "button", expanded.has(key) ? "close" : "open");
      toggle.addEventListener("click", () => toggleNode(key));
    }
    whyButtons();
    const inside = new Set(node.files);
    const out = [], into = [];
    for (const f of node.files) {
      for (const edge of outgoing[f]) if (!inside.has(edge.to)) out.push(edge);
      for (const edge of incoming[f]) if (!inside.has(edge.from)) into.push(edge);
    }
    if (whyPath && (whyPath.from === key || whyPath.to === key)) showWhy();
    const limit = 300;
    add(panel, "h3", "depends on: " + plural(lineCount(out), "line"));
    const outList = add(panel, "ul");
    outList.id = "outgoing";
    sortLines(out).slice(0, limit).forEach((edge) => lineItem(outList, edge, true));
    if (out.length > limit) add(panel, "p", (out.length - limit) + " more", "hint");
    add(panel, "h3", "depended on by: " + plural(lineCount(into), "line"));
    const inList = add(panel, "ul");
    inList.id = "incoming";
    sortLines(into).slice(0, limit).forEach((edge) => lineItem(inList, edge, true));
    if (into.length > limit) add(panel, "p", (into.length - limit) + " more", "hint");
  }

  function showEdge(key) {
    const entry = drawnEdges.get(key.slice(5));
    clear(panel);
    panel.dataset.showing = key;
    if (!entry) return;
    add(panel, "h2", lookup(entry.from).name + " \u2192 " + lookup(entry.to).name);
    const violations = entry.lines.filter((e) => e.flags & FLAG_VIOLATION);
    add(panel, "p", plural(lineCount(entry.lines), "line") +
      (violations.length ? ", " + lineCount(violations) + " breaking a layer or forbidden rule" : "") +
      ((entry.flags & FLAG_CYCLE) ? ", some on an import or include cycle" : ""));
    const list = add(panel, "ul");
    list.id = "lines";
    sortLines(entry.lines).forEach((edge) => lineItem(list, edge, true));
  }

  // ---------------------------------------------------------------------
  // Why: the shortest chain of lines from one node's files to another's.

  function findWhy() {
    whyPath = null;
    if (!whyFrom || !whyTo) { refresh(); return; }
    const sources = lookup(whyFrom).files, targets = new Set(lookup(whyTo).files);
    const via = new Map();
    let queue = [...sources];
    const seen = new Set(sources);
    let found = -1;
    while (queue.length && found < 0) {
      const next = [];
      for (const f of queue) {
        for (const edge of outgoing[f]) {
          if (seen.has(edge.to)) continue;
          seen.add(edge.to);
          via.set(edge.to, edge);
          if (targets.has(edge.to)) { found = edge.to; break; }
          next.push(edge.to);
        }
        if (found >= 0) break;
      }
      queue = next;
    }
    const steps = [];
    for (let f = found; f >= 0 && via.has(f); f = via.get(f).from) steps.unshift(via.get(f));
    whyPath = { from: whyFrom, to: whyTo, steps, nodes: new Set(), edges: new Set() };
    refresh();
  }

  function markWhy() {
    if (!whyPath) return;
    whyPath.nodes = new Set([whyPath.from, whyPath.to]);
    whyPath.edges = new Set();
    for (const step of whyPath.steps) {
      const a = shownAs(step.from), b = shownAs(step.to);
      whyPath.nodes.add(a);
      whyPath.nodes.add(b);
      if (a !== b) whyPath.edges.add("edge:" + a + "->" + b);
    }
  }

  function showWhy() {
    const box = add(panel, "div");
    box.id = "why";
    add(box, "h3", "why " + lookup(whyPath.from).name + " reaches " + lookup(whyPath.to).name);
    if (!whyPath.steps.length) {
      add(box, "p", "no path from " + lookup(whyPath.from).name + " to " + lookup(whyPath.to).name);
      return;
    }
    add(box, "p", plural(whyPath.steps.length, "step"), "hint");
    const list = add(box, "ol");
    whyPath.steps.forEach((edge) => lineItem(list, edge, true));
  }

  // ---------------------------------------------------------------------
  // Interaction

  function refresh() {
    markWhy();
    render();
    if (!selected) return;
    if (selected.startsWith("edge:")) showEdge(selected);
    else showNode(selected);
    if (whyPath && !selected.startsWith("edge:") && whyPath.from !== selected &&
        whyPath.to !== selected) showWhy();
  }

  function toggleNode(key) {
    if (expanded.has(key)) {
      expanded.delete(key);
      // Closing a component closes its modules too.
      for (const open of [...expanded])
        if (open.startsWith("module:" + key.slice("component:".length) + ":")) expanded.delete(open);
    } else {
      expanded.add(key);
    }
    selected = key;
    refresh();
  }

  svg.addEventListener("click", (event) => {
    const edge = event.target.closest("[data-edge]");
    if (edge) { selected = edge.dataset.edge; refresh(); return; }
    const node = event.target.closest("[data-node]");
    if (!node) return;
    const key = node.dataset.node;
    if (lookup(key).type === "file") { selected = key; refresh(); return; }
    toggleNode(key);
  });

  // Opens what holds key, selects it and brings it into view.
  function reveal(key) {
    const node = lookup(key);
    if (!node) return;
    if (node.type !== "component") expanded.add(nodeKey.component(node.component));
    if (node.type === "file") expanded.add(nodeKey.module(node.component, node.module));
    selected = key;
    refresh();
    const shown = svg.querySelector(`[data-node="${CSS.escape(key)}"]`);
    if (shown) {
      shown.classList.add("flash");
      shown.scrollIntoView({ block: "center", inline: "center" });
      setTimeout(() => shown.classList.remove("flash"), 1200);
    }
  }

  const searchInput = document.getElementById("search-input");
  const results = document.getElementById("search-results");
  let searchable = null; // made at the first search, not when the page opens

  function search(query) {
    if (!searchable)
      searchable = [...nodes.entries()].map(([key, node]) => ({ key, what: node.type,
        name: node.name, alias: node.type === "module" ? data.modules[node.module].alias : null }))
        .concat(files.map((file) => ({ key: nodeKey.file(file.index), what: "file",
          name: file.path })));
    clear(results);
    const wanted = query.trim().toLowerCase();
    if (!wanted) return [];
    const scored = [];
    for (const entry of searchable) {
      const name = entry.name.toLowerCase(), alias = (entry.alias || "").toLowerCase();
      const at = Math.min(...[name.indexOf(wanted), alias.indexOf(wanted)].filter((i) => i >= 0)
        .concat([Infinity]));
      if (at === Infinity) continue;
      const exact = name === wanted || alias === wanted;
      scored.push({ entry, score: (exact ? 0 : 1e6) + (entry.what === "file" ? 1e4 : 0) + at * 100 +
        name.length });
      if (scored.length > 5000) break;
    }
    scored.sort((a, b) => a.score - b.score);
    const shown = scored.slice(0, 25).map((s) => s.entry);
    for (const entry of shown) {
      const item = add(results, "li");
      item.dataset.key = entry.key;
      add(item, "span", entry.what, "what");
      add(item, "span", entry.name + (entry.alias ? " (" + entry.alias + ")" : ""));
      item.addEventListener("click", () => { clear(results); reveal(entry.key); });
    }
    return shown;
  }

  searchInput.addEventListener("input", () => search(searchInput.value));
  document.getElementById("search").addEventListener("submit", (event) => {
    event.preventDefault();
    const shown = search(searchInput.value);
    clear(results);
    if (shown.length) reveal(shown[0].key);
  });

  // ---------------------------------------------------------------------
  // Header

  function header() {
    document.getElementById("title").textContent = data.title + ": architecture explorer";
    document.title = data.title + ": strata architecture explorer";
    const found = data.findings.map((f) => f.count + " " + f.rule).join(", ");
    document.getElementById("summary").textContent = plural(files.length, "file") + ", " +
      plural(lineCount(edges), "line") + " between them; modules at depth " + data.depth +
      (found ? "; findings: " + found : "; no findings");
    const legend = document.getElementById("legend");
    const entries = data.kinds.map((kind) => [kind.color, "", kind.name])
      .concat([["#d62728", "", "breaks a layer or forbidden rule"],
        ["#e69f00", "6 3", "on an import or include cycle"]]);
    for (const [color, dash, what] of entries) {
      const item = add(legend, "li");
      const icon = element("svg", { width: 26, height: 8 }, item);
      element("line", { x1: 0, y1: 4, x2: 26, y2: 4, stroke: color, "stroke-width": 2.5,
        "stroke-dasharray": dash }, icon);
      add(item, "span", what);
    }
  }

  header();
  render();
  timings.drawn = performance.now();
  document.body.dataset.timings = Object.entries(timings)
    .map(([phase, at]) => phase + " " + Math.round(at)).join(", ");
  document.body.dataset.ready = String(Math.round(performance.now()));
  window.strataExplorer = { data, reveal, select: (key) => { selected = key; refresh(); } };
})();
