// The newsloom page: a hash-routed view over the JSON API. Every piece of stored text goes into
// the page through textContent, never as markup.
'use strict';

const app = document.getElementById('app');
const SVG_NS = 'http://www.w3.org/2000/svg';
const encoder = new TextEncoder();
const decoder = new TextDecoder();

// ---- small DOM helpers -------------------------------------------------------------------

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) if (child) node.append(child);
  return node;
}

function section(title, className, ...children) {
  return el('section', {class: 'section ' + (className || '')}, el('h2', {text: title}), ...children);
}

async function api(path) {
  const response = await fetch(path, {headers: {Accept: 'application/json'}});
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = null;
  }
  if (!response.ok) {
    const message = body && body.error ? body.error.message : response.statusText;
    const error = new Error(message);
    error.status = response.status;
    throw error;
  }
  return {body, headers: response.headers};
}

// ---- dates ---------------------------------------------------------------------------------

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function parseDay(iso) {
  if (!iso || !/^\d{4}-\d{2}(-\d{2})?$/.test(iso)) return null;
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d || 1) / 86400000;
}

function formatDate(iso) {
  if (!iso) return 'undated';
  const parts = iso.split('-').map(Number);
  if (parts.length === 1 || isNaN(parts[1])) return String(parts[0]);
  if (parts.length === 2) return `${MONTHS[parts[1] - 1]} ${parts[0]}`;
  return `${parts[2]} ${MONTHS[parts[1] - 1]} ${parts[0]}`;
}

function formatSpan(first, last) {
  if (!first && !last) return 'undated';
  if (!first || !last || first === last) return formatDate(first || last);
  const [fy, fm] = first.split('-');
  const [ly, lm] = last.split('-');
  if (fy === ly && fm === lm) return `${Number(first.slice(8))}–${formatDate(last)}`;
  if (fy === ly) return `${formatDate(first).replace(/ \d{4}$/, '')} – ${formatDate(last)}`;
  return `${formatDate(first)} – ${formatDate(last)}`;
}

function plural(n, word, words) {
  return `${n} ${n === 1 ? word : (words || word + 's')}`;
}

// ---- story helpers ---------------------------------------------------------------------------

// Counts of a story's articles: all, independent (originals) and copies.
function sourceCounts(story) {
  const articles = story.articles || [];
  const copies = articles.filter((a) => a.role && a.role !== 'original').length;
  const independent = story.sources_independent || articles.length - copies;
  return {total: articles.length, independent, copies};
}

// The first publisher: the earliest dated original, ties by listed order.
function firstPublisher(story) {
  let best = null;
  for (const a of story.articles || []) {
    if (a.role && a.role !== 'original') continue;
    if (!best || (a.published && (!best.published || a.published < best.published))) best = a;
  }
  return best;
}

function articleLink(citation, label) {
  const href = `#/article/${encodeURIComponent(citation.article_id)}?b=${citation.begin}&e=${citation.end}`;
  return el('a', {class: 'cite', href, title: 'Open the source sentence'}, label);
}

// What to call an article's publisher: its outlet, else its number in the story.
function outletOf(story, articleId) {
  const i = (story.articles || []).findIndex((x) => x.id === articleId);
  if (i < 0) return 'source';
  return story.articles[i].outlet || `source ${i + 1}`;
}

// Citation links [outlet] for every distinct article of `citations`.
function citationLinks(story, citations) {
  const seen = new Set();
  const links = [];
  for (const c of citations || []) {
    if (seen.has(c.article_id)) continue;
    seen.add(c.article_id);
    links.push(articleLink(c, outletOf(story, c.article_id)));
  }
  return el('span', {class: 'cites'}, links);
}

// ---- sparkline -------------------------------------------------------------------------------

function sparkline(articles) {
  const days = articles.map((a) => parseDay(a.published)).filter((d) => d !== null);
  const width = 120;
  const height = 28;
  if (!days.length) return null;
  const chart = svg('svg', {class: 'sparkline', viewBox: `0 0 ${width} ${height}`, width, height,
                           role: 'img', 'aria-label': 'Articles per day'});
  const first = Math.min(...days);
  const last = Math.max(...days);
  const span = Math.min(last - first + 1, 60);
  const counts = new Array(span).fill(0);
  for (const d of days) counts[Math.min(span - 1, Math.floor((d - first) * span / (last - first + 1)))]++;
  const max = Math.max(...counts);
  const bar = width / span;
  counts.forEach((c, i) => {
    if (!c) return;
    const h = Math.max(2, (c / max) * (height - 2));
    chart.append(svg('rect', {x: (i * bar + 0.5).toFixed(1), y: (height - h).toFixed(1),
                              width: Math.max(1, bar - 1).toFixed(1), height: h.toFixed(1),
                              class: 'spark-bar'}));
  });
  chart.append(svg('line', {x1: 0, y1: height - 0.5, x2: width, y2: height - 0.5, class: 'spark-axis'}));
  return chart;
}

function sparkOrNothing(story) {
  const chart = sparkline(story.articles || []);
  return chart ? el('div', {class: 'story-spark'}, chart) : null;
}

// ---- front page ------------------------------------------------------------------------------

const PAGE_SIZE = 20;

async function showFront(params) {
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const {body: stories, headers} = await api(`/api/stories?offset=${offset}&limit=${PAGE_SIZE}`);
  const total = Number(headers.get('X-Total-Count')) || stories.length;
  const list = el('ol', {class: 'story-list'});
  stories.forEach((story, i) => {
    const counts = sourceCounts(story);
    const lead = offset === 0 && i === 0;
    list.append(el('li', {class: 'story-item' + (lead ? ' lead' : '')},
      el('div', {class: 'story-text'},
        el('h2', {class: 'story-title'},
          el('a', {href: `#/story/${encodeURIComponent(story.id)}`, text: story.title || 'Untitled story'})),
        el('p', {class: 'story-meta'},
          el('span', {class: 'meta-date', text: formatSpan(story.first_published, story.last_published)}),
          el('span', {class: 'meta-sources',
                      text: `${plural(counts.independent, 'independent source')}` +
                            (counts.copies ? ` · ${plural(counts.copies, 'copy', 'copies')}` : '')}),
          el('span', {class: 'meta-articles', text: plural(counts.total, 'article')}))),
      sparkOrNothing(story)));
  });
  const pager = el('nav', {class: 'pager'});
  if (offset > 0) {
    pager.append(el('a', {class: 'button', href: `#/?offset=${Math.max(0, offset - PAGE_SIZE)}`, text: '← Newer'}));
  }
  if (offset + PAGE_SIZE < total) {
    pager.append(el('a', {class: 'button', href: `#/?offset=${offset + PAGE_SIZE}`, text: 'Older →'}));
  }
  render('Stories',
    el('div', {class: 'page-head'},
      el('h1', {text: 'Stories'}),
      el('p', {class: 'subtle', text: `${plural(total, 'story', 'stories')}, newest first`})),
    stories.length ? list : el('p', {class: 'empty', text: 'No stories yet. Ingest some pages first.'}),
    pager);
}

// ---- story page ------------------------------------------------------------------------------

// Story events on a date axis spanning the story's own days; background entries (well before
// the story) are drawn in a band of their own on the left, in date order, so that they do not
// squeeze the story's days into a corner.
function timelineChart(story, entries) {
  const dated = entries.filter((e) => parseDay(e.date) !== null);
  if (!dated.length) return null;
  const events = dated.filter((e) => !e.background);
  const background = dated.filter((e) => e.background);
  const width = Math.max(320, Math.min(720, app.clientWidth - 40));
  const narrow = width < 500;
  const axisY = 112;
  const left = 24;
  const right = 24;
  const bandW = background.length && events.length ? Math.round(width * 0.2) : 0;
  const eventDays = (events.length ? events : background).map((e) => parseDay(e.date));
  let first = Math.min(...eventDays);
  let last = Math.max(...eventDays);
  if (last === first) {
    first -= 1;
    last += 1;
  }
  const plotLeft = left + bandW + (bandW ? 16 : 0);
  const plotW = width - plotLeft - right;
  const x = (d) => plotLeft + ((d - first) / (last - first)) * plotW;
  const maxSupport = Math.max(1, ...dated.map((e) => e.independent_sources || 1));
  const chart = svg('svg', {class: 'timeline-chart', viewBox: `0 0 ${width} 150`,
                           role: 'img', 'aria-label': 'Timeline of the story'});
  chart.append(svg('line', {x1: plotLeft, y1: axisY, x2: width - right, y2: axisY, class: 'axis'}));
  const ticks = narrow ? 2 : 4;
  for (let i = 0; i <= ticks; i++) {
    const d = first + Math.round(((last - first) * i) / ticks);
    const iso = new Date(d * 86400000).toISOString().slice(0, 10);
    const tx = x(d);
    chart.append(svg('line', {x1: tx, y1: axisY, x2: tx, y2: axisY + 5, class: 'axis'}));
    chart.append(svg('text', {x: tx, y: axisY + 20, class: 'tick',
                              'text-anchor': i === 0 ? 'start' : i === ticks ? 'end' : 'middle',
                              text: formatDate(iso)}));
  }
  // A dot closer than two radii to one already drawn goes on top of it.
  const placed = [];
  const dot = (e, ex) => {
    const support = e.independent_sources || 1;
    const r = 4 + (6 * support) / maxSupport;
    let level = 0;
    while (placed.some((p) => p.level === level && Math.abs(p.x - ex) < p.r + r + 2)) level++;
    placed.push({x: ex, r, level});
    const cy = axisY - 16 - level * 22;
    if (cy < 12) return;
    chart.append(svg('line', {x1: ex, y1: axisY, x2: ex, y2: cy, class: 'stem'}));
    const circle = svg('circle', {cx: ex, cy, r, class: e.background ? 'dot background' : 'dot'});
    circle.append(svg('title', {text: `${formatDate(e.date)}: ${plural(support, 'source')}` +
                                      (e.background ? ' (background)' : '')}));
    chart.append(circle);
    if (support > 1) {
      // Beside the dot rather than above it, where a stacked dot would cover it.
      chart.append(svg('text', {x: ex + r + 2, y: cy + 3, class: 'support', 'text-anchor': 'start',
                                text: String(support)}));
    }
  };
  if (bandW) {
    chart.append(svg('line', {x1: left, y1: axisY, x2: left + bandW, y2: axisY, class: 'axis band'}));
    chart.append(svg('text', {x: left + bandW / 2, y: axisY + 20, class: 'tick', 'text-anchor': 'middle',
                              text: 'earlier'}));
    background.forEach((e, i) => dot(e, left + ((i + 0.5) * bandW) / background.length));
  }
  for (const e of events.length ? events : background) dot(e, x(parseDay(e.date)));
  const legend = el('p', {class: 'legend'},
    el('span', {class: 'key key-event', text: 'story events'}),
    background.length ? el('span', {class: 'key key-background', text: 'background'}) : null,
    el('span', {class: 'subtle', text: 'larger dot: more independent sources'}));
  return el('div', {class: 'chart-wrap'}, chart, legend);
}

function timelineList(story, entries) {
  const list = el('ol', {class: 'timeline-list'});
  for (const e of entries) {
    const best = (e.sources || [])[0];
    list.append(el('li', {class: e.background ? 'background' : ''},
      el('div', {class: 'tl-date'},
        el('span', {text: formatDate(e.date)}),
        e.background ? el('span', {class: 'badge muted', text: 'background'}) : null),
      el('div', {class: 'tl-text'},
        best ? el('p', {text: best.text}) : null,
        el('p', {class: 'tl-meta'},
          el('span', {class: 'subtle', text: plural(e.independent_sources || (e.sources || []).length, 'source') + ' · '}),
          citationLinks(story, e.sources)))));
  }
  return list;
}

function summarySection(story) {
  const items = [];
  for (const group of story.shared_sentences || []) {
    if (!group.length) continue;
    items.push(el('li', {}, el('span', {text: group[0].text}), ' ', citationLinks(story, group)));
    if (items.length >= 5) break;
  }
  if (!items.length) {
    // No sentence shared by several sources: the top entries of the timeline stand in.
    const entries = (story.timeline || []).filter((e) => !e.background && (e.sources || []).length)
      .sort((a, b) => (b.independent_sources || 0) - (a.independent_sources || 0)).slice(0, 4);
    for (const e of entries) {
      items.push(el('li', {}, el('span', {text: e.sources[0].text}), ' ', citationLinks(story, e.sources)));
    }
  }
  if (!items.length) return null;
  return section('Summary', 'summary', el('ul', {class: 'summary-list'}, items));
}

function sourcesSection(story) {
  const first = firstPublisher(story);
  const rows = (story.articles || []).slice().sort((a, b) =>
    (a.published || '9999') < (b.published || '9999') ? -1 : (a.published || '9999') > (b.published || '9999') ? 1 : 0);
  const table = el('table', {class: 'sources'},
    el('thead', {}, el('tr', {}, el('th', {text: 'Outlet'}), el('th', {text: 'Headline'}),
                     el('th', {text: 'Published'}), el('th', {text: 'Role'}))),
    el('tbody', {}, rows.map((a) => el('tr', {class: a.role && a.role !== 'original' ? 'copy' : ''},
      a.outlet ? el('td', {class: 'outlet', text: a.outlet}) :
        el('td', {class: 'outlet unknown', title: a.source || '', text: 'outlet unknown'}),
      el('td', {}, el('a', {href: `#/article/${encodeURIComponent(a.id)}`, text: a.title || 'Untitled'})),
      el('td', {class: 'nowrap', text: formatDate(a.published)}),
      el('td', {},
        first && a.id === first.id ? el('span', {class: 'badge first', text: 'first'}) : null,
        a.role && a.role !== 'original' ? el('span', {class: 'badge copy', text: a.role}) : null,
        (!a.role || a.role === 'original') && !(first && a.id === first.id) ?
          el('span', {class: 'badge muted', text: 'independent'}) : null)))));
  return section('Sources', 'sources-section', el('div', {class: 'table-wrap'}, table));
}

function entitiesSection(story) {
  const entities = story.entities || [];
  if (!entities.length) return null;
  const list = el('ul', {class: 'entity-list'});
  for (const e of entities.slice(0, 30)) {
    const variants = (e.variants || []).filter((v) => v !== e.name);
    list.append(el('li', {},
      el('div', {class: 'entity-head'},
        el('a', {href: `#/entity/${encodeURIComponent(e.id)}`, class: 'entity-name', text: e.name}),
        el('span', {class: `badge type-${(e.type || 'misc').toLowerCase()}`, text: typeName(e.type)}),
        el('span', {class: 'subtle', text: plural((e.mentions || []).length, 'mention')})),
      (e.roles || []).length ? el('p', {class: 'entity-roles', text: e.roles.join(', ')}) : null,
      variants.length ? el('p', {class: 'entity-variants', text: 'also: ' + variants.join(' · ')}) : null));
  }
  return section('People, organisations, places', 'entities', list);
}

function typeName(type) {
  return {PER: 'person', ORG: 'organisation', LOC: 'place', MISC: 'other'}[type] || 'other';
}

function quotesSection(story) {
  const quotes = story.quotes || [];
  if (!quotes.length) return null;
  const bySpeaker = new Map();
  for (const q of quotes) {
    const speaker = q.speaker || 'Unattributed';
    if (!bySpeaker.has(speaker)) bySpeaker.set(speaker, []);
    bySpeaker.get(speaker).push(q);
  }
  const groups = [...bySpeaker.entries()].sort((a, b) => b[1].length - a[1].length);
  const list = el('div', {class: 'quote-groups'});
  for (const [speaker, items] of groups.slice(0, 12)) {
    list.append(el('div', {class: 'quote-group'},
      el('h3', {text: speaker}),
      items.slice(0, 6).map((q) => el('blockquote', {class: q.kind === 'indirect' ? 'indirect' : ''},
        el('p', {text: q.kind === 'indirect' ? q.text : `“${q.text}”`}),
        el('footer', {}, citationLinks(story, q.citations))))));
  }
  return section('Who said what', 'quotes', list);
}

function claimsSection(story) {
  const claims = (story.claims || []).filter((c) => (c.values || []).length);
  if (!claims.length) return null;
  const differ = claims.filter((c) => c.status === 'differ');
  const shown = differ.length ? differ : claims;
  const list = el('div', {class: 'claims'});
  for (const c of shown.slice(0, 10)) {
    list.append(el('div', {class: 'claim'},
      el('h3', {}, el('span', {text: c.quantity || 'figure'}), ' ',
         el('span', {class: `badge status-${c.status}`, text: c.status === 'differ' ? 'sources differ' :
                                                              c.status === 'series' ? 'changes over time' : 'sources agree'})),
      el('ul', {}, c.values.map((v) => el('li', {},
        el('strong', {text: [v.value, v.unit].filter((x) => x !== undefined && x !== null && x !== '').join(' ')}),
        v.reference_date ? el('span', {class: 'subtle', text: ` as of ${formatDate(v.reference_date)}`}) : null,
        ' ', articleLink(v, outletOf(story, v.article_id)),
        v.text ? el('p', {class: 'claim-text', text: v.text}) : null)))));
  }
  return section(differ.length ? 'Where sources differ' : 'Figures reported', 'claims-section', list);
}

async function showStory(id) {
  const {body: story} = await api(`/api/stories/${encodeURIComponent(id)}`);
  const counts = sourceCounts(story);
  const entries = story.timeline || [];
  const timeline = entries.length ? section('Timeline', 'timeline',
    timelineChart(story, entries), timelineList(story, entries)) : null;
  render(story.title || 'Story',
    el('p', {class: 'crumbs'}, el('a', {href: '#/', text: '← All stories'})),
    el('header', {class: 'story-head'},
      el('h1', {class: 'story-headline', text: story.title || 'Untitled story'}),
      el('p', {class: 'story-meta'},
        el('span', {class: 'meta-date', text: formatSpan(story.first_published, story.last_published)}),
        el('span', {class: 'meta-sources', text: plural(counts.independent, 'independent source')}),
        counts.copies ? el('span', {text: plural(counts.copies, 'copy', 'copies')}) : null,
        el('span', {text: plural(counts.total, 'article')}))),
    el('div', {class: 'story-grid'},
      el('div', {class: 'story-main'},
        summarySection(story), timeline, quotesSection(story), claimsSection(story),
        sourcesSection(story)),
      el('aside', {class: 'story-side'}, entitiesSection(story))));
}

// ---- article view ----------------------------------------------------------------------------

// Splits body bytes [begin, end) at every span edge and gives each piece the spans covering it.
function renderSpans(bytes, begin, end, spans) {
  const edges = new Set([begin, end]);
  for (const s of spans) {
    if (s.end <= begin || s.begin >= end) continue;
    edges.add(Math.max(begin, s.begin));
    edges.add(Math.min(end, s.end));
  }
  const points = [...edges].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    const text = decoder.decode(bytes.subarray(a, b));
    const covering = spans.filter((s) => s.begin <= a && s.end >= b && s.end > s.begin);
    if (!covering.length) {
      out.push(document.createTextNode(text));
      continue;
    }
    const node = el('span', {class: covering.map((s) => s.cls).join(' ')}, text);
    const titles = covering.map((s) => s.title).filter(Boolean);
    if (titles.length) node.title = titles.join(' · ');
    if (covering.some((s) => s.cls.includes('cited'))) node.dataset.cited = '1';
    out.push(node);
  }
  return out;
}

async function showArticle(id, params) {
  const {body: a} = await api(`/api/articles/${encodeURIComponent(id)}`);
  const bytes = encoder.encode(a.body || '');
  const spans = [];
  for (const e of a.entities || []) spans.push({begin: e.begin, end: e.end, cls: `hl-entity type-${(e.type || 'misc').toLowerCase()}`, title: typeName(e.type)});
  for (const d of a.dates || []) spans.push({begin: d.begin, end: d.end, cls: 'hl-date', title: d.value ? `date: ${d.value}` : 'date'});
  for (const q of a.quotes || []) spans.push({begin: q.begin, end: q.end, cls: q.kind === 'indirect' ? 'hl-quote indirect' : 'hl-quote', title: q.speaker ? `said by ${q.speaker}` : 'quote'});
  const citedBegin = params.has('b') ? Number(params.get('b')) : null;
  const citedEnd = params.has('e') ? Number(params.get('e')) : null;
  if (citedBegin !== null && citedEnd > citedBegin) spans.push({begin: citedBegin, end: citedEnd, cls: 'cited', title: 'cited sentence'});
  const paragraphs = (a.paragraphs || []).filter((p) => p.end > p.begin);
  const ranges = paragraphs.length ? paragraphs : [{begin: 0, end: bytes.length}];
  const body = el('div', {class: 'article-body'},
    ranges.map((p) => el('p', {}, renderSpans(bytes, p.begin, p.end, spans))));
  // Quotes whose speaker is a name or title (capitalised), and direct quotes with none found.
  const named = (q) => /^\p{Lu}/u.test(q.speaker || '');
  const quotes = (a.quotes || []).filter((q) => named(q) || (q.kind !== 'indirect' && !q.speaker));
  render(a.title || 'Article',
    el('p', {class: 'crumbs'},
      a.story_id ? el('a', {href: `#/story/${encodeURIComponent(a.story_id)}`, text: '← Story'}) :
        el('a', {href: '#/', text: '← All stories'})),
    el('div', {class: 'article-grid'},
      el('article', {class: 'article'},
        el('header', {},
          el('p', {class: 'kicker', text: a.outlet || a.source || ''}),
          el('h1', {class: 'article-title', text: a.title || 'Untitled'}),
          a.subtitle ? el('p', {class: 'article-subtitle', text: a.subtitle}) : null,
          el('p', {class: 'story-meta'},
            el('span', {text: formatDate(a.published)}),
            a.byline ? el('span', {text: a.byline}) : null,
            a.url ? el('a', {href: a.url, rel: 'noopener noreferrer', target: '_blank', class: 'source-link', text: 'original page'}) : null)),
        el('p', {class: 'legend'},
          el('span', {class: 'hl-entity type-per', text: 'person'}),
          el('span', {class: 'hl-entity type-org', text: 'organisation'}),
          el('span', {class: 'hl-entity type-loc', text: 'place'}),
          el('span', {class: 'hl-date', text: 'date'}),
          el('span', {class: 'hl-quote', text: 'quote'})),
        body),
      el('aside', {class: 'article-side'},
        quotes.length ? section('Quotes', 'quotes', el('ul', {class: 'side-quotes'}, quotes.slice(0, 20).map((q) =>
          el('li', {}, el('strong', {text: q.speaker || 'Unattributed'}), ' ',
             el('span', {text: q.kind === 'indirect' ? q.text : `“${q.text}”`}))))) : null,
        (a.entities || []).length ? section('Names', 'names', el('ul', {class: 'side-names'},
          uniqueBy(a.entities, (e) => e.text).slice(0, 30).map((e) =>
            el('li', {}, el('span', {class: `hl-entity type-${(e.type || 'misc').toLowerCase()}`, text: e.text}))))) : null)));
  const cited = app.querySelector('[data-cited]');
  if (cited) cited.scrollIntoView({block: 'center'});
}

function uniqueBy(items, key) {
  const seen = new Set();
  return items.filter((x) => {
    const k = key(x);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

// ---- search ------------------------------------------------------------------------------------

function snippetNodes(snippet) {
  // Matches come in [brackets].
  const out = [];
  const re = /\[([^\]]*)\]/g;
  let last = 0;
  let m;
  while ((m = re.exec(snippet))) {
    out.push(document.createTextNode(snippet.slice(last, m.index)));
    out.push(el('mark', {text: m[1]}));
    last = re.lastIndex;
  }
  out.push(document.createTextNode(snippet.slice(last)));
  return out;
}

async function showSearch(params) {
  const fields = ['q', 'from', 'to', 'outlet', 'entity', 'window'];
  const input = (name, label, type, placeholder) => el('label', {class: 'field field-' + name},
    el('span', {text: label}),
    el('input', {name, type, value: params.get(name) || '', placeholder}));
  const form = el('form', {class: 'search-form', id: 'search-form'},
    input('q', 'Words', 'search', 'e.g. election results'),
    input('from', 'From', 'date'), input('to', 'To', 'date'),
    input('outlet', 'Outlet', 'text', 'any outlet'),
    input('entity', 'Mentions', 'text', 'person, organisation or place'),
    el('button', {type: 'submit', class: 'button primary', text: 'Search'}));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const query = new URLSearchParams();
    for (const name of fields) {
      if (!form.elements[name]) continue;  // window: a new search starts at the newest matches
      const value = form.elements[name].value.trim();
      if (value) query.set(name, value);
    }
    location.hash = '#/search?' + query.toString();
  });
  const results = el('div', {class: 'results'});
  render('Search', el('div', {class: 'page-head'}, el('h1', {text: 'Search'})), form, results);
  const query = new URLSearchParams();
  for (const name of fields) if (params.get(name)) query.set(name, params.get(name));
  if (!query.get('q') && !query.get('entity')) {
    results.append(el('p', {class: 'subtle', text: 'Search titles and text of every stored article.'}));
    return;
  }
  query.set('limit', '50');
  let hits;
  try {
    hits = (await api('/api/search?' + query.toString())).body;
  } catch (error) {
    results.append(el('p', {class: 'error', text: error.message}));
    return;
  }
  // The server ranks the newest matches (a window of them) by relevance; older ones window by window.
  const windowIndex = Number(query.get('window') || 0);
  const inWindow = windowIndex ? ` among older matches (window ${windowIndex + 1})` : ' among the newest matches';
  results.append(el('p', {class: 'subtle result-count', text: plural(hits.length, 'article') + ' found' + inWindow}));
  results.append(el('ol', {class: 'hit-list'}, hits.map((h) => el('li', {class: 'hit'},
    el('h2', {class: 'hit-title'}, el('a', {href: `#/article/${encodeURIComponent(h.article_id)}`, text: h.title || 'Untitled'})),
    el('p', {class: 'story-meta'},
      el('span', {text: h.outlet || h.source || ''}),
      el('span', {text: formatDate(h.published)}),
      h.story_id ? el('a', {href: `#/story/${encodeURIComponent(h.story_id)}`, text: 'open story'}) : null),
    el('p', {class: 'snippet'}, snippetNodes(h.snippet || ''))))));
  if (hits.length) {
    const older = new URLSearchParams(query);
    older.delete('limit');
    older.set('window', String(windowIndex + 1));
    results.append(el('p', {}, el('a', {class: 'button', id: 'older-matches', href: '#/search?' + older.toString(), text: 'Older matches'})));
  }
}

// ---- entity page -------------------------------------------------------------------------------

async function showEntity(id) {
  const {body: e} = await api(`/api/entities/${encodeURIComponent(id)}`);
  render(e.name,
    el('p', {class: 'crumbs'}, el('a', {href: '#/', text: '← All stories'})),
    el('header', {class: 'story-head'},
      el('h1', {class: 'story-headline', text: e.name}),
      el('p', {class: 'story-meta'},
        el('span', {class: `badge type-${(e.type || 'misc').toLowerCase()}`, text: typeName(e.type)}),
        el('span', {text: plural(e.mentions, 'mention')}),
        el('span', {text: plural(e.stories.length, 'story', 'stories')}))),
    (e.variants || []).length ? section('Also written as', '', el('p', {text: e.variants.join(' · ')})) : null,
    (e.roles || []).length ? section('Titles', '', el('p', {text: e.roles.join(', ')})) : null,
    section('Stories', '', el('ol', {class: 'story-list compact'}, e.stories.map((s) => el('li', {class: 'story-item'},
      el('div', {class: 'story-text'},
        el('h2', {class: 'story-title'}, el('a', {href: `#/story/${encodeURIComponent(s.story_id)}`, text: s.title || 'Untitled story'})),
        el('p', {class: 'story-meta'}, el('span', {text: plural(s.mentions, 'mention')}),
          el('span', {text: plural(s.articles, 'article')}))))))),
    el('p', {}, el('a', {class: 'button', href: `#/search?entity=${encodeURIComponent(e.name)}`, text: 'Search articles that mention ' + e.name})));
}

// ---- routing -----------------------------------------------------------------------------------

function render(title, ...children) {
  document.title = title === 'Stories' ? 'newsloom' : `${title} · newsloom`;
  app.replaceChildren(...children.filter(Boolean));
}

function showError(error) {
  const notFound = error.status === 404;
  render(notFound ? 'Not found' : 'Error',
    el('div', {class: 'error-page'},
      el('h1', {text: notFound ? 'Not found' : 'Something went wrong'}),
      el('p', {text: error.message || String(error)}),
      el('p', {}, el('a', {class: 'button', href: '#/', text: 'Back to the stories'}))));
}

async function route() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, query] = hash.split('?');
  const params = new URLSearchParams(query || '');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  for (const link of document.querySelectorAll('[data-nav]')) {
    link.classList.toggle('active', link.dataset.nav === (parts[0] === 'search' ? 'search' : parts.length ? '' : 'stories'));
  }
  app.setAttribute('aria-busy', 'true');
  try {
    if (!parts.length) await showFront(params);
    else if (parts[0] === 'story' && parts[1]) await showStory(parts[1]);
    else if (parts[0] === 'article' && parts[1]) await showArticle(parts[1], params);
    else if (parts[0] === 'entity' && parts[1]) await showEntity(parts[1]);
    else if (parts[0] === 'search') await showSearch(params);
    else throw Object.assign(new Error('There is no such page.'), {status: 404});
    if (!(parts[0] === 'article' && params.has('b'))) window.scrollTo(0, 0);
  } catch (error) {
    showError(error);
  } finally {
    app.setAttribute('aria-busy', 'false');
  }
}

document.getElementById('quick-search').addEventListener('submit', (event) => {
  event.preventDefault();
  const q = event.target.elements.q.value.trim();
  location.hash = '#/search' + (q ? '?q=' + encodeURIComponent(q) : '');
});
window.addEventListener('hashchange', route);
route();
