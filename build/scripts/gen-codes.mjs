#!/usr/bin/env node
// Generates shared/codes/generated/*.ts from the sourced CSV code tables (../shared/codes beside the repo,
// or the folder given as the first argument). The output is committed: the app never reads CSV at run time,
// and a diff of the generated files shows exactly which codes changed when a table is re-compiled.
//
//   node build/scripts/gen-codes.mjs [CSV_DIR]
//
// Bump a table's `version` below whenever its rows change.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import prettier from 'prettier';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const csvDir = resolve(process.argv[2] ?? join(repoRoot, '../shared/codes'));
const outDir = join(repoRoot, 'shared/codes/generated');

const readme = 'see ../shared/codes/README.md for the full provenance notes';

/** The compiler's first word decides the status; anything not plainly sourced or verified is unverified. */
function statusOf(confidence) {
  const text = confidence.trim().toLowerCase();
  if (text.startsWith('verified')) return 'verified';
  if (text.startsWith('sourced')) return 'sourced';
  return 'unverified';
}

const orNull = (value) => (value && value.trim() !== '' ? value.trim() : null);

const tables = [
  {
    file: 'units.csv',
    exportName: 'unitsTable',
    rowType: 'UnitRow',
    id: 'units',
    titleZh: '海关计量单位代码',
    version: 1,
    sourceNote:
      'HXT enum BaseUnit (github:ryanrong95/HXT@eca78ea51c99), codes 001-164, corroborated by several unattributed ' +
      'public tables; English names are translations. One unattributed file gives 164=樘 and adds 165-167 (not included). ' +
      'The official table may hold codes missing here. ' +
      readme,
    row: (r) => ({
      code: r.code,
      nameZh: r.name_zh,
      nameEn: r.name_en,
      status: 'sourced',
      confidence: 'single attributable source (HXT BaseUnit), corroborated by unattributed tables',
      source: r.source.trim(),
    }),
  },
  {
    file: 'countries.csv',
    exportName: 'countriesTable',
    rowType: 'CountryRow',
    id: 'countries',
    titleZh: '海关国别(地区)代码',
    version: 1,
    sourceNote:
      'Numeric 3-digit codes and names from the China Customs statistics trading-partner list (via ' +
      'github:turbanisch/chinautils@bad4d68cbeb4). The 3-digit codes are what 金关二期 bonded messages carry (natcd); ' +
      'newSchemeCode is the post-2018 declaration code, matched by name (matchMethod says how). ' +
      readme,
    row: (r) => ({
      code: r.code,
      nameZh: r.name_zh,
      nameEn: r.name_en,
      status: 'sourced',
      confidence: 'customs statistics partner list; alpha code: ' + r.match_method.trim(),
      source: r.source.trim(),
      newSchemeCode: orNull(r.new_scheme_code),
      isoAlpha3: orNull(r.iso_alpha3),
    }),
  },
  {
    file: 'currencies.csv',
    exportName: 'currenciesTable',
    rowType: 'CurrencyRow',
    id: 'currencies',
    titleZh: '币制代码',
    version: 1,
    sourceNote:
      'No attributable numeric-to-ISO table was found: numeric codes come from unattributed public files ' +
      '(confidence counts the agreeing ones); 112 IDR and 344 RUB are inferred from the country-code rule. ' +
      readme,
    row: (r) => ({
      code: r.code,
      nameZh: r.name_zh,
      nameEn: r.name_en,
      status: statusOf(r.confidence),
      confidence: r.confidence.trim(),
      source: r.source.trim(),
      iso4217: r.iso4217,
    }),
  },
  {
    file: 'supervision-modes.csv',
    exportName: 'supervisionModesTable',
    rowType: 'SupervisionModeRow',
    id: 'supervisionModes',
    titleZh: '监管方式代码',
    version: 1,
    sourceNote:
      'HXT enum BaseMonitorWay (98 codes, current names) plus 5200, 0139, 3039 from an unattributed 2018 dump and ' +
      "9710/9810 from several unattributed files. zoneUse is the compiler's assessment, not sourced. " +
      readme,
    row: (r) => ({
      code: r.code,
      nameZh: r.name_zh,
      nameEn: r.name_en,
      status: statusOf(r.confidence),
      confidence: r.confidence.trim(),
      source: r.source.trim(),
      zoneUse: orNull(r.zone_use),
    }),
  },
  {
    file: 'transport-modes.csv',
    exportName: 'transportModesTable',
    rowType: 'TransportModeRow',
    id: 'transportModes',
    titleZh: '运输方式代码',
    version: 1,
    sourceNote: 'HXT enum BaseTransport; usage notes from WeLogix TRANS_MODE. ' + readme,
    row: (r) => ({
      code: r.code,
      nameZh: r.name_zh,
      nameEn: r.name_en,
      status: statusOf(r.confidence),
      confidence: r.confidence.trim(),
      source: r.source.trim(),
      usageNoteZh: orNull(r.usage_note_zh),
    }),
  },
  {
    file: 'levy-modes.csv',
    exportName: 'levyModesTable',
    rowType: 'LevyModeRow',
    id: 'levyModes',
    titleZh: '征免方式代码',
    version: 1,
    sourceNote: 'WeLogix DELG_EXEMPTIONWAY, codes 1-9, agreed by three unattributed dumps. ' + readme,
    row: (r) => ({
      code: r.code,
      nameZh: r.name_zh,
      nameEn: r.name_en,
      status: statusOf(r.confidence),
      confidence: r.confidence.trim(),
      source: r.source.trim(),
      nameVariants: orNull(r.name_variants),
    }),
  },
  {
    file: 'customs-districts-beijing.csv',
    exportName: 'customsDistrictsTable',
    rowType: 'CustomsDistrictRow',
    id: 'customsDistricts',
    titleZh: '关区代码 (北京, 部分)',
    version: 1,
    sourceNote:
      'Only 0000 and 0100-0108 are sourced (alibaba-fusion/next test data, older short names). The codes of 天竺海关, ' +
      '大兴机场海关 and 首都机场海关 were not found: offices known only by name are listed apart, without a code. ' +
      '991101, 110000, 115100 are not 关区代码. Tianjin 0200-0208 are unverified seed data. ' +
      readme,
    skip: (r) => r.code.trim() === '',
    row: (r) => ({
      code: r.code,
      nameZh: r.name_zh,
      nameEn: r.name_en,
      status: statusOf(r.confidence),
      confidence: r.confidence.trim(),
      source: r.source.trim(),
      level: orNull(r.level),
      note: orNull(r.note),
    }),
    extra: (records) => ({
      name: 'beijingOfficesWithoutCode',
      comment:
        'Beijing customs offices whose 关区代码 no source gave; they must come from the official table.',
      value: records
        .filter((r) => r.code.trim() === '')
        .map((r) => ({
          nameZh: r.name_zh,
          nameEn: r.name_en,
          note: orNull(r.note),
          source: r.source.trim(),
        })),
    }),
  },
  {
    file: 'hs-examples.csv',
    exportName: 'hsExamplesTable',
    rowType: 'HsExampleRow',
    id: 'hsExamples',
    titleZh: '商品编码示例',
    version: 1,
    sourceNote:
      '8-digit codes, names and statistical units from the 2023 customs statistics tables (via chinautils); 43 of the ' +
      '52 10-digit codes append "00" and are unverified against the current tariff (附加码 splits). For demo data and ' +
      'tests, not for classification. ' +
      readme,
    row: (r) => ({
      code: r.hs_code,
      nameZh: r.name_zh,
      nameEn: r.name_en,
      status: statusOf(r.confidence),
      confidence: r.confidence.trim(),
      source: r.source.trim(),
      unit1Code: r.unit1_code,
      unit2Code: orNull(r.unit2_code),
      category: r.category,
    }),
  },
];

const header = (file) =>
  `// GENERATED by build/scripts/gen-codes.mjs from ${file} — do not edit; edit the CSV and re-run.\n`;

for (const table of tables) {
  const text = readFileSync(join(csvDir, table.file), 'utf8');
  const parsed = Papa.parse(text, { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) {
    throw new Error(`${table.file}: ${parsed.errors.map((e) => `row ${e.row}: ${e.message}`).join('; ')}`);
  }
  const records = parsed.data;
  const rows = records.filter((r) => !table.skip?.(r)).map(table.row);
  const codes = new Set();
  for (const row of rows) {
    if (codes.has(row.code)) throw new Error(`${table.file}: duplicate code ${row.code}`);
    codes.add(row.code);
  }
  const meta = {
    id: table.id,
    titleZh: table.titleZh,
    version: table.version,
    sourceNote: table.sourceNote,
  };
  let source = header(table.file);
  source += `import type { CodeTable } from '../code-table';\n`;
  source += `import type { ${table.rowType} } from '../rows';\n\n`;
  source += `export const ${table.exportName}: CodeTable<${table.rowType}> = ${JSON.stringify({ ...meta, rows })};\n`;
  if (table.extra) {
    const extra = table.extra(records);
    source += `\n/** ${extra.comment} */\nexport const ${extra.name} = ${JSON.stringify(extra.value)} as const;\n`;
  }
  const formatted = await prettier.format(source, {
    ...(await prettier.resolveConfig(join(outDir, 'x.ts'))),
    parser: 'typescript',
  });
  const outName = table.file.replace(/\.csv$/, '.ts');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, outName), formatted);
  console.log(`${outName}: ${rows.length} rows`);
}
