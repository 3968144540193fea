/** Backup texts; merged into the app's dictionaries under the "backup" key. */
export const backupEn = {
  title: 'Backup and restore',
  explain:
    'A backup is the whole database in one file: master data, the hash-chained journal and where each declaration stands. Restoring checks every line first and replaces everything only if the file is intact.',
  export: 'Export a backup',
  exported: 'Backup written: {{file}} ({{entries}} journal entries)',
  restore: 'Restore from a backup…',
  confirmTitle: 'Replace everything with this backup?',
  confirmBody:
    'Everything in this database is replaced by the content of {{file}}. Export a backup first if you may need the current data.',
  confirmOk: 'Replace',
  cancel: 'Cancel',
  restored: 'Restored {{entries}} journal entries and {{lines}} book lines from {{file}}.',
  failed: 'Nothing was changed: {{message}}',
};

export const backupZh: typeof backupEn = {
  title: '备份与恢复',
  explain:
    '备份文件包含整个数据库：基础资料、带哈希链的流水账以及各申报的状态。恢复时先逐行校验，只有文件完好才会替换全部数据。',
  export: '导出备份',
  exported: '已导出备份：{{file}}（{{entries}} 条流水）',
  restore: '从备份恢复…',
  confirmTitle: '用此备份替换全部数据？',
  confirmBody: '本数据库中的全部数据将被 {{file}} 的内容替换。如仍需要当前数据，请先导出备份。',
  confirmOk: '替换',
  cancel: '取消',
  restored: '已从 {{file}} 恢复 {{entries}} 条流水、{{lines}} 个备案料号。',
  failed: '未做任何更改：{{message}}',
};
