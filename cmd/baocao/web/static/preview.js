// The preview: the pages of one document as SVG, drawn by the server
// from the same layout as the PDF, in the same fonts. The server sends
// the pages shown; the others are fetched when scrolled to.

import {h} from './util.js';

export class Preview {
  constructor(container) {
    this.el = container;
    this.byHash = new Map(); // page elements drawn, by the hash of their SVG
    this.families = new Set(); // font families loaded
    this.lazy = new IntersectionObserver(entries => {
      for (const e of entries) if (e.isIntersecting) this.fetch(e.target);
    }, {root: container, rootMargin: '1500px 0px'});
  }

  // hashes are the pages drawn, which the server need not send again.
  hashes() {
    return [...this.byHash.keys()];
  }

  // view is the first and last page in sight, from 0.
  view() {
    const box = this.el.getBoundingClientRect();
    let first = -1, last = -1;
    [...this.el.children].forEach((el, i) => {
      const r = el.getBoundingClientRect();
      if (r.bottom > box.top && r.top < box.bottom) {
        if (first < 0) first = i;
        last = i;
      }
    });
    return first < 0 ? [0, 1] : [first, last];
  }

  // show draws the pages of a preview answer. A page without SVG is one
  // drawn already, or one fetched when it comes near the sight. When the
  // document could not be laid out (pages is null), the last pages stay,
  // marked as not current.
  async show(pages, font) {
    if (!pages) {
      this.el.classList.add('stale');
      return;
    }
    if (font) await this.load(font);
    const next = new Map();
    const fresh = [];
    const els = pages.map((p, i) => {
      let el = next.has(p.hash) ? null : this.byHash.get(p.hash);
      if (!el && p.svg) {
        el = page(p.svg);
        if (this.byHash.size) fresh.push(el);
      }
      if (el) {
        next.set(p.hash, el);
      } else {
        el = h('div', {class: 'page missing'});
        el.style.aspectRatio = `${p.w} / ${p.h}`;
        this.lazy.observe(el);
      }
      el.dataset.page = i + 1;
      el.dataset.hash = p.hash;
      return el;
    });
    // Pages that stay are left in place: only those changed are drawn
    // again by the browser.
    els.forEach((el, i) => {
      const at = this.el.children[i];
      if (at !== el) at ? this.el.insertBefore(el, at) : this.el.append(el);
    });
    while (this.el.children.length > els.length) this.el.lastElementChild.remove();
    this.byHash = next;
    this.el.classList.remove('stale');
    this.el.dataset.pages = pages.length;
    // The page a change moved to is shown, unless one changed is in view.
    const box = this.el.getBoundingClientRect();
    const seen = el => { const r = el.getBoundingClientRect(); return r.bottom > box.top && r.top < box.bottom; };
    if (fresh.length && fresh.length < els.length && !fresh.some(seen)) fresh[0].scrollIntoView({block: 'nearest'});
  }

  // fetch draws a page scrolled near, from the server's copy.
  async fetch(placeholder) {
    this.lazy.unobserve(placeholder);
    const hash = placeholder.dataset.hash;
    const res = await fetch('/app/page/' + hash);
    if (!res.ok || !placeholder.isConnected || placeholder.dataset.hash !== hash) return;
    const el = page(await res.text());
    el.dataset.page = placeholder.dataset.page;
    el.dataset.hash = hash;
    placeholder.replaceWith(el);
    if (!this.byHash.has(hash)) this.byHash.set(hash, el);
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
