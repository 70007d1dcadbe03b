// The form: generated from the model's fields (GET /app/model), filled
// with the file's values, each change sent as an edit of the YAML text.

import {h, join, parent, parseTSV, slug} from './util.js';

const TYPED = new Set(['number', 'integer', 'date']);
const SCALAR = new Set(['text', 'number', 'integer', 'date', 'enum', 'file', 'bool']);

export class Form {
  // onOps receives the edits of a change: [{op, path, value|items|to}].
  constructor(container, fields, onOps) {
    this.el = container;
    this.fields = fields;
    this.onOps = onOps;
    this.assets = [];
    this.closed = new Set(); // sections the user folded
    this.values = {};
  }

  // render draws the form anew for values, keeping the focused field,
  // its caret and the scroll position.
  render(values) {
    this.values = values || {};
    const active = document.activeElement;
    const focus = active && this.el.contains(active) && active.dataset.path
      ? {path: active.dataset.path, start: active.selectionStart, end: active.selectionEnd} : null;
    const scroll = this.el.scrollTop;
    this.el.replaceChildren(...this.fields.map(f => this.section(f, this.values[f.key])));
    this.el.scrollTop = scroll;
    if (focus) {
      const el = this.el.querySelector(`[data-path="${CSS.escape(focus.path)}"]:is(input, textarea, select)`);
      if (el) {
        el.focus({preventScroll: true});
        if (focus.start != null && el.setSelectionRange) el.setSelectionRange(focus.start, focus.end);
      }
    }
  }

  // section draws a top-level key as a section that folds.
  section(f, v) {
    const path = f.key;
    const d = h('details', {class: 'section', open: !this.closed.has(path), dataset: {path}},
      h('summary', {}, h('span', {class: 'title'}, f.label), h('span', {class: 'count'})));
    d.addEventListener('toggle', () => d.open ? this.closed.delete(path) : this.closed.add(path));
    d.append(this.body(f, v, path));
    return d;
  }

  // body draws the inside of a field: the field itself, or a group's
  // fields.
  body(f, v, path) {
    return this.field(f, v, path, true);
  }

  // field draws a value; top says it is a section's own, whose title the
  // section shows.
  field(f, v, path, top) {
    switch (f.kind) {
      case 'group': return this.group(f, v, path, top);
      case 'table': return this.table(f, v, path, top);
      case 'list': return this.list(f, v, path, top);
      case 'rows': return this.rows(f, v, path);
    }
    return this.labelled(f, path, this.input(f, v, path));
  }

  // box is the frame of a group, list or table: its title but in a
  // section, its help, and the place for its errors.
  box(f, path, top, cls, ...actions) {
    return h(top ? 'div' : 'fieldset', {class: cls, dataset: {path}},
      top ? null : h('legend', {}, f.label),
      actions.length ? h('div', {class: 'box-actions'}, actions) : null,
      f.help ? h('small', {class: 'help'}, f.help) : null,
      h('div', {class: 'err'}));
  }

  // labelled wraps an input with its label, help and the place for its
  // errors.
  labelled(f, path, input) {
    const id = 'f-' + path.replace(/[^a-zA-Z0-9]/g, '-');
    input.id = id;
    return h('div', {class: 'field kind-' + f.kind, dataset: {path}},
      h('label', {for: id}, f.label, f.required ? h('span', {class: 'req', title: 'bắt buộc'}, ' *') : null),
      input,
      f.help ? h('small', {class: 'help'}, f.help) : null,
      h('div', {class: 'err'}));
  }

  // input is the control of a single value.
  input(f, v, path, cell) {
    const set = value => this.onOps([{op: 'set', path, value}]);
    const text = typeof v === 'string' ? v : '';
    switch (f.kind) {
      case 'markdown': return this.markdown(text, path);
      case 'bool': {
        const c = h('input', {type: 'checkbox', checked: text === 'true', dataset: {path}, title: f.label});
        c.addEventListener('change', () => set(c.checked ? 'true' : 'false'));
        return c;
      }
      case 'enum': {
        const s = h('select', {dataset: {path}, title: cell ? f.label : undefined},
          h('option', {value: ''}, '—'),
          f.enum.map(e => h('option', {value: e, selected: e === text}, e)));
        if (text && !f.enum.includes(text)) s.append(h('option', {value: text, selected: true}, text));
        s.addEventListener('change', () => set(s.value));
        return s;
      }
      case 'strings': {
        const lines = Array.isArray(v) ? v.map(x => typeof x === 'string' ? x : '') : [];
        const t = h('textarea', {rows: Math.max(cell ? 1 : 3, lines.length), dataset: {path}, title: cell ? f.label : undefined}, lines.join('\n'));
        t.addEventListener('input', () => this.onOps(listOps(path, lines, t.value.split('\n'))));
        return t;
      }
    }
    if (f.kind === 'text' && !cell && (text.length > 90 || text.includes('\n'))) {
      // A long text, such as a lead, gets the room to read it.
      const t = h('textarea', {rows: Math.min(8, Math.ceil(text.length / 90) + 1), dataset: {path}, spellcheck: 'true'}, text);
      t.addEventListener('input', () => set(t.value));
      return t;
    }
    const attrs = {type: 'text', value: text, dataset: {path}, spellcheck: f.kind === 'text' ? 'true' : 'false'};
    if (TYPED.has(f.kind)) attrs.inputmode = f.kind === 'date' ? 'numeric' : 'decimal';
    if (f.kind === 'date') attrs.placeholder = 'ngày/tháng/năm';
    if (f.kind === 'file') attrs.list = 'assets-' + f.asset;
    if (cell) attrs.title = f.label;
    const i = h('input', attrs);
    i.addEventListener('input', () => set(i.value));
    return i;
  }

  // markdown is a body's editor: a text area with buttons for headings,
  // emphasis and lists, and for placing a figure.
  markdown(text, path) {
    const t = h('textarea', {class: 'markdown', rows: Math.min(30, Math.max(6, text.split('\n').length + 1)), dataset: {path}, spellcheck: 'true'}, text);
    t.addEventListener('input', () => this.onOps([{op: 'set', path, value: t.value}]));
    const edit = fn => () => {
      const [s, e] = [t.selectionStart, t.selectionEnd];
      const r = fn(t.value, s, e);
      t.value = r.text;
      t.setSelectionRange(r.start, r.end);
      t.focus();
      t.dispatchEvent(new Event('input'));
    };
    const line = prefix => edit((v, s, e) => {
      const a = v.lastIndexOf('\n', s - 1) + 1;
      const stripped = v.slice(a).replace(/^(#{1,4} |- |\+ )/, '');
      const text = v.slice(0, a) + prefix + stripped;
      const d = text.length - v.length;
      return {text, start: s + d, end: e + d};
    });
    const wrap = mark => edit((v, s, e) => ({
      text: v.slice(0, s) + mark + v.slice(s, e) + mark + v.slice(e), start: s + mark.length, end: e + mark.length,
    }));
    const insert = what => edit((v, s, e) => ({text: v.slice(0, s) + what + v.slice(e), start: s + what.length, end: s + what.length}));
    const figures = h('select', {class: 'figure', title: 'Chèn số liệu từ mục Số liệu thống kê'},
      h('option', {value: ''}, 'Chèn số liệu…'),
      this.indicators().map(i => h('option', {value: i.id}, i.name)));
    figures.addEventListener('change', () => {
      if (figures.value) insert(`{{ change "${figures.value}" }}`)();
      figures.value = '';
    });
    const bar = h('div', {class: 'toolbar'},
      h('button', {type: 'button', onclick: line('# '), title: 'Phần (Phần I, Phần II…)'}, 'Phần'),
      h('button', {type: 'button', onclick: line('## '), title: 'Mục I., II.'}, 'Mục'),
      h('button', {type: 'button', onclick: line('### '), title: 'Điểm 1., 2.'}, 'Điểm'),
      h('button', {type: 'button', onclick: line('#### '), title: 'Tiết a), b)'}, 'Tiết'),
      h('button', {type: 'button', onclick: line('- '), title: 'Gạch đầu dòng'}, '–'),
      h('button', {type: 'button', onclick: wrap('**'), title: 'Chữ đậm'}, h('b', {}, 'Đ')),
      h('button', {type: 'button', onclick: wrap('*'), title: 'Chữ nghiêng'}, h('i', {}, 'N')),
      h('button', {type: 'button', onclick: insert('{{ statistics_table }}'), title: 'Bảng số liệu thống kê'}, 'Bảng số liệu'),
      figures);
    return h('div', {class: 'md'}, bar, t);
  }

  // indicators lists the file's indicators, for the body's figures.
  indicators() {
    const out = [];
    for (const g of this.values.statistics?.groups || []) {
      for (const i of g?.indicators || []) if (i && i.id) out.push({id: i.id, name: i.name || i.id});
    }
    return out;
  }

  // group draws a mapping: its fields, and for one the file may leave
  // out, the buttons to add or remove it.
  group(f, v, path, top) {
    const present = v && typeof v === 'object' && !Array.isArray(v);
    if (f.optional && !present) {
      const box = this.box(f, path, top, 'group');
      box.append(h('button', {type: 'button', class: 'add', onclick: () => this.onOps(requiredOps(f.fields, path), true)},
        '+ Thêm ' + lower(f.label)));
      return box;
    }
    const remove = f.optional ? h('button', {type: 'button', class: 'remove', onclick: () => {
      if (confirm(`Xóa toàn bộ mục “${f.label}” khỏi tệp?`)) this.onOps([{op: 'delete', path}], true);
    }}, 'Xóa mục này') : null;
    const box = remove ? this.box(f, path, top, 'group', remove) : this.box(f, path, top, 'group');
    for (const c of f.fields) box.append(this.field(c, present ? v[c.key] : undefined, join(path, c.key)));
    return box;
  }

  // list draws a list of groups one below the other.
  list(f, v, path, top) {
    const items = Array.isArray(v) ? v : [];
    const box = this.box(f, path, top, 'list');
    items.forEach((it, i) => {
      const p = `${path}[${i}]`;
      const card = h('div', {class: 'item', dataset: {path: p}},
        h('div', {class: 'item-head'}, h('span', {}, `${f.label} — ${i + 1}`), this.rowActions(path, i, items.length)),
        h('div', {class: 'err'}));
      for (const c of f.fields) card.append(this.field(c, it && typeof it === 'object' ? it[c.key] : undefined, join(p, c.key)));
      box.append(card);
    });
    box.append(h('button', {type: 'button', class: 'add', onclick: () => this.onOps([{op: 'append', path, items: [newItem(f.fields)]}], true)}, '+ Thêm'));
    return box;
  }

  // rowActions are the buttons that move and remove item i of a list.
  rowActions(path, i, n) {
    return h('span', {class: 'actions'},
      h('button', {type: 'button', title: 'Lên trên', disabled: i === 0, onclick: () => this.onOps([{op: 'move', path: `${path}[${i}]`, to: i - 1}], true)}, '↑'),
      h('button', {type: 'button', title: 'Xuống dưới', disabled: i === n - 1, onclick: () => this.onOps([{op: 'move', path: `${path}[${i}]`, to: i + 1}], true)}, '↓'),
      h('button', {type: 'button', title: 'Xóa dòng này', class: 'del', onclick: () => this.onOps([{op: 'delete', path: `${path}[${i}]`}], true)}, '✕'));
  }

  // table draws a list of groups of short values as rows, where a block
  // copied from a spreadsheet can be pasted.
  table(f, v, path, top) {
    const items = Array.isArray(v) ? v : [];
    const cols = f.fields;
    const head = h('tr', {}, h('th', {class: 'n'}, '#'),
      cols.map(c => h('th', {title: c.help || c.label}, c.label, c.required ? h('span', {class: 'req'}, ' *') : null)), h('th'));
    const body = items.map((it, i) => h('tr', {dataset: {path: `${path}[${i}]`}},
      h('td', {class: 'n'}, i + 1),
      cols.map((c, j) => {
        const p = `${path}[${i}].${c.key}`;
        const input = this.input(c, it && typeof it === 'object' ? it[c.key] : undefined, p, true);
        input.dataset.row = i;
        input.dataset.col = j;
        return h('td', {class: `kind-${c.kind} key-${c.key}`, dataset: {path: p}}, input);
      }),
      h('td', {class: 'acts'}, this.rowActions(path, i, items.length))));
    const table = h('table', {class: 'grid'}, h('thead', {}, head), h('tbody', {}, body));
    table.addEventListener('paste', e => this.paste(e, path, items.length, cols.length, (row, col, cell) => ({key: cols[col].key, value: cellValue(cols[col], cell)}), cols));
    const box = this.box(f, path, top, 'table');
    box.append(h('div', {class: 'scroll'}, table),
      h('div', {class: 'below'},
        h('button', {type: 'button', class: 'add', onclick: () => this.onOps([{op: 'append', path, items: [newItem(cols)]}], true)}, '+ Thêm dòng'),
        h('small', {class: 'hint'}, 'Có thể dán một khối ô chép từ Excel vào bảng: bấm vào ô bắt đầu rồi nhấn Ctrl+V.')));
    return box;
  }

  // rows draws the rows of an annex table, its columns named by the
  // sibling list of columns.
  rows(f, v, path) {
    const rows = Array.isArray(v) ? v : [];
    const names = (this.valueAt(join(parent(path), f.columns)) || []).map(c => (c && c.name) || '');
    const n = Math.max(names.length, ...rows.map(r => Array.isArray(r) ? r.length : 0), 1);
    const head = h('tr', {}, h('th', {class: 'n'}, '#'), Array.from({length: n}, (_, j) => h('th', {}, names[j] || `Cột ${j + 1}`)), h('th'));
    const body = rows.map((r, i) => h('tr', {dataset: {path: `${path}[${i}]`}},
      h('td', {class: 'n'}, i + 1),
      Array.from({length: n}, (_, j) => {
        const p = `${path}[${i}][${j}]`;
        const cell = Array.isArray(r) && typeof r[j] === 'string' ? r[j] : '';
        const input = h('input', {type: 'text', value: cell, dataset: {path: p, row: i, col: j}, title: names[j] || ''});
        input.addEventListener('input', () => this.onOps([{op: 'set', path: p, value: input.value}]));
        return h('td', {dataset: {path: p}}, input);
      }),
      h('td', {class: 'acts'}, this.rowActions(path, i, rows.length))));
    const table = h('table', {class: 'grid'}, h('thead', {}, head), h('tbody', {}, body));
    table.addEventListener('paste', e => this.paste(e, path, rows.length, n, (row, col, cell) => ({index: col, value: cell})));
    const box = this.box(f, path, false, 'table rows');
    box.append(h('div', {class: 'scroll'}, table),
      h('div', {class: 'below'},
        h('button', {type: 'button', class: 'add', onclick: () => this.onOps([{op: 'append', path, items: [Array(n).fill('')]}], true)}, '+ Thêm dòng'),
        h('small', {class: 'hint'}, 'Có thể dán một khối ô chép từ Excel vào bảng: bấm vào ô bắt đầu rồi nhấn Ctrl+V.')));
    return box;
  }

  // paste fills a table from a block copied from a spreadsheet: from the
  // cell pasted in, to the right and down, adding the rows needed. The
  // cells go into the file as text, for the loader to read their figures.
  paste(e, path, nrows, ncols, place, cols) {
    const target = e.target;
    if (!target.dataset || target.dataset.row === undefined) return;
    const text = e.clipboardData.getData('text/plain');
    if (!text.includes('\t') && !text.includes('\n')) return; // one value: pasted as usual
    e.preventDefault();
    const grid = parseTSV(text);
    const r0 = +target.dataset.row, c0 = +target.dataset.col;
    const ops = [];
    const added = [];
    const ids = this.ids(path, cols);
    grid.forEach((cells, i) => {
      const row = r0 + i;
      const item = cols ? {} : Array(ncols).fill('');
      cells.forEach((cell, j) => {
        const col = c0 + j;
        if (col >= ncols) return;
        const p = place(row, col, cell.trim());
        if (row < nrows) {
          ops.push({op: 'set', path: cols ? `${path}[${row}].${p.key}` : `${path}[${row}][${p.index}]`, value: p.value});
        } else if (cols) {
          if (p.value !== '') item[p.key] = p.value;
        } else {
          item[p.index] = p.value;
        }
      });
      if (row >= nrows) {
        if (ids && !item.id && item.name) item.id = ids(item.name);
        added.push(item);
      } else if (ids) {
        // A row whose id is empty gets one from the name pasted into it.
        const name = ops.find(o => o.path === `${path}[${row}].name`)?.value;
        if (name && !this.valueAt(`${path}[${row}].id`) && !ops.some(o => o.path === `${path}[${row}].id`)) {
          ops.push({op: 'set', path: `${path}[${row}].id`, value: ids(name)});
        }
      }
    });
    if (added.length) ops.push({op: 'append', path, items: added});
    this.onOps(ops, added.length > 0);
  }

  // ids returns, for a table whose rows have an id and a name, a maker of
  // ids from names, unlike every id of the file; else null. The clerk
  // sees the ids in the table, and may change them.
  ids(path, cols) {
    if (!cols || !cols.some(c => c.key === 'id') || !cols.some(c => c.key === 'name')) return null;
    const taken = new Set();
    const walk = v => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        if (typeof v.id === 'string') taken.add(v.id);
        Object.values(v).forEach(walk);
      }
    };
    walk(this.values);
    return name => {
      const base = slug(name) || 'muc';
      let id = base, k = 2;
      while (taken.has(id)) id = base + '-' + k++;
      taken.add(id);
      return id;
    };
  }

  // valueAt is the value at path in the file.
  valueAt(path) {
    let v = this.values;
    for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
      if (v == null) return undefined;
      v = m[1] !== undefined ? v[m[1]] : v[+m[2]];
    }
    return v;
  }

  // showErrors places each problem at the field it belongs to, or the
  // nearest group holding it, and counts them on the sections.
  showErrors(errors) {
    for (const el of this.el.querySelectorAll('.err')) el.replaceChildren();
    for (const el of this.el.querySelectorAll('.invalid')) el.classList.remove('invalid');
    for (const el of this.el.querySelectorAll('.count')) el.textContent = '';
    const counts = {};
    for (const e of errors) {
      if (!e.path) continue;
      const top = e.path.split(/[.[]/)[0];
      counts[top] = (counts[top] || 0) + 1;
      const at = this.find(e.path);
      if (!at) continue;
      at.classList.add('invalid');
      const box = at.querySelector(':scope > .err') || at.closest('[data-path]:has(> .err)')?.querySelector(':scope > .err');
      if (box) box.append(h('div', {}, (e.inner ? `Dòng ${e.inner}: ` : '') + e.message));
    }
    for (const [top, n] of Object.entries(counts)) {
      const c = this.el.querySelector(`details[data-path="${CSS.escape(top)}"] .count`);
      if (c) c.textContent = n + ' lỗi';
    }
  }

  // find is the element drawn for path, or for the nearest value holding
  // it.
  find(path) {
    for (let p = path; p; p = parent(p)) {
      const el = this.el.querySelector(`[data-path="${CSS.escape(p)}"]:not(input, textarea, select)`);
      if (el) return el;
    }
    return null;
  }

  // focus shows the field of path, opening its section, and selects the
  // line inner of a body.
  focus(path, inner) {
    const top = path.split(/[.[]/)[0];
    const d = this.el.querySelector(`details[data-path="${CSS.escape(top)}"]`);
    if (d) d.open = true;
    const at = this.find(path);
    if (!at) return;
    at.scrollIntoView({block: 'center'});
    const input = at.matches('input, textarea, select') ? at : at.querySelector('input, textarea, select');
    if (!input) return;
    input.focus({preventScroll: true});
    if (inner && input.tagName === 'TEXTAREA') {
      const lines = input.value.split('\n');
      const start = lines.slice(0, inner - 1).join('\n').length + (inner > 1 ? 1 : 0);
      input.setSelectionRange(start, start + (lines[inner - 1] || '').length);
    }
  }
}

// cellValue is a pasted cell as the field's value: a yes/no cell as
// true or false when it says so plainly.
function cellValue(f, cell) {
  if (f.kind === 'bool') {
    const c = cell.toLowerCase();
    if (['x', 'có', 'co', 'true', '1', 'yes'].includes(c)) return 'true';
    if (['', 'không', 'khong', 'false', '0', 'no'].includes(c)) return 'false';
  }
  return cell;
}

// listOps are the edits that turn the list at path from old into lines.
function listOps(path, old, lines) {
  const ops = [];
  const n = Math.min(old.length, lines.length);
  for (let i = 0; i < n; i++) if (old[i] !== lines[i]) ops.push({op: 'set', path: `${path}[${i}]`, value: lines[i]});
  if (lines.length > old.length) ops.push({op: 'append', path, items: lines.slice(old.length)});
  for (let i = old.length - 1; i >= lines.length; i--) ops.push({op: 'delete', path: `${path}[${i}]`});
  old.splice(0, old.length, ...lines);
  return ops;
}

// newItem is a new row: its required short values, empty, for the
// clerk to fill in.
function newItem(fields) {
  const item = {};
  for (const f of fields) if (f.required && SCALAR.has(f.kind)) item[f.key] = '';
  if (!Object.keys(item).length && fields.length) item[fields[0].key] = '';
  return item;
}

// requiredOps are the edits that add a group with its required short
// values, empty, for the clerk to fill in.
function requiredOps(fields, path) {
  const ops = [];
  for (const f of fields) {
    if (!f.required) continue;
    if (SCALAR.has(f.kind) || f.kind === 'markdown') ops.push({op: 'set', path: join(path, f.key), value: ''});
    else if (f.kind === 'group') ops.push(...requiredOps(f.fields, join(path, f.key)));
  }
  if (!ops.length && fields.length) ops.push({op: 'set', path: join(path, fields[0].key), value: ''});
  return ops;
}

function lower(s) {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
