// Ranked ids from MiniSearch 7.2.0 and lunr.js 2.3.9 for the judged queries,
// over the same documents our bundle holds.
//
//   node bench/relevance.mjs CONFIG.json
//
// CONFIG: { docs: path of a JSON array of {id, title, tags, summary, body},
//           queries: ["…", …] }
// Prints { minisearch: [[id…]…], lunr: [[id…]…], lunr_errors } on stdout.
import { readFileSync } from 'node:fs';
import MiniSearch from 'minisearch';
import lunr from 'lunr';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const docs = JSON.parse(readFileSync(config.docs, 'utf8'));
const LIMIT = 10;

const mini = new MiniSearch({ fields: ['title', 'tags', 'summary', 'body'], idField: 'id' });
mini.addAll(docs);
const miniOptions = { prefix: true, fuzzy: 0.2, boost: { title: 2 } };

const index = lunr(function () {
  this.ref('id');
  this.field('title', { boost: 2 });
  this.field('tags');
  this.field('summary');
  this.field('body');
  for (const d of docs) this.add(d);
});

/** The query in lunr's syntax: the unfinished last word as a prefix. */
function lunrQuery(q) {
  const words = q.trim().split(/\s+/).filter(Boolean);
  if (words.length > 0 && !/\s$/.test(q)) words[words.length - 1] += '*';
  return words.join(' ');
}

let lunrErrors = 0;
const result = {
  minisearch: config.queries.map((q) => mini.search(q, miniOptions).slice(0, LIMIT).map((r) => String(r.id))),
  lunr: config.queries.map((q) => {
    try {
      return index.search(lunrQuery(q)).slice(0, LIMIT).map((r) => r.ref);
    } catch (err) {
      lunrErrors += 1; // a query lunr cannot parse finds nothing
      return [];
    }
  }),
};
result.lunr_errors = lunrErrors;
process.stdout.write(JSON.stringify(result) + '\n');
