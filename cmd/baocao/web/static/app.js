// baocao's web app: the list of conference files, and the editor of one —
// form or YAML text on the left, the preview of a document on the right.
// The text of the file is the app's state: every change of the form is
// sent to the server as an edit of it, which answers with the text, its
// problems and the pages.

import {h, api} from './util.js';
import {Form} from './form.js';
import {Preview} from './preview.js';

const $ = sel => document.querySelector(sel);

// UPDATE_DELAY is the least time between two requests for a preview: a
// change made after a pause is sent at once, while typing sends at most
// one request this often, with every change made meanwhile.
const UPDATE_DELAY = 100;

const app = {
  model: null,
  files: null,
  name: '', // the file open
  source: '', // its text, as edited
  savedSource: '',
  version: '', // of the text on disk when opened or saved
  values: {},
  errors: [],
  kind: '',
  kinds: [],
  workbook: false,
  pending: [], // edits not yet sent
  structural: false, // the pending edits add or remove values
  sourceChanged: false, // the YAML text was edited by hand
  busy: null, // the update in flight
  timer: 0,
  sent: -1e9, // when the last update was sent
  view: 'form',
};

let form, preview;

async function main() {
  app.model = await api('/app/model');
  form = new Form($('#form'), app.model.fields, onOps);
  preview = new Preview($('#pages'));
  $('#save').addEventListener('click', save);
  $('#close').addEventListener('click', () => { location.hash = ''; });
  $('#tab-form').addEventListener('click', () => setView('form'));
  $('#tab-yaml').addEventListener('click', () => setView('yaml'));
  $('#yaml').addEventListener('input', () => {
    app.source = $('#yaml').value;
    app.sourceChanged = true;
    dirty();
    schedule();
  });
  $('#download').addEventListener('click', e => {
    e.stopPropagation();
    $('#download-menu').hidden = !$('#download-menu').hidden;
  });
  document.addEventListener('click', () => { $('#download-menu').hidden = true; });
  document.addEventListener('keydown', e => {
    if ((e.ctrlKey || e.metaKey) && e.key === 's') {
      e.preventDefault();
      if (app.name) save();
    }
  });
  window.addEventListener('beforeunload', e => {
    if (app.name && app.source !== app.savedSource) e.preventDefault();
  });
  window.addEventListener('hashchange', route);
  $('#new-form').addEventListener('submit', newFile);
  for (const k of app.model.kinds) $('#new-kind').append(h('option', {value: k.slug}, k.name));
  await route();
}

// route shows the file named in the address, or the list of files.
async function route() {
  const name = new URLSearchParams(location.hash.slice(1)).get('tep');
  if (app.name && name !== app.name && app.source !== app.savedSource &&
      !confirm(`Tệp ${app.name} có thay đổi chưa lưu. Bỏ các thay đổi đó?`)) {
    history.replaceState(null, '', '#tep=' + encodeURIComponent(app.name));
    return;
  }
  if (name) await open(name);
  else await home();
}

async function home() {
  app.name = '';
  document.body.dataset.view = 'home';
  document.title = 'baocao';
  const data = await api('/app/files');
  app.files = data;
  $('#dir').textContent = data.dir;
  const list = $('#files');
  list.replaceChildren();
  if (!data.files.length) list.append(h('p', {class: 'empty'}, 'Thư mục chưa có tệp hội nghị nào (.yaml). Hãy tạo tệp mới bên dưới.'));
  for (const f of data.files) {
    list.append(h('a', {class: 'file', href: '#tep=' + encodeURIComponent(f.name)},
      h('span', {class: 'name'}, f.name),
      h('span', {class: 'meta'}, new Date(f.modified).toLocaleString('vi-VN'), ' · ', Math.ceil(f.size / 1024) + ' KB')));
  }
}

async function newFile(e) {
  e.preventDefault();
  const msg = $('#new-error');
  msg.textContent = '';
  try {
    const r = await api('/app/new', {kind: $('#new-kind').value, name: $('#new-name').value.trim()});
    location.hash = '#tep=' + encodeURIComponent(r.name);
  } catch (err) {
    msg.textContent = err.message;
  }
}

async function open(name) {
  let f;
  try {
    f = await api('/app/file?name=' + encodeURIComponent(name));
  } catch (err) {
    alert(err.message);
    location.hash = '';
    return;
  }
  if (!app.files) app.files = await api('/app/files');
  setAssets(app.files.assets || []);
  Object.assign(app, {name: f.name, source: f.source, savedSource: f.source, version: f.version,
    pending: [], structural: false, sourceChanged: false, kind: '', errors: []});
  document.body.dataset.view = 'editor';
  document.title = f.name + ' — baocao';
  $('#file-name').textContent = f.name;
  $('#yaml').value = f.source;
  preview.clear();
  status();
  form.render({});
  await update(true);
}

// setAssets offers the folder's pictures and fonts in the file fields.
function setAssets(assets) {
  const lists = {image: /\.(png|jpe?g)$/i, font: /\.ttf$/i};
  for (const [kind, re] of Object.entries(lists)) {
    let dl = document.getElementById('assets-' + kind);
    if (!dl) document.body.append(dl = h('datalist', {id: 'assets-' + kind}));
    dl.replaceChildren(...assets.filter(a => re.test(a)).map(a => h('option', {value: a})));
  }
}

// onOps takes the edits of a change in the form; structural ones add or
// remove values, and the form is drawn anew when they are made.
function onOps(ops, structural) {
  for (const op of ops) {
    if (op.op === 'set') app.pending = app.pending.filter(p => !(p.op === 'set' && p.path === op.path));
    app.pending.push(op);
  }
  app.structural ||= !!structural;
  dirty();
  schedule();
}

function schedule() {
  clearTimeout(app.timer);
  app.timer = setTimeout(() => update(false), Math.max(0, app.sent + UPDATE_DELAY - performance.now()));
}

// update sends the pending edits, or the text edited by hand, and shows
// the answer. One update is in flight at a time; edits made meanwhile go
// with the next.
async function update(redraw) {
  if (app.busy) {
    await app.busy;
    return update(redraw);
  }
  const ops = app.pending;
  let structural = app.structural || redraw || app.sourceChanged;
  app.pending = [];
  app.structural = false;
  app.sourceChanged = false;
  const name = app.name;
  let done;
  app.busy = new Promise(r => { done = r; });
  app.sent = performance.now();
  document.body.classList.add('updating');
  try {
    const r = await api('/app/update', {name, source: app.source, ops, kind: app.kind, have: preview.hashes(), view: preview.view(), values: structural});
    if (name !== app.name) return;
    // The text sent by hand comes back as it was, and may have been
    // typed on since; edits made meanwhile apply to the answer's text.
    if (ops.length && !app.sourceChanged) app.source = r.source;
    if (r.editError) {
      // The form shows what the file holds, not the edit refused.
      showEditError(r.editError);
      structural = true;
    }
    app.values = r.values || app.values;
    app.errors = r.errors || [];
    app.kinds = r.kinds || [];
    app.workbook = r.workbook;
    if (r.kind !== app.kind) {
      if (app.kind) preview.clear();
      app.kind = r.kind;
    }
    if (structural && app.view === 'form' && r.values) form.render(app.values);
    form.showErrors(app.errors);
    showErrors();
    showKinds();
    await preview.show(r.pages, r.font);
    document.body.dataset.updated = String(Date.now());
  } catch (err) {
    // The edits were not made. When the server was busy or out of reach
    // they are tried again shortly, with those made meanwhile; else the
    // form is drawn again from the file as it is.
    showEditError(err.message);
    if (!err.status || err.status === 503) {
      app.pending = ops.concat(app.pending);
      app.structural ||= structural;
      setTimeout(schedule, 1500);
    } else if (app.view === 'form') {
      form.render(app.values);
      form.showErrors(app.errors);
    }
  } finally {
    document.body.classList.remove('updating');
    app.busy = null;
    done();
    status();
  }
}

function showEditError(msg) {
  const el = $('#edit-error');
  el.textContent = msg;
  el.hidden = false;
  clearTimeout(showEditError.timer);
  showEditError.timer = setTimeout(() => { el.hidden = true; }, 12000);
}

// showErrors lists the file's problems above the form, as the command
// line prints them; each leads to its field.
function showErrors() {
  const box = $('#errors');
  box.replaceChildren();
  box.hidden = !app.errors.length;
  if (!app.errors.length) return;
  box.append(h('div', {class: 'head'}, `Tệp có ${app.errors.length} lỗi — chưa tạo được văn bản cho đến khi sửa hết:`));
  const list = h('ul');
  for (const e of app.errors) {
    list.append(h('li', {}, h('a', {href: '#', onclick: ev => { ev.preventDefault(); goTo(e); }}, e.text)));
  }
  box.append(list);
}

// goTo shows the place of a problem: its field, or its line in the text.
async function goTo(e) {
  if (app.view === 'form' && e.path) {
    form.focus(e.path, e.inner);
    return;
  }
  if (e.line) {
    await setView('yaml');
    const t = $('#yaml');
    const lines = t.value.split('\n');
    const start = lines.slice(0, e.line - 1).join('\n').length + (e.line > 1 ? 1 : 0);
    t.focus();
    t.setSelectionRange(start, start + (lines[e.line - 1] || '').length);
    const lh = t.scrollHeight / Math.max(lines.length, 1);
    t.scrollTop = Math.max(0, (e.line - 5) * lh);
  }
}

// showKinds draws the tabs of the documents and the download menu.
function showKinds() {
  const tabs = $('#kinds');
  tabs.replaceChildren(...app.model.kinds.filter(k => app.kinds.includes(k.slug)).map(k =>
    h('button', {type: 'button', class: k.slug === app.kind ? 'on' : '', dataset: {kind: k.slug}, onclick: () => {
      if (k.slug === app.kind) return;
      app.kind = k.slug;
      preview.clear();
      update(false);
    }}, k.name)));
  if (!app.kinds.length) tabs.append(h('span', {class: 'none'}, 'Tệp chưa có văn bản nào để xem trước'));
  const menu = $('#download-menu');
  const items = app.model.kinds.filter(k => app.kinds.includes(k.slug)).map(k => [k.slug, k.name + ' (PDF)']);
  if (app.workbook) items.push([app.model.workbook.slug, 'Phụ lục số liệu (Excel)']);
  items.push(['', 'Tất cả (.zip)']);
  menu.replaceChildren(...items.map(([slug, label]) =>
    h('button', {type: 'button', dataset: {kind: slug}, onclick: () => download(slug)}, label)));
}

async function download(kind) {
  $('#download-menu').hidden = true;
  await idle();
  const res = await fetch('/app/download', {method: 'POST', headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({name: app.name, source: app.source, kind})});
  if (!res.ok) {
    const data = await res.json().catch(() => ({}));
    alert((data.message || 'không tải được') + (data.errors ? '\n\n' + data.errors.map(e => e.text).join('\n') : ''));
    return;
  }
  const cd = res.headers.get('Content-Disposition') || '';
  const m = cd.match(/filename\*=utf-8''([^;]+)/i) || cd.match(/filename="?([^";]+)"?/i);
  const a = h('a', {href: URL.createObjectURL(await res.blob()), download: m ? decodeURIComponent(m[1]) : 'baocao'});
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 60000);
}

// idle waits until every edit has been made.
async function idle() {
  for (;;) {
    if (app.busy) {
      await app.busy;
    } else if (app.pending.length || app.sourceChanged) {
      clearTimeout(app.timer);
      await update(false);
    } else {
      return;
    }
  }
}

async function save(force) {
  await idle();
  try {
    const r = await api('/app/save', {name: app.name, source: app.source, version: app.version, force: force === true});
    app.version = r.version;
    app.savedSource = app.source;
    status();
  } catch (err) {
    if (err.status === 409 && confirm(err.message + '\n\nGhi đè bằng bản đang soạn?')) return save(true);
    alert(err.message);
  }
}

function dirty() {
  status();
}

function status() {
  const saved = app.source === app.savedSource;
  $('#status').textContent = saved ? 'Đã lưu' : 'Chưa lưu';
  $('#status').className = saved ? 'saved' : 'unsaved';
}

async function setView(view) {
  app.view = view;
  document.body.dataset.mode = view;
  $('#tab-form').classList.toggle('on', view === 'form');
  $('#tab-yaml').classList.toggle('on', view === 'yaml');
  if (view === 'yaml') {
    // The text is shown once the edits made in the form are in it: one
    // typed by hand over an older text would undo them, or be undone by
    // their answer. Until then it cannot be typed in.
    const t = $('#yaml');
    t.readOnly = true;
    await idle();
    if (app.view === 'yaml') t.value = app.source;
    t.readOnly = false;
  } else {
    form.render(app.values);
    form.showErrors(app.errors);
  }
}

// baocaoErrors gives the tests the problems shown.
window.baocaoErrors = () => app.errors;

main().catch(err => {
  document.body.replaceChildren(h('p', {class: 'fatal'}, err.message));
});
