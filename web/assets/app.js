// diar's page: search, document and status views over the JSON API.
// Everything that comes from a document is put on the page with
// textContent or as an attribute value, never as HTML.
'use strict';

const PAGE_SIZE = 20;
const FACET_TOP = 10;
// Facets in the panel, with their Swedish names; the keys are the API's
// filter parameters.
const FACETS = [
  ['body', 'Organ'], ['plan', 'Plan'], ['type', 'Dokumenttyp'], ['topic', 'Ämne'],
  ['county', 'Län'], ['year', 'År'], ['issuer', 'Utfärdare'],
];
const FILTER_FIELDS = ['body', 'plan', 'type', 'topic', 'county', 'year', 'issuer', 'dnr'];
const FIELD_NAMES = Object.fromEntries([...FACETS, ['dnr', 'Diarienummer']]);
const MENTION_TYPES = [['body', 'Organ'], ['plan', 'Planer'], ['date', 'Datum'], ['period', 'Perioder'], ['dnr', 'Diarienummer']];
const CUE_FIELDS = { title: 'Titel', type: 'Typ', issuer: 'Utfärdare', county: 'Län', date: 'Datum', dnr: 'Dnr', topic: 'Ämne' };

// --- token: given once as ?token=T, kept for the tab, sent with every request.
(function takeToken() {
  const params = new URLSearchParams(location.search);
  if (!params.has('token')) return;
  sessionStorage.setItem('diar-token', params.get('token'));
  params.delete('token');
  const rest = params.toString();
  history.replaceState(null, '', location.pathname + (rest ? '?' + rest : ''));
})();
const token = () => sessionStorage.getItem('diar-token') || '';
function withToken(url) {
  if (!token()) return url;
  return url + (url.includes('?') ? '&' : '?') + 'token=' + encodeURIComponent(token());
}

async function api(path) {
  const headers = token() ? { 'X-Diar-Token': token() } : {};
  const response = await fetch(path, { headers });
  let body = null;
  try { body = await response.json(); } catch (e) { /* not JSON */ }
  if (!response.ok) {
    const message = body && body.error ? body.error.message : 'Servern svarade ' + response.status;
    throw new Error(message);
  }
  return body;
}

// --- DOM helpers: el('p', {class: 'x'}, 'text', child) — strings become text nodes.
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function main() { return document.getElementById('main'); }

// Replaces the view; absent parts (null, false) are left out.
function render(...nodes) {
  main().replaceChildren(...nodes.flat().filter((n) => n !== null && n !== undefined && n !== false));
}

function showError(message) {
  render(el('p', { class: 'error', role: 'alert' }, message));
}

function number(n) { return Number(n).toLocaleString('sv-SE'); }

// A snippet with matches marked «like this»: text and <mark>, never HTML.
function snippetNodes(snippet) {
  const nodes = [];
  let rest = snippet;
  for (;;) {
    const open = rest.indexOf('«');
    const close = open < 0 ? -1 : rest.indexOf('»', open + 1);
    if (open < 0 || close < 0) { nodes.push(rest); break; }
    nodes.push(rest.slice(0, open), el('mark', {}, rest.slice(open + 1, close)));
    rest = rest.slice(close + 1);
  }
  return nodes;
}

// --- the search state, read from and written to the URL ------------------
function readState(search) {
  const params = new URLSearchParams(search);
  const filters = [];
  for (const field of FILTER_FIELDS) for (const value of params.getAll(field)) if (value) filters.push([field, value]);
  return {
    q: params.get('q') || '',
    filters,
    from: params.get('from') || '',
    to: params.get('to') || '',
    sort: params.get('sort') === 'date' ? 'date' : 'relevance',
    page: Math.max(1, parseInt(params.get('page') || '1', 10) || 1),
  };
}

function stateParams(state, withPage) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const [field, value] of state.filters) params.append(field, value);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.sort === 'date') params.set('sort', 'date');
  if (withPage && state.page > 1) params.set('page', String(state.page));
  return params;
}

function go(state) {
  const query = stateParams(state, true).toString();
  history.pushState(null, '', '/' + (query ? '?' + query : ''));
  route();
}

// --- search view ----------------------------------------------------------
function searchForm(state) {
  const q = el('input', { id: 'q', name: 'q', type: 'search', value: state.q, autocomplete: 'off',
                          placeholder: 't.ex. regional utveckling organ:regionstyrelsen' });
  const from = el('input', { id: 'from', class: 'date', name: 'from', value: state.from, placeholder: 'ÅÅÅÅ-MM-DD' });
  const to = el('input', { id: 'to', class: 'date', name: 'to', value: state.to, placeholder: 'ÅÅÅÅ-MM-DD' });
  const sort = el('select', { id: 'sort', name: 'sort' },
    el('option', { value: 'relevance', selected: state.sort === 'relevance' }, 'Relevans'),
    el('option', { value: 'date', selected: state.sort === 'date' }, 'Datum, nyast först'));
  const form = el('form', { class: 'search', role: 'search', onsubmit: (event) => {
    event.preventDefault();
    go({ ...state, q: q.value.trim(), from: from.value.trim(), to: to.value.trim(), sort: sort.value, page: 1 });
  } },
    el('label', { for: 'q' }, 'Sök i handlingarna', q),
    el('label', { for: 'from' }, 'Från datum', from),
    el('label', { for: 'to' }, 'Till datum', to),
    el('label', { for: 'sort' }, 'Sortera', sort),
    el('button', { type: 'submit' }, 'Sök'));
  return form;
}

function activeFilters(state) {
  if (!state.filters.length) return el('div', { id: 'active-filters', 'aria-label': 'Aktiva filter' });
  return el('div', { id: 'active-filters', role: 'group', 'aria-label': 'Aktiva filter' },
    state.filters.map(([field, value], i) => el('button', {
      type: 'button', 'data-field': field, 'data-value': value,
      'aria-label': 'Ta bort filtret ' + FIELD_NAMES[field] + ': ' + value,
      onclick: () => go({ ...state, filters: state.filters.filter((_, k) => k !== i), page: 1 }),
    }, FIELD_NAMES[field] + ': ' + value + ' ✕')));
}

function facetPanel(state, facets) {
  const panel = el('nav', { class: 'facets', 'aria-label': 'Filtrera resultatet' });
  for (const [field, name] of FACETS) {
    const facet = facets[field];
    if (!facet || !facet.values.length) continue;
    const list = el('ul', { id: 'facet-' + field });
    const items = facet.values.map((v) => el('li', {}, el('button', {
      type: 'button', class: 'facet-value', 'data-field': field, 'data-value': v.value, 'data-count': v.count,
      'aria-label': name + ': ' + v.value + ', ' + v.count + ' dokument',
      onclick: () => go({ ...state, filters: [...state.filters, [field, v.value]], page: 1 }),
    }, el('span', {}, v.value), el('span', { class: 'count' }, number(v.count)))));
    list.append(...items.slice(0, FACET_TOP));
    const section = el('section', { 'aria-labelledby': 'facet-h-' + field },
      el('h2', { id: 'facet-h-' + field }, name), list);
    if (items.length > FACET_TOP) {
      const more = el('button', { type: 'button', class: 'more', 'aria-expanded': 'false',
                                  'aria-controls': 'facet-' + field }, 'visa fler');
      more.addEventListener('click', () => {
        const open = more.getAttribute('aria-expanded') === 'true';
        list.replaceChildren(...(open ? items.slice(0, FACET_TOP) : items));
        more.setAttribute('aria-expanded', String(!open));
        more.textContent = open ? 'visa fler' : 'visa färre';
      });
      section.append(more);
    }
    panel.append(section);
  }
  return panel;
}

function exportLinks(state) {
  const base = stateParams(state, false);
  const link = (label, extra) => {
    const params = new URLSearchParams(base);
    for (const [k, v] of Object.entries(extra)) params.set(k, v);
    return el('a', { href: withToken('/api/export?' + params.toString()), download: '', class: 'export' }, label);
  };
  return el('div', { class: 'exports', role: 'group', 'aria-label': 'Exportera resultatet' },
    'Exportera:',
    link('Omnämnanden (CSV för Excel)', { format: 'csv', excel: '1' }),
    link('Omnämnanden (JSON Lines)', { format: 'jsonl' }),
    link('Dokumenttabell (CSV för Excel)', { format: 'csv', records: 'documents', excel: '1' }));
}

function hitItem(hit) {
  const meta = [hit.type, hit.date, hit.issuer, hit.dnr ? 'dnr ' + hit.dnr : ''].filter(Boolean).join(' · ');
  const snippets = hit.snippets || (hit.snippet ? [{ text: hit.snippet }] : []);
  return el('li', { class: 'hit' },
    el('h3', {}, el('a', { href: '/dokument/' + encodeURIComponent(hit.id) }, hit.title || hit.id)),
    el('div', { class: 'meta' }, meta || 'Okänd typ och datum'),
    snippets.map((s) => el('p', { class: 'snippet' }, snippetNodes(s.text),
      s.page ? el('span', { class: 'page-ref' }, ' (sida ' + s.page + ')') : null)));
}

function paging(state, total) {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return el('nav', { class: 'paging', 'aria-label': 'Sidor' },
    el('button', { type: 'button', id: 'prev', disabled: state.page <= 1,
                   onclick: () => go({ ...state, page: state.page - 1 }) }, '← Föregående'),
    el('span', {}, 'Sida ' + state.page + ' av ' + pages),
    el('button', { type: 'button', id: 'next', disabled: state.page >= pages,
                   onclick: () => go({ ...state, page: state.page + 1 }) }, 'Nästa →'));
}

async function searchView() {
  const state = readState(location.search);
  document.title = (state.q ? state.q + ' – ' : '') + 'diar';
  const params = stateParams(state, false);
  params.set('facets', '1');
  params.set('limit', String(PAGE_SIZE));
  params.set('offset', String((state.page - 1) * PAGE_SIZE));
  const form = searchForm(state);
  let result;
  try {
    result = await api('/api/search?' + params.toString());
  } catch (e) {
    render(form, activeFilters(state), el('p', { class: 'error', role: 'alert' }, e.message));
    return;
  }
  // Nothing matched the query as typed and the server searched its
  // correction: say so, and let facets, paging and exports go by the search
  // shown.
  let instead = null;
  if (result.searched_instead) {
    instead = el('p', { class: 'instead', role: 'status' }, 'Sökte på ”',
      el('strong', {}, result.searched_instead), '” i stället för ”' + state.q +
      '”: ett ord i den finns inte i något dokument.');
    state.q = result.searched_instead;
    history.replaceState(null, '', '/?' + stateParams(state, true).toString());
  }
  const shownForm = instead ? searchForm(state) : form;
  const summary = el('div', { class: 'summary' },
    el('p', { role: 'status' }, el('strong', { id: 'total' }, number(result.total)),
      result.total === 1 ? ' dokument' : ' dokument', state.q ? ' för ”' + state.q + '”' : ''),
    exportLinks(state));
  const suggestion = result.suggestion ? el('p', {}, 'Menade du ',
    el('a', { href: '/?' + stateParams({ ...state, q: result.suggestion, page: 1 }, false).toString() },
      result.suggestion), '?') : null;
  render(shownForm, activeFilters(state),
    el('div', { class: 'layout' }, facetPanel(state, result.facets || {}),
      el('section', { 'aria-label': 'Resultat' }, instead, summary, suggestion,
        el('ol', { class: 'hits', start: (state.page - 1) * PAGE_SIZE + 1 }, result.hits.map(hitItem)),
        paging(state, result.total))));
}

// --- document view --------------------------------------------------------
// The text as nodes: page marks at page starts, each stretch covered by
// mentions wrapped in one <mark> coloured by its innermost mention, and the
// first stretch of each mention given the id its list entry scrolls to.
// Offsets are code points, as the API gives them.
function markedText(doc) {
  const chars = Array.from(doc.text);
  const cuts = new Set([0, chars.length]);
  doc.page_starts.forEach((start) => cuts.add(Math.min(start, chars.length)));
  doc.mentions.forEach((m) => { cuts.add(Math.min(m.start, chars.length)); cuts.add(Math.min(m.end, chars.length)); });
  const sorted = [...cuts].sort((a, b) => a - b);
  const pageAt = new Map(doc.page_starts.map((start, i) => [start, i + 1]));
  const firstOf = new Map();
  const nodes = [];
  for (let k = 0; k + 1 < sorted.length; ++k) {
    const [a, b] = [sorted[k], sorted[k + 1]];
    if (pageAt.has(a) && doc.pages > 1) {
      const page = pageAt.get(a);
      nodes.push(doc.format === 'pdf'
        ? el('a', { class: 'page-mark', href: pdfUrl(doc.id, page), target: '_blank', rel: 'noopener',
                    title: 'Öppna PDF-filen på sidan ' + page }, 'sida ' + page)
        : el('span', { class: 'page-mark', 'aria-hidden': 'true' }, 'sida ' + page));
    }
    const covering = [];
    doc.mentions.forEach((m, i) => { if (m.start <= a && m.end >= b && m.start < m.end) covering.push(i); });
    const text = chars.slice(a, b).join('');
    if (!covering.length) { nodes.push(text); continue; }
    const inner = covering.reduce((x, y) => (doc.mentions[y].end - doc.mentions[y].start <
                                            doc.mentions[x].end - doc.mentions[x].start ? y : x));
    const m = doc.mentions[inner];
    const mark = el('mark', { class: 'mention m-' + m.type, title: typeName(m.type) + ': ' + m.value, tabindex: '-1' }, text);
    for (const i of covering) if (!firstOf.has(i)) { firstOf.set(i, true); mark.id = mark.id || 'm-' + i; mark.dataset['m' + i] = ''; }
    nodes.push(mark);
  }
  return nodes;
}

// The original PDF, opened at `page` (the viewer reads #page=N).
function pdfUrl(id, page) {
  return withToken('/api/documents/' + encodeURIComponent(id) + '/pdf') + '#page=' + page;
}

function typeName(type) { return (MENTION_TYPES.find(([t]) => t === type) || [type, type])[1]; }

function mentionList(doc) {
  const aside = el('aside', { 'aria-label': 'Omnämnanden' }, el('h2', {}, 'Omnämnanden'));
  for (const [type, name] of MENTION_TYPES) {
    const items = [];
    doc.mentions.forEach((m, i) => { if (m.type === type) items.push([m, i]); });
    if (!items.length) continue;
    aside.append(el('h3', {}, name + ' (' + items.length + ')'), el('ul', { id: 'mentions-' + type },
      items.map(([m, i]) => el('li', {}, el('button', {
        type: 'button', 'data-mention': i,
        onclick: () => {
          const target = document.querySelector('[data-m' + i + ']');
          if (!target) return;
          document.querySelectorAll('mark.current').forEach((x) => x.classList.remove('current'));
          target.classList.add('current');
          target.scrollIntoView({ block: 'center' });
          target.focus({ preventScroll: true });
        },
      }, m.text + (m.value && m.value !== m.text ? ' → ' + m.value : '') + ' (s. ' + m.page + ')')))));
  }
  return el('div', { class: 'mentions' }, aside);
}

async function documentView(id) {
  let doc;
  try {
    doc = await api('/api/documents/' + encodeURIComponent(id));
  } catch (e) {
    showError(e.message);
    return;
  }
  const c = doc.classification;
  document.title = c.title + ' – diar';
  const field = (name, value) => (value ? [el('dt', {}, name), el('dd', {}, value)] : []);
  render(
    el('p', {}, el('a', { href: '/', onclick: (e) => { if (history.length > 1) { e.preventDefault(); history.back(); } } }, '← Tillbaka till sökningen')),
    el('h1', { id: 'doc-title' }, c.title),
    el('dl', { class: 'fields' },
      field('Dokumenttyp', c.type || 'ingen tydlig typ'), field('Datum', c.date), field('Utfärdare', c.issuer),
      field('Län', c.county), field('Diarienummer', c.dnr), field('Ämnen', c.topics.join(', ')),
      field('Sidor', String(doc.pages)), field('Format', doc.format),
      doc.paths.map((p) => field('Fil', p)).flat(), field('Inläst', doc.ingested), field('Id', doc.id)),
    doc.format === 'pdf' ? el('p', {}, el('a', { id: 'pdf-link', href: pdfUrl(doc.id, 1), target: '_blank', rel: 'noopener' }, 'Öppna PDF-filen')) : null,
    c.cues.length ? el('details', {}, el('summary', {}, 'Varför denna klassning?'),
      el('ul', { id: 'cues' }, c.cues.map((cue) => el('li', {}, (CUE_FIELDS[cue.field] || cue.field) + ': ' + cue.cue)))) : null,
    el('div', { class: 'document' },
      el('section', { 'aria-label': 'Dokumentets text' }, el('h2', {}, 'Text'), el('div', { class: 'doc-text', id: 'doc-text' }, markedText(doc))),
      mentionList(doc)));
}

// --- status view ----------------------------------------------------------
async function statusView() {
  document.title = 'Status – diar';
  let s;
  try {
    s = await api('/api/status');
  } catch (e) {
    showError(e.message);
    return;
  }
  const row = (name, value) => [el('dt', {}, name), el('dd', {}, value)];
  render(
    el('h1', {}, 'Indexets status'),
    el('dl', { class: 'fields', id: 'status' },
      row('Dokument', number(s.documents)), row('Sidor', number(s.pages)), row('Omnämnanden', number(s.mentions)),
      row('Sökvägar', number(s.paths)), row('Senaste inläsning', s.last_ingest || 'ingen'),
      row('Misslyckade filer', number(s.failures.length))),
    s.outdated ? el('p', { class: 'notice', id: 'outdated' },
      `${number(s.outdated)} dokument lästes in av en äldre diar och saknar nyare söktermer och titlar. ` +
      'Kör samma diar ingest igen med --reindex.') : null,
    s.failures.length ? el('table', { class: 'failures' },
      el('caption', {}, 'Filer som inte kunde läsas in'),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Fil'), el('th', { scope: 'col' }, 'Orsak'))),
      el('tbody', {}, s.failures.map((f) => el('tr', {}, el('td', {}, f.path), el('td', {}, f.reason))))) : null);
}

function route() {
  const path = location.pathname;
  const doc = path.match(/^\/dokument\/([0-9a-f]{8,64})$/);
  const view = doc ? documentView(doc[1]) : path === '/status' ? statusView() : searchView();
  view.then(() => main().setAttribute('data-ready', String(Date.now())));
}

// Links inside the page change the view without a reload; the address is
// always the whole state, so it can be shared.
document.addEventListener('click', (event) => {
  const a = event.target.closest('a');
  if (!a || a.target || a.hasAttribute('download') || event.ctrlKey || event.metaKey || event.shiftKey) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
  event.preventDefault();
  history.pushState(null, '', url.pathname + url.search);
  route();
});
window.addEventListener('popstate', route);
route();
