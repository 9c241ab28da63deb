'use strict';
// The rules workbench (docs/product.md §15): the active rule set and its files, DMN tables shown and edited with bpmn.io's dmn-js,
// DRL and YAML with Prism, candidates uploaded and replayed, activation and rollback with a note. Data from
// /rules/data (the /api/rules endpoints under the login session). Every text from the server goes into the page as
// textContent, never as HTML.
(function () {
  const TEXT = {
    zh: {
      title: '规则工作台', logout: '退出', language: 'English', active: '当前生效版本', version: '版本', activatedBy: '生效人',
      activatedAt: '生效时间', note: '说明', files: '文件', rollback: '回滚到上一版本', upload: '上传候选版本',
      uploadHint: '上传 .dmn、.drl、.yaml 文件（可用 Camunda Modeler 保存的文件）或一个 .zip；同名文件替换当前生效版本中的文件。',
      uploadButton: '上传并校验', chooseFilesButton: '选择文件…', noFileChosen: '未选择文件', problems: '校验错误', file: '文件', line: '行', problem: '问题', filesOf: '文件', edit: '在浏览器中编辑',
      addRule: '添加规则行', save: '保存为候选版本', cancelEdit: '放弃修改', editing: '编辑中', candidate: '候选版本',
      lastN: '回放最近 N 条记录', replay: '回放', replaying: '回放中…', progress: '已回放 {n} / {total}', activate: '生效…', kind: '对象', replayed: '回放数',
      field: '字段', changedRecords: '变化的记录数', gradeChart: '线索等级分布（之前 / 之后）', priorityChart: '工单优先级分布（之前 / 之后）',
      ownerLoad: '负责人工作量变化', owner: '负责人', loadChange: '线索数变化', changed: '变化的记录', record: '记录', before: '之前',
      after: '之后', notes: '回放说明（英文原文）', history: '版本历史', at: '时间', action: '操作', actor: '操作人', fromTo: '版本',
      changes: '变化', noteRequired: '说明（必填）', cancel: '取消', confirm: '确认', view: '查看', select: '选为候选',
      forbidden: '只有规则负责人和管理员可以使用规则工作台', failed: '请求失败', noChange: '无变化', noData: '暂无数据',
      pool: '（公共池）', shownMore: '（仅显示前 {n} 条）', none: '—', noteMissing: '请填写说明',
      confirmActivate: '让版本 {v} 生效？', confirmRollback: '回滚到版本 {v}？',
      whatActivate: '之后的新决策将使用该版本；正在执行的决策按旧版本完成。回放结果：',
      whatRollback: '回到上一个生效的版本。与当前版本相比的回放结果：',
      activated: '版本 {v} 已生效', rolledBack: '已回滚到版本 {v}', saved: '候选版本 {v} 已保存并通过校验', known: '这些文件已存为版本 {v}',
      invalid: '候选版本未通过校验，未保存', noRollback: '没有可回滚的上一版本', chooseFiles: '请选择要上传的文件',
      summaryLine: '{kind}：回放 {n} 条', summaryField: '{field} 变化 {n} 条',
      kinds: { lead: '线索', ticket: '工单', 'customer-tier': '客户等级' },
      fields: { score: '分数', grade: '等级', owner: '负责人', priority: '优先级', firstResponseTarget: '首次响应时限', resolutionTarget: '解决时限' },
      actions: { DEPLOY: '部署', UPLOAD: '上传', ACTIVATE: '生效', ROLLBACK: '回滚' },
      statuses: { ACTIVE: '生效中', CANDIDATE: '候选', RETIRED: '已停用' },
      fileChanges: { changed: '已修改', added: '新增', removed: '删除', nothing: '无文件变化', first: '首次部署' }
    },
    en: {
      title: 'Rules workbench', logout: 'Log out', language: '中文', active: 'Active version', version: 'Version',
      activatedBy: 'Activated by', activatedAt: 'Activated at', note: 'Note', files: 'Files', rollback: 'Roll back to the previous version',
      upload: 'Upload a candidate',
      uploadHint: 'Upload .dmn, .drl or .yaml files (files saved by Camunda Modeler work) or one .zip; each replaces the active file of the same name.',
      uploadButton: 'Upload and validate', chooseFilesButton: 'Choose files…', noFileChosen: 'No file chosen', problems: 'Validation errors', file: 'File', line: 'Line', problem: 'Problem', filesOf: 'Files',
      edit: 'Edit in the browser', addRule: 'Add a rule row', save: 'Save as candidate', cancelEdit: 'Discard changes', editing: 'Editing',
      candidate: 'Candidate', lastN: 'Replay the last N records', replay: 'Replay', replaying: 'Replaying…', progress: '{n} of {total} replayed', activate: 'Activate…',
      kind: 'Records', replayed: 'Replayed', field: 'Field', changedRecords: 'Records changed', gradeChart: 'Lead grades (before / after)',
      priorityChart: 'Ticket priorities (before / after)', ownerLoad: 'Owners whose load changes', owner: 'Owner', loadChange: 'Leads ±',
      changed: 'Changed records', record: 'Record', before: 'Before', after: 'After', notes: 'How the replay works (as the server wrote it)',
      history: 'Version history', at: 'When', action: 'Action', actor: 'By', fromTo: 'Version', changes: 'Changes', noteRequired: 'Note (required)',
      cancel: 'Cancel', confirm: 'Confirm', view: 'View', select: 'Use as candidate',
      forbidden: 'Only rules owners and administrators may use the rules workbench', failed: 'Request failed', noChange: 'No change',
      noData: 'No data', pool: '(pool)', shownMore: '(first {n} shown)', none: '—', noteMissing: 'Please write a note',
      confirmActivate: 'Activate version {v}?', confirmRollback: 'Roll back to version {v}?',
      whatActivate: 'New decisions will use this version; decisions already running finish on the old one. The replay found:',
      whatRollback: 'Back to the version that was active before. Replayed against the current version:',
      activated: 'Version {v} is active', rolledBack: 'Rolled back to version {v}', saved: 'Candidate {v} saved; it compiles',
      known: 'These files are stored as version {v}', invalid: 'The candidate does not compile and was not stored',
      noRollback: 'There is no earlier version to roll back to', chooseFiles: 'Choose the files to upload',
      summaryLine: '{kind}: {n} replayed', summaryField: '{field} changed for {n}',
      kinds: { lead: 'Leads', ticket: 'Tickets', 'customer-tier': 'Customer tiers' },
      fields: { score: 'Score', grade: 'Grade', owner: 'Owner', priority: 'Priority', firstResponseTarget: 'First-response target',
        resolutionTarget: 'Resolution target' },
      actions: { DEPLOY: 'Deployed', UPLOAD: 'Uploaded', ACTIVATE: 'Activated', ROLLBACK: 'Rolled back' },
      statuses: { ACTIVE: 'active', CANDIDATE: 'candidate', RETIRED: 'retired' },
      fileChanges: { changed: 'changed', added: 'added', removed: 'removed', nothing: 'no file changed', first: 'first deployment' }
    }
  };
  /** dmn-js' own labels in Chinese (its translate service; unknown ones stay as dmn-js writes them). */
  const DMN_ZH = {
    'When': '条件 When', 'Then': '结果 Then', 'Annotations': '注释', 'Annotation': '注释', 'Hit policy:': '命中策略：', 'Hit policy': '命中策略',
    'View DRD': '查看决策需求图 DRD', 'Add rule': '添加规则', 'Add rule above': '在上方添加规则', 'Add rule below': '在下方添加规则',
    'Remove rule': '删除规则', 'Copy rule': '复制规则', 'Cut rule': '剪切规则', 'Paste rule above': '粘贴到上方', 'Paste rule below': '粘贴到下方',
    'Add input column left': '在左侧添加输入列', 'Add input column right': '在右侧添加输入列', 'Remove input column': '删除输入列',
    'Add output column left': '在左侧添加输出列', 'Add output column right': '在右侧添加输出列', 'Remove output column': '删除输出列',
    'Copy input column': '复制输入列', 'Cut input column': '剪切输入列', 'Copy output column': '复制输出列', 'Cut output column': '剪切输出列',
    'Paste input column left': '粘贴到左侧', 'Paste input column right': '粘贴到右侧', 'Paste output column left': '粘贴到左侧',
    'Paste output column right': '粘贴到右侧', 'Add cell description': '添加单元格说明', 'Remove cell description': '删除单元格说明',
    'Delete': '删除', 'Edit': '编辑', 'Input': '输入', 'Output': '输出', 'Add input': '添加输入', 'Add output': '添加输出',
    'Expression': '表达式', 'Expression language': '表达式语言', 'Input label': '输入标签', 'Input expression': '输入表达式',
    'Output label': '输出标签', 'Output name': '输出名称', 'Type': '类型', 'Yes': '是', 'No': '否', 'Enter expression': '输入表达式',
    'Strings must be in double quotes': '字符串须用双引号', 'Decision name': '决策名称', 'Variable name': '变量名', 'Variable type': '变量类型'
  };
  const MAX_SHOWN_CHANGES = 500;
  const RECORD_URL = { lead: (id) => '/api/leads/' + encodeURIComponent(id), ticket: (id) => '/api/tickets/' + encodeURIComponent(id),
    'customer-tier': (id) => '/api/customers/' + encodeURIComponent(id) };
  const DmnViewer = window.DmnJS;

  let language = CrmflowPage.language();
  let viewer = null;
  let overview = null;
  let audit = [];
  let shown = null;
  let shownFile = null;
  let dmnXml = null;
  let candidate = null;
  let replay = null;
  let modeler = null;
  const charts = {};
  let dmnViewer = null;

  /** What the page's other scripts (version differences, calibration) are told: language switched, overview loaded. */
  const listeners = { translate: [], overview: [] };
  const $ = (id) => document.getElementById(id);
  const t = (key, values) => Object.entries(values || {}).reduce((text, [name, value]) => text.replace('{' + name + '}', value),
    TEXT[language][key]);
  const label = (group, key) => TEXT[language][group][key] || key;
  const versionName = (version) => '#' + version.id + ' · ' + version.version;
  // Beijing time as 2026-12-05 14:30 in both languages (sv-SE writes dates that way).
  const time = (at) => at ? new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric',
    month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(at)) : t('none');

  function element(tag, text, className) {
    const made = document.createElement(tag);
    if (text !== undefined && text !== null) made.textContent = String(text);
    if (className) made.className = className;
    return made;
  }

  function row(body, values) {
    const tr = document.createElement('tr');
    values.forEach((value) => {
      const td = value instanceof Node ? element('td') : element('td', value === null || value === undefined ? t('none') : value);
      if (value instanceof Node) td.appendChild(value);
      tr.appendChild(td);
    });
    body.appendChild(tr);
    return tr;
  }

  /** A refused call as an Error carrying the problem (status, detail, problems). */
  async function refusal(response) {
    const problem = await response.json().catch(() => ({}));
    const error = new Error(response.status === 403 ? t('forbidden') : t('failed') + (problem.detail ? ': ' + problem.detail : ''));
    error.status = response.status;
    error.problem = problem;
    return error;
  }

  /** A call of /rules/data: its status and body; a refusal becomes an Error carrying the problem (status, detail, problems). */
  async function call(path, options) {
    const request = Object.assign({ credentials: 'same-origin', headers: { Accept: 'application/json, text/plain, application/problem+json' } },
      options || {});
    if (request.method && request.method !== 'GET') request.headers[viewer.csrfHeader] = viewer.csrfToken;
    const response = await fetch('/rules/data' + path, request);
    if (!response.ok) throw await refusal(response);
    const body = await ((response.headers.get('Content-Type') || '').startsWith('text/plain') ? response.text() : response.json());
    return { status: response.status, body: body };
  }

  async function api(path, options) {
    return (await call(path, options)).body;
  }

  /** Options of a dmn-js viewer or modeler that speaks the page's language. */
  function dmnOptions() {
    const translate = (template, replacements) => (language === 'zh' && DMN_ZH[template] || template)
      .replace(/{([^}]+)}/g, (all, key) => (replacements && replacements[key] !== undefined ? replacements[key] : all));
    // Per view type: dmn-js replaces, not merges, the common additional modules with a view's own.
    const speaking = { additionalModules: [{ translate: ['value', translate] }] };
    return { drd: speaking, decisionTable: speaking, literalExpression: speaking, boxedExpression: speaking };
  }

  /** A message above the cards: what went wrong, or (done) what was just done. */
  function say(text, done) {
    $('message').textContent = text || '';
    $('message').className = done ? 'ok' : '';
  }

  function showChosenFiles() {
    const names = [...$('upload-files').files].map((file) => file.name);
    $('chosen-files').textContent = names.length ? names.join(', ') : t('noFileChosen');
  }

  function translate() {
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
    document.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = t(node.dataset.i18n); });
    $('language').textContent = t('language');
    showChosenFiles();
    listeners.translate.forEach((listener) => listener());
  }

  function versions() {
    return [overview.active, ...overview.versions];
  }

  /** The version a rollback returns to: the one active before the current one was activated or deployed. */
  function rollbackTarget() {
    const entry = audit.find((e) => e.toVersion === overview.active.id && (e.action === 'ACTIVATE' || e.action === 'DEPLOY'));
    return entry && entry.fromVersion ? versions().find((v) => v.id === entry.fromVersion) : null;
  }

  function fileChanges(summary) {
    if (summary === 'no file changed') return label('fileChanges', 'nothing');
    if (summary === 'first deployment') return label('fileChanges', 'first');
    return summary.split('; ').map((part) => part.replace(/ (changed|added|removed)$/, (all, what) => ' ' + label('fileChanges', what))).join('；');
  }

  async function loadOverview() {
    [overview, audit] = await Promise.all([api(''), api('/audit')]);
    const active = overview.active;
    const activation = audit.find((e) => e.toVersion === active.id && e.action !== 'UPLOAD');
    $('active-version').textContent = versionName(active);
    $('active-by').textContent = active.activatedBy || active.createdBy;
    $('active-at').textContent = time(active.activatedAt || active.createdAt);
    $('active-note').textContent = activation && activation.note ? activation.note : t('none');
    $('active-files').replaceChildren(...active.files.map((name) => {
      const button = element('button', name);
      button.type = 'button';
      button.addEventListener('click', () => showVersion(active, name));
      return button;
    }));
    $('active-files').classList.add('tabs');
    $('rollback').disabled = !rollbackTarget();
    showHistory();
    listeners.overview.forEach((listener) => listener(versions(), audit));
  }

  function showHistory() {
    const body = $('history-table').querySelector('tbody');
    body.replaceChildren();
    audit.forEach((entry) => {
      const version = versions().find((v) => v.id === entry.toVersion);
      const actions = element('span');
      const view = element('button', t('view'));
      view.type = 'button';
      view.addEventListener('click', () => showVersion(version));
      actions.appendChild(view);
      if (version.status !== 'ACTIVE' && entry === audit.find((e) => e.toVersion === entry.toVersion)) {
        const use = element('button', t('select'));
        use.type = 'button';
        use.className = 'use-candidate';
        use.dataset.version = String(version.id);
        use.addEventListener('click', () => useCandidate(version));
        actions.appendChild(use);
      }
      const tr = row(body, [time(entry.at), label('actions', entry.action), entry.actor,
        (entry.fromVersion ? '#' + entry.fromVersion + ' → ' : '') + '#' + entry.toVersion + ' (' + label('statuses', version.status) + ')',
        fileChanges(entry.summary), entry.note, actions]);
      tr.dataset.action = entry.action;
      tr.dataset.to = String(entry.toVersion);
      if (entry.fromVersion) tr.dataset.from = String(entry.fromVersion);
    });
  }

  function tabs(container, names, selected, choose) {
    container.replaceChildren(...names.map((name) => {
      const button = element('button', name.label);
      button.type = 'button';
      button.dataset.name = name.key;
      button.setAttribute('aria-pressed', String(name.key === selected));
      button.addEventListener('click', () => choose(name.key));
      return button;
    }));
  }

  async function showVersion(version, fileName) {
    shown = version;
    $('shown-version').textContent = versionName(version) + ' (' + label('statuses', version.status) + ')';
    const first = fileName || version.files.find((name) => name.endsWith('.dmn')) || version.files[0];
    await showFile(first);
    $('files-card').scrollIntoView();
  }

  async function showFile(name) {
    stopEditing();
    shownFile = name;
    tabs($('file-tabs'), shown.files.map((file) => ({ key: file, label: file })), name, showFile);
    const text = await api('/candidates/' + shown.id + '/files/' + encodeURIComponent(name));
    const isDmn = name.endsWith('.dmn');
    $('dmn').hidden = !isDmn;
    $('dmn-tools').hidden = !isDmn;
    $('table-tabs').hidden = !isDmn;
    $('source').hidden = isDmn;
    if (isDmn) {
      dmnXml = text;
      if (!dmnViewer) dmnViewer = new DmnViewer(Object.assign({ container: '#dmn' }, dmnOptions()));
      await dmnViewer.importXML(text);
      showTables(dmnViewer);
    } else {
      const code = $('source-code');
      code.className = name.endsWith('.yaml') ? 'language-yaml' : 'language-java';
      code.textContent = text;
      Prism.highlightElement(code);
    }
    document.body.dataset.shownFile = name;
  }

  /** One tab per decision table of the DMN file; the first table is opened. */
  function showTables(dmn) {
    const tables = dmn.getViews().filter((view) => view.type === 'decisionTable');
    const open = (id) => {
      const view = tables.find((candidateView) => candidateView.element.id === id);
      dmn.open(view).then(() => {
        tabs($('table-tabs'), tables.map((table) => ({ key: table.element.id, label: table.element.name || table.element.id })), id, open);
        $('dmn').dataset.table = id;
      });
    };
    const current = dmn.getActiveView();
    open(current && current.type === 'decisionTable' ? current.element.id : tables[0].element.id);
  }

  /** The modeler's script is loaded when someone first edits: most visits only look. It, too, defines window.DmnJS. */
  let DmnModeler = null;
  function loadModeler() {
    if (DmnModeler) return Promise.resolve(DmnModeler);
    return new Promise((resolve, reject) => {
      const script = element('script');
      script.src = '/rules/vendor/dmn-js/dmn-modeler.production.min.js';
      script.onload = () => { DmnModeler = window.DmnJS; resolve(DmnModeler); };
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  async function startEditing() {
    const Modeler = await loadModeler();
    if (modeler) modeler.destroy();
    modeler = new Modeler(dmnOptions());
    const table = $('dmn').dataset.table;
    dmnViewer.detach();
    modeler.attachTo('#dmn');
    await modeler.importXML(dmnXml);
    await modeler.open(modeler.getViews().find((view) => view.element.id === table));
    showTables(modeler);
    setEditing(true);
  }

  function stopEditing() {
    if (modeler && $('dmn').dataset.editing === 'true') {
      modeler.detach();
      if (dmnViewer) dmnViewer.attachTo('#dmn');
    }
    setEditing(false);
  }

  function setEditing(editing) {
    $('edit').hidden = editing;
    ['add-rule', 'save', 'cancel-edit', 'editing'].forEach((id) => { $(id).hidden = !editing; });
    $('dmn').dataset.editing = String(editing);
  }

  async function saveEdited() {
    const { xml } = await modeler.saveXML({ format: true });
    await uploadFiles([new File([xml], shownFile, { type: 'application/xml' })]);
  }

  async function uploadFiles(files) {
    say('');
    $('problems').hidden = true;
    const form = new FormData();
    files.forEach((file) => form.append('files', file, file.name));
    try {
      const { status, body: version } = await call('/candidates', { method: 'POST', body: form });
      await loadOverview();
      say(t(status === 201 ? 'saved' : 'known', { v: versionName(version) }), true);
      stopEditing();
      await useCandidate(version, files[0].name);
    } catch (error) {
      if (error.status === 422 && error.problem.problems) {
        showProblems(error.problem.problems);
        say(t('invalid'));
      } else {
        say(error.message);
      }
    }
  }

  function showProblems(problems) {
    const body = $('problems-table').querySelector('tbody');
    body.replaceChildren();
    // Line 0 or none: the problem is about the file as a whole.
    problems.forEach((problem) => row(body, [problem.file, problem.line > 0 ? problem.line : null, problem.message]));
    $('problems').hidden = false;
    $('problems').scrollIntoView();
  }

  /** Makes {@code version} the one to replay and activate, showing its file {@code fileName} (or its first table). */
  async function useCandidate(version, fileName) {
    candidate = version;
    replay = null;
    $('candidate-card').hidden = false;
    $('candidate-version').textContent = versionName(version) + ' (' + label('statuses', version.status) + ')';
    $('activate').hidden = version.status === 'ACTIVE';
    $('replay-result').hidden = true;
    await showVersion(version, fileName && version.files.includes(fileName) ? fileName : undefined);
    $('candidate-card').scrollIntoView();
  }

  /**
   * Replays with progress: the server sends a line of JSON now and then ({decided, total}) and the report last, so the page
   * can show how far a replay of thousands of records has come while it waits.
   */
  async function runReplay(version) {
    const last = Number($('last').value);
    showProgress(0, 0);
    const response = await fetch('/rules/data/candidates/' + version.id + '/replay?progress=1&last=' + last, { method: 'POST',
      credentials: 'same-origin', headers: { Accept: 'application/x-ndjson, application/problem+json', [viewer.csrfHeader]: viewer.csrfToken } });
    if (!response.ok) throw await refusal(response);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    let result = null;
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      buffer += read.value;
      const lines = buffer.split('\n');
      buffer = lines.pop();
      lines.filter((line) => line.trim()).map((line) => JSON.parse(line)).forEach((message) => {
        if (message.error) throw new Error(t('failed') + ': ' + message.error);
        if (message.replay) result = message.replay; else showProgress(message.decided, message.total);
      });
    }
    if (!result) throw new Error(t('failed'));
    return { version: version.id, last: last, result: result };
  }

  /** Every progress bar of the page (beside the replay button and in the confirmation) shows how far the replay is. */
  function showProgress(decided, total) {
    document.querySelectorAll('.replay-progress').forEach((bar) => {
      bar.max = total || 1;
      bar.value = decided;
      bar.title = t('progress', { n: decided, total: total });
      bar.dataset.decided = String(decided);
    });
    document.querySelectorAll('.replay-progress-text').forEach((text) => {
      text.textContent = total ? t('progress', { n: decided.toLocaleString('en'), total: total.toLocaleString('en') }) : '';
    });
  }

  /** Records changed per field: how many different records, as a record can change score and grade at once. */
  function changedPerField(report) {
    const fields = {};
    report.differences.forEach((d) => { (fields[d.field] = fields[d.field] || new Set()).add(d.record); });
    return Object.entries(fields).map(([field, records]) => ({ field: field, count: records.size }));
  }

  function summaryLines(result) {
    return result.reports.map((report) => {
      const fields = changedPerField(report).map((f) => t('summaryField', { field: label('fields', f.field), n: f.count }));
      return t('summaryLine', { kind: label('kinds', report.kind), n: report.replayed }) + (language === 'zh' ? '，' : '; ')
        + (fields.length ? fields.join(language === 'zh' ? '，' : ', ') : t('noChange'));
    });
  }

  function shareChart(id, shares) {
    if (!charts[id]) charts[id] = echarts.init($(id));
    const values = shares.map((share) => share.value);
    charts[id].setOption({
      title: shares.length ? { show: false } : { show: true, text: t('noData'), left: 'center', top: 'middle', textStyle: { color: '#9aa5b1', fontSize: 14 } },
      tooltip: { trigger: 'axis' }, legend: { data: [t('before'), t('after')], top: 0 }, grid: { top: 40, left: 50, right: 20, bottom: 30 },
      xAxis: { type: 'category', data: values }, yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('before'), type: 'bar', data: shares.map((share) => share.before), itemStyle: { color: '#9aa5b1' } },
        { name: t('after'), type: 'bar', data: shares.map((share) => share.after), itemStyle: { color: '#1f6feb' } }
      ]
    }, true);
  }

  function showReplay() {
    const { result } = replay;
    const summary = $('summary-table').querySelector('tbody');
    summary.replaceChildren();
    result.reports.forEach((report) => {
      const fields = changedPerField(report);
      (fields.length ? fields : [{ field: null, count: 0 }]).forEach((f) => {
        const tr = row(summary, [label('kinds', report.kind), report.replayed, f.field ? label('fields', f.field) : t('noChange'), f.count]);
        tr.dataset.kind = report.kind;
        tr.dataset.field = f.field || '';
        tr.lastChild.className = 'number';
      });
    });
    const shares = result.reports.flatMap((report) => report.shares);
    shareChart('grade-chart', shares.filter((share) => share.field === 'grade'));
    shareChart('priority-chart', shares.filter((share) => share.field === 'priority'));

    const load = {};
    result.reports.flatMap((report) => report.differences).filter((d) => d.field === 'owner').forEach((d) => {
      load[d.oldValue] = (load[d.oldValue] || 0) - 1;
      load[d.newValue] = (load[d.newValue] || 0) + 1;
    });
    const owners = $('owners-table').querySelector('tbody');
    owners.replaceChildren();
    const changedOwners = Object.entries(load).filter(([, change]) => change !== 0).sort((a, b) => a[1] - b[1]);
    if (!changedOwners.length) row(owners, [t('noChange'), '']);
    changedOwners.forEach(([owner, change]) => row(owners, [owner === '(pool)' ? t('pool') : owner, (change > 0 ? '+' : '') + change]));

    const changes = $('changes-table').querySelector('tbody');
    changes.replaceChildren();
    const all = result.reports.flatMap((report) => report.differences.map((d) => Object.assign({ kind: report.kind }, d)));
    all.slice(0, MAX_SHOWN_CHANGES).forEach((d) => {
      const link = element('a', d.record);
      link.href = RECORD_URL[d.kind] ? RECORD_URL[d.kind](d.record) : '#';
      link.target = '_blank';
      link.rel = 'noopener';
      const tr = row(changes, [label('kinds', d.kind), link, label('fields', d.field), d.oldValue, d.newValue]);
      tr.children[3].className = 'old';
      tr.children[4].className = 'new';
    });
    $('changed-count').textContent = '(' + all.length + ')' + (all.length > MAX_SHOWN_CHANGES ? ' ' + t('shownMore', { n: MAX_SHOWN_CHANGES }) : '');
    $('replay-notes').querySelector('ul').replaceChildren(...result.reports.flatMap((report) => [...report.summary, ...report.notes])
      .map((note) => element('li', note)));
    $('replay-result').hidden = false;
    $('replay-result').dataset.replayed = String(Date.now());
    Object.values(charts).forEach((chart) => chart.resize());
  }

  async function replayCandidate() {
    say('');
    $('replaying').hidden = false;
    $('replay').disabled = true;
    try {
      replay = await runReplay(candidate);
      showReplay();
    } catch (error) {
      say(error.message);
    } finally {
      $('replaying').hidden = true;
      $('replay').disabled = false;
    }
  }

  /** Asks for a note after showing what the replay found; resolves with the note, or null when cancelled. */
  async function confirmWithReplay(title, what, version) {
    const dialog = $('confirm');
    $('confirm-title').textContent = title;
    $('confirm-what').textContent = what;
    $('confirm-note').value = '';
    $('confirm-summary').replaceChildren();
    $('confirm-ok').disabled = true;
    $('confirm-replaying').hidden = false;
    dialog.showModal();
    const answer = new Promise((resolve) => {
      $('confirm-cancel').onclick = () => { dialog.close(); resolve(null); };
      $('confirm-form').onsubmit = (event) => {
        event.preventDefault();
        const note = $('confirm-note').value.trim();
        if (!note) { $('confirm-note').setCustomValidity(t('noteMissing')); $('confirm-note').reportValidity(); return; }
        dialog.close();
        resolve(note);
      };
      $('confirm-note').oninput = () => $('confirm-note').setCustomValidity('');
    });
    try {
      const last = Number($('last').value);
      const known = replay && replay.version === version.id && replay.last === last ? replay : await runReplay(version);
      $('confirm-summary').replaceChildren(...summaryLines(known.result).map((line) => element('li', line)));
      $('confirm-ok').disabled = false;
    } catch (error) {
      $('confirm-summary').replaceChildren(element('li', error.message));
    } finally {
      $('confirm-replaying').hidden = true;
    }
    return answer;
  }

  async function activateCandidate() {
    const note = await confirmWithReplay(t('confirmActivate', { v: versionName(candidate) }), t('whatActivate'), candidate);
    if (note === null) return;
    try {
      const active = await api('/candidates/' + candidate.id + '/activate?note=' + encodeURIComponent(note), { method: 'POST' });
      await afterSwitch(active, 'activated');
    } catch (error) {
      say(error.message);
    }
  }

  async function rollBack() {
    const target = rollbackTarget();
    if (!target) { say(t('noRollback')); return; }
    const note = await confirmWithReplay(t('confirmRollback', { v: versionName(target) }), t('whatRollback'), target);
    if (note === null) return;
    try {
      const active = await api('/rollback?note=' + encodeURIComponent(note), { method: 'POST' });
      await afterSwitch(active, 'rolledBack');
    } catch (error) {
      say(error.message);
    }
  }

  async function afterSwitch(active, done) {
    await loadOverview();
    $('candidate-card').hidden = true;
    candidate = null;
    replay = null;
    await showVersion(overview.active);
    say(t(done, { v: versionName(active) }), true);
    $('active-card').scrollIntoView();
  }

  async function start() {
    translate();
    viewer = await CrmflowPage.viewer();
    $('viewer').textContent = viewer.userId;
    $('language').addEventListener('click', async () => {
      language = CrmflowPage.otherLanguage(language);
      translate();
      // dmn-js translates as it draws: a new viewer in the new language.
      if (dmnViewer) { dmnViewer.destroy(); dmnViewer = null; }
      await loadOverview();
      if (shown) await showFile(shownFile);
      if (shown) $('shown-version').textContent = versionName(shown) + ' (' + label('statuses', shown.status) + ')';
      if (candidate) $('candidate-version').textContent = versionName(candidate) + ' (' + label('statuses', candidate.status) + ')';
      if (replay) showReplay();
    });
    $('logout').addEventListener('click', () => CrmflowPage.logOut(viewer));
    $('edit').addEventListener('click', () => startEditing().catch((error) => say(error.message)));
    $('add-rule').addEventListener('click', () => modeler.getActiveViewer().get('editorActions').trigger('addRule'));
    $('save').addEventListener('click', () => saveEdited().catch((error) => say(error.message)));
    $('cancel-edit').addEventListener('click', () => showFile(shownFile));
    $('upload-files').addEventListener('change', showChosenFiles);
    $('upload-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const files = [...$('upload-files').files];
      if (files.length) uploadFiles(files); else say(t('chooseFiles'));
    });
    $('replay-form').addEventListener('submit', (event) => { event.preventDefault(); replayCandidate(); });
    $('activate').addEventListener('click', activateCandidate);
    $('rollback').addEventListener('click', rollBack);
    window.addEventListener('resize', () => Object.values(charts).forEach((chart) => chart.resize()));
    try {
      await loadOverview();
      await showVersion(overview.active);
      document.body.dataset.loaded = String(Date.now());
    } catch (error) {
      say(error.message);
    }
  }

  /** For the page's other scripts, which run after this one and before the page starts. */
  window.RulesWorkbench = {
    /** Adds texts of another script to the page's texts ({zh: {...}, en: {...}}), for data-i18n and t(). */
    texts: (more) => { Object.keys(TEXT).forEach((lang) => Object.assign(TEXT[lang], more[lang])); },
    on: (event, listener) => listeners[event].push(listener),
    language: () => language,
    t: t, label: label, api: api, element: element, row: row, time: time, versionName: versionName, charts: charts
  };

  document.addEventListener('DOMContentLoaded', start);
}());
