// The preview: the pages of one document as SVG, drawn by the server
// from the same layout as the PDF, in the same fonts.

import {h} from './util.js';

export class Preview {
  constructor(container) {
    this.el = container;
    this.byHash = new Map(); // page elements by the hash of their SVG
    this.families = new Set(); // font families loaded
  }

  // hashes are the pages shown, which the server need not send again.
  hashes() {
    return [...this.byHash.keys()];
  }

  // show draws the pages of a preview answer. Pages the answer leaves
  // without SVG are those already shown. When the document could not be
  // laid out (pages is null), the last pages stay, marked as not current.
  async show(pages, font) {
    if (!pages) {
      this.el.classList.add('stale');
      return;
    }
    if (font) await this.load(font);
    const next = new Map();
    const fresh = [];
    const els = pages.map((p, i) => {
      let el = this.byHash.get(p.hash) || next.get(p.hash);
      if (!el || next.has(p.hash)) {
        el = p.svg ? page(p.svg) : (el ? el.cloneNode(true) : h('div', {class: 'page missing'}));
        if (this.byHash.size) fresh.push(el);
      }
      el.dataset.page = i + 1;
      el.dataset.hash = p.hash;
      next.set(p.hash, el);
      return el;
    });
    this.el.replaceChildren(...els);
    this.byHash = next;
    // The page a change moved to is shown, unless one changed is in view.
    const view = this.el.getBoundingClientRect();
    const seen = el => { const r = el.getBoundingClientRect(); return r.bottom > view.top && r.top < view.bottom; };
    if (fresh.length && fresh.length < els.length && !fresh.some(seen)) fresh[0].scrollIntoView({block: 'nearest'});
    this.el.classList.remove('stale');
    this.el.dataset.pages = pages.length;
  }

  // clear forgets the pages, for another document.
  clear() {
    this.byHash = new Map();
    this.el.replaceChildren();
  }

  // load declares a family's four faces, once.
  async load(font) {
    if (this.families.has(font.family)) return;
    this.families.add(font.family);
    const styles = [['400', 'normal'], ['700', 'normal'], ['400', 'italic'], ['700', 'italic']];
    const faces = font.faces.map((url, i) => new FontFace(font.family, `url(${url})`, {weight: styles[i][0], style: styles[i][1]}));
    for (const f of faces) document.fonts.add(f);
    await Promise.all(faces.map(f => f.load().catch(() => null)));
  }
}

// page makes the element of one page from its SVG text.
function page(svg) {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const root = doc.documentElement;
  if (root.nodeName !== 'svg') return h('div', {class: 'page missing'});
  return h('div', {class: 'page'}, document.importNode(root, true));
}
