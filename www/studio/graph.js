// The selected tree drawn as a graph: questions, branches with their conditions, outcomes
// coloured by verdict. dagre lays it out (layered, top to bottom, few crossings); this file only
// measures the boxes and draws what dagre placed, as SVG built with DOM calls (no markup strings,
// no inline styles: the colours are classes in studio.css).

import { dagre } from './vendor.js';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 220; // every box the same width, text wrapped to fit
const LINE = 16;
const CHARS = 30;

/** The verdicts, in the order the legend lists them; their colours are `.verdict-<id>` classes. */
export const VERDICTS = [
  ['yes', 'Yes'],
  ['yes_with_conditions', 'Yes, with conditions'],
  ['ask_first', 'Ask first'],
  ['no', 'No'],
  ['unclear', 'The code does not settle it'],
];

function el(name, attrs = {}, text) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Wraps text into at most `max` lines of about CHARS characters, the last cut with an ellipsis. */
function wrap(text, max) {
  const lines = [];
  let line = '';
  for (const word of String(text).split(/\s+/).filter(Boolean)) {
    if (line && (line + ' ' + word).length > CHARS) { lines.push(line); line = word; } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  if (lines.length > max) { lines.length = max; lines[max - 1] = lines[max - 1].replace(/\s*\S*$/, '') + '…'; }
  return lines;
}

/**
 * Draws `graph` ({ nodes, edges } from the studio's wasm) into `container`. `onChoose(line)` is
 * called when a box is chosen (click, Enter or Space).
 */
export function drawGraph(container, graph, onChoose) {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 24, ranksep: 46, edgesep: 12, marginx: 8, marginy: 8 });
  g.setDefaultEdgeLabel(() => ({}));
  const boxes = new Map();
  for (const n of graph.nodes) {
    const head = wrap(n.kind === 'question' ? (n.start ? 'Start: question' : 'Question') : n.label, 2);
    const lines = wrap(n.text, n.kind === 'question' ? 4 : 3);
    const height = 14 + LINE * (head.length + lines.length + 1);
    boxes.set(n.id, { n, head, lines });
    g.setNode(n.id, { width: WIDTH, height });
  }
  graph.edges.forEach((e, i) => {
    if (!boxes.has(e.to)) return;
    const words = wrap(e.condition, 2);
    g.setEdge(e.from, e.to, { label: words, width: Math.min(WIDTH, 8 + 7 * Math.max(...words.map((w) => w.length))), height: LINE * words.length + 4, labelpos: 'c' }, `b${i}`);
  });
  dagre.layout(g);

  const { width, height } = g.graph();
  const svg = el('svg', { width: Math.ceil(width), height: Math.ceil(height), viewBox: `0 0 ${Math.ceil(width)} ${Math.ceil(height)}`, role: 'group', 'aria-label': `The tree as a graph: ${graph.nodes.length} boxes` });
  const defs = el('defs');
  const marker = el('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 8, markerHeight: 8, orient: 'auto-start-reverse' });
  marker.append(el('path', { d: 'M0,0 L10,5 L0,10 z', class: 'graph-arrowhead' }));
  defs.append(marker);
  svg.append(defs);

  const edges = el('g', { class: 'graph-edges', 'aria-hidden': 'true' });
  for (const e of g.edges()) {
    const { points, x, y, label } = g.edge(e);
    edges.append(el('path', { class: 'graph-edge', d: `M${points.map((p) => `${p.x},${p.y}`).join(' L')}`, 'marker-end': 'url(#arrow)' }));
    const text = el('text', { class: 'graph-edge-label', x, y: y - (LINE * (label.length - 1)) / 2 + 4, 'text-anchor': 'middle' });
    label.forEach((line, i) => text.append(el('tspan', { x, dy: i === 0 ? 0 : LINE }, line)));
    const bg = el('rect', { class: 'graph-edge-label-bg', x: x - 2 - g.edge(e).width / 2, y: y - g.edge(e).height / 2, width: g.edge(e).width + 4, height: g.edge(e).height, rx: 3 });
    edges.append(bg, text);
  }
  svg.append(edges);

  const nodes = el('g', { class: 'graph-nodes' });
  for (const id of g.nodes()) {
    const { x, y, width: w, height: h } = g.node(id);
    const { n, head, lines } = boxes.get(id);
    const kind = n.kind === 'question' ? 'graph-question' : `graph-outcome verdict-${n.verdict}`;
    const group = el('g', {
      class: `graph-node ${kind}`, tabindex: 0, role: 'button', 'data-node': id,
      'aria-label': `${n.kind === 'question' ? 'Question' : `Outcome, ${n.label}`} ${id}: ${n.text}. Go to line ${n.line ?? 1}`,
    });
    group.append(el('rect', { x: x - w / 2, y: y - h / 2, width: w, height: h, rx: n.kind === 'question' ? 4 : 12 }));
    const text = el('text', { x: x - w / 2 + 10, y: y - h / 2 + 18 });
    head.forEach((line, i) => text.append(el('tspan', { class: 'graph-node-head', x: x - w / 2 + 10, dy: i ? LINE : 0 }, line)));
    text.append(el('tspan', { class: 'graph-node-id', x: x - w / 2 + 10, dy: LINE }, id));
    for (const line of lines) text.append(el('tspan', { x: x - w / 2 + 10, dy: LINE }, line));
    group.append(text);
    const choose = () => onChoose(n.line ?? 1);
    group.addEventListener('click', choose);
    group.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); choose(); } });
    nodes.append(group);
  }
  svg.append(nodes);
  container.replaceChildren(svg);
}

/** The legend: each verdict's colour and its words. */
export function drawLegend(list) {
  list.replaceChildren(...[['question', 'A question'], ...VERDICTS].map(([id, words]) => {
    const li = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = `legend-swatch ${id === 'question' ? 'graph-question' : `verdict-${id}`}`;
    li.append(swatch, document.createTextNode(words));
    return li;
  }));
}
