// Small helpers shared by the app's modules.

// h makes an element: h('div', {class: 'x', onclick: f}, child, 'text').
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k in el && typeof v !== 'string') el[k] = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

// join adds a key to a path: "a.b" + "c" → "a.b.c".
export function join(path, key) {
  return path ? path + '.' + key : key;
}

// parent strips the last step of a path: "a.b[2]" → "a.b", "a.b" → "a".
export function parent(path) {
  const m = path.match(/^(.*)(\.[^.[\]]+|\[\d+\])$/);
  return m ? m[1] : '';
}

// parseTSV reads a block copied from Excel or another spreadsheet:
// rows separated by line breaks, cells by tabs; a cell holding a tab, a
// line break or a quote is quoted, its quotes doubled.
export function parseTSV(text) {
  const rows = [];
  let row = [], cell = '', i = 0, quoted = false, start = true;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      cell += c; i++; continue;
    }
    if (c === '"' && start) { quoted = true; start = false; i++; continue; }
    start = false;
    if (c === '\t') { row.push(cell); cell = ''; start = true; i++; continue; }
    if (c === '\r' && text[i + 1] === '\n') i++;
    if (c === '\n' || c === '\r') { row.push(cell); rows.push(row); row = []; cell = ''; start = true; i++; continue; }
    cell += c; i++;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

// slug makes a short id from a Vietnamese name: "Số vụ cháy" → "so-vu-chay".
export function slug(text) {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
}

// api sends a request to the server and returns its JSON, or throws an
// Error whose message is the server's, with its body as .body.
export async function api(path, body) {
  const opt = body === undefined ? {} : {
    method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body),
  };
  let res;
  try {
    res = await fetch(path, opt);
  } catch (e) {
    throw new Error('không kết nối được với baocao — chương trình có thể đã bị đóng; hãy chạy lại rồi tải lại trang');
  }
  const data = await res.json().catch(() => ({message: 'máy chủ trả lời không đúng dạng (' + res.status + ')'}));
  if (!res.ok) {
    const err = new Error(data.message || ('lỗi ' + res.status));
    err.status = res.status;
    err.body = data;
    throw err;
  }
  return data;
}
