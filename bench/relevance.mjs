// Ranked ids from MiniSearch 7.2.0 and lunr.js 2.3.9 for the judged queries,
// over the same documents our bundle holds.
//
//   node bench/relevance.mjs CONFIG.json
//
// CONFIG: { docs: path of a JSON array of {id, title, tags, summary, body},
//           queries: ["…", …], language: "en" (default) or another tag }
//
// Both peers get the settings their documentation gives for search as you
// type: MiniSearch with prefix search on every word, fuzzy 0.2 and the
// title boosted twice; lunr.js with the unfinished last word as a prefix
// and the title boosted twice. lunr.js stems English only (lunr-languages
// is not installed here), so for any other language its English stemmer
// and stop words are left out and its ASCII-only trimmer is replaced by a
// Unicode one, which would otherwise cut accented letters off the ends of
// words ("créé" → "cr"). MiniSearch's tokenizer and lower-casing are
// Unicode-aware already and it does not stem, in any language.
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

const english = (config.language ?? 'en') === 'en';

/** lunr's trimmer, for any script: strips what is not a letter or digit. */
function unicodeTrimmer(token) {
  return token.update((s) => s.replace(/^[^\p{L}\p{N}]+/u, '').replace(/[^\p{L}\p{N}]+$/u, ''));
}
lunr.Pipeline.registerFunction(unicodeTrimmer, 'unicodeTrimmer');

const index = lunr(function () {
  if (!english) {
    this.pipeline.reset();
    this.searchPipeline.reset();
    this.pipeline.add(unicodeTrimmer);
  }
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
