'use strict';
// The rules workbench's difference between two versions (docs/product.md §15): per DMN decision table the rows added, removed
// and changed cell by cell, per other file the changed lines. Data from /rules/data/candidates/{from}/diff/{to}.
(function () {
  const W = window.RulesWorkbench;
  W.texts({
    zh: {
      compare: '比较', diffFrom: '从版本', diffTo: '到版本', diffTitle: '版本 {from} → {to} 的差异', unchangedFiles: '未变化的文件：{names}',
      noDifference: '两个版本的文件完全相同', rowAdded: '新增行', rowRemoved: '删除行', rowChanged: '修改行', rowNumber: '第 {n} 行',
      tableAdded: '新增决策表', tableRemoved: '删除决策表', columnsAdded: '新增列：{names}', columnsRemoved: '删除列：{names}',
      annotation: '注释', linesLeftOut: '⋯', empty: '（空）',
      diffChanges: { CHANGED: '已修改', ADDED: '新增', REMOVED: '删除', UNCHANGED: '未变化' }
    },
    en: {
      compare: 'Compare', diffFrom: 'From version', diffTo: 'To version', diffTitle: 'From version {from} to {to}', unchangedFiles: 'Unchanged files: {names}',
      noDifference: 'Both versions have the same files', rowAdded: 'Row added', rowRemoved: 'Row removed', rowChanged: 'Row changed',
      rowNumber: 'row {n}', tableAdded: 'Decision table added', tableRemoved: 'Decision table removed', columnsAdded: 'Columns added: {names}',
      columnsRemoved: 'Columns removed: {names}', annotation: 'Annotation', linesLeftOut: '⋯', empty: '(empty)',
      diffChanges: { CHANGED: 'changed', ADDED: 'added', REMOVED: 'removed', UNCHANGED: 'unchanged' }
    }
  });

  const $ = (id) => document.getElementById(id);
  const { t, label, element } = W;
  let shownDiff = null;
  let versions = [];

  const column = (cell) => (cell.kind === 'ANNOTATION' ? t('annotation') : cell.column);
  const value = (text) => (text === null || text === undefined || text === '' ? t('empty') : text);

  function options(select, selected) {
    select.replaceChildren(...versions.map((version) => {
      const option = element('option', W.versionName(version));
      option.value = String(version.id);
      option.selected = version.id === selected;
      return option;
    }));
  }

  /** The version pickers (newest first) and a compare button on each history row that changed from one version to another. */
  function versionsLoaded(all, audit) {
    versions = all.slice().sort((a, b) => b.id - a.id);
    const to = Number($('diff-to').value) || (versions[0] && versions[0].id);
    const from = Number($('diff-from').value) || (versions[1] && versions[1].id) || to;
    options($('diff-from'), from);
    options($('diff-to'), to);
    document.querySelectorAll('#history-table tbody tr[data-from]').forEach((tr) => {
      const compare = element('button', t('compare'));
      compare.type = 'button';
      compare.className = 'compare';
      compare.addEventListener('click', () => {
        $('diff-from').value = tr.dataset.from;
        $('diff-to').value = tr.dataset.to;
        showDiff().then(() => $('diff-result').scrollIntoView());
      });
      tr.lastChild.firstChild.appendChild(compare);
    });
  }

  async function showDiff() {
    try {
      shownDiff = await W.api('/candidates/' + $('diff-from').value + '/diff/' + $('diff-to').value);
      render();
    } catch (error) {
      $('message').textContent = error.message;
    }
  }

  function render() {
    if (!shownDiff) return;
    const byId = (id) => versions.find((version) => version.id === id);
    const name = (id, hash) => (byId(id) ? W.versionName(byId(id)) : '#' + id + ' · ' + hash);
    const result = $('diff-result');
    const changed = shownDiff.files.filter((file) => file.change !== 'UNCHANGED');
    const unchanged = shownDiff.files.filter((file) => file.change === 'UNCHANGED').map((file) => file.name);
    result.replaceChildren(element('h3', t('diffTitle', { from: name(shownDiff.from, shownDiff.fromVersion), to: name(shownDiff.to, shownDiff.toVersion) })));
    if (!changed.length) result.appendChild(element('p', t('noDifference')));
    changed.forEach((file) => {
      const section = element('section', null, 'diff-file');
      section.dataset.file = file.name;
      const heading = element('h4', file.name + ' ');
      heading.appendChild(element('span', label('diffChanges', file.change), 'badge change-' + file.change.toLowerCase()));
      section.appendChild(heading);
      file.tables.forEach((table) => section.appendChild(decisionTable(table)));
      if (file.lines.length) section.appendChild(lines(file.lines));
      result.appendChild(section);
    });
    if (unchanged.length) result.appendChild(element('p', t('unchangedFiles', { names: unchanged.join(', ') }), 'hint'));
    result.hidden = false;
    result.dataset.shown = shownDiff.from + '-' + shownDiff.to;
  }

  /** One decision table: a row per added, removed or changed rule, its cells (or changed cells) beside it. */
  function decisionTable(table) {
    const part = element('div', null, 'diff-table');
    part.dataset.decision = table.decision;
    const heading = element('h5', table.decision);
    if (table.change !== 'UNCHANGED') heading.append(' · ', t(table.change === 'ADDED' ? 'tableAdded' : 'tableRemoved'));
    part.appendChild(heading);
    if (table.columnsAdded.length) part.appendChild(element('p', t('columnsAdded', { names: table.columnsAdded.join('、') }), 'new'));
    if (table.columnsRemoved.length) part.appendChild(element('p', t('columnsRemoved', { names: table.columnsRemoved.join('、') }), 'old'));
    const rows = element('table', null, 'diff-rows');
    const body = element('tbody');
    const add = (kind, number, cells) => {
      const tr = W.row(body, [t(kind), t('rowNumber', { n: number }), cells]);
      tr.className = kind;
      return tr;
    };
    table.rowsRemoved.forEach((row) => add('rowRemoved', row.number, cellList(row.cells)).dataset.row = row.id || '');
    table.rowsAdded.forEach((row) => add('rowAdded', row.number, cellList(row.cells)).dataset.row = row.id || '');
    table.rowsChanged.forEach((row) => {
      const list = element('ul', null, 'cells');
      row.cells.forEach((cell) => {
        const item = element('li', column(cell) + ': ');
        item.append(element('del', value(cell.before)), ' → ', element('ins', value(cell.after)));
        list.appendChild(item);
      });
      add('rowChanged', row.numberAfter, list).dataset.row = row.id || '';
    });
    rows.appendChild(body);
    part.appendChild(rows);
    return part;
  }

  function cellList(cells) {
    const list = element('ul', null, 'cells');
    cells.forEach((cell) => list.appendChild(element('li', column(cell) + ': ' + value(cell.value))));
    return list;
  }

  /** Changed lines with their numbers in the older and the newer file, and a few unchanged lines around them. */
  function lines(all) {
    const pre = element('pre', null, 'diff-lines');
    all.forEach((line) => {
      if (line.gap) pre.appendChild(element('span', t('linesLeftOut') + '\n', 'gap'));
      const number = (n) => (n === null || n === undefined ? '' : String(n)).padStart(5);
      const kind = line.kind === '+' ? 'added' : line.kind === '-' ? 'removed' : 'context';
      pre.appendChild(element('span', number(line.before) + number(line.after) + ' ' + line.kind + ' ' + line.text + '\n', kind));
    });
    return pre;
  }

  W.on('overview', versionsLoaded);
  W.on('translate', render);
  document.addEventListener('DOMContentLoaded', () => {
    $('diff-form').addEventListener('submit', (event) => { event.preventDefault(); showDiff(); });
  });
}());
