// What keeps the database's own indexes on a write, and the schema upgrades that fill them:
// one file loaded before the first write (index-writes-loader.ts).
export { withDerivedKey } from './derived-key-writes';
export { UPGRADES } from './schema-upgrades';
export { searchedMutate } from './search-index-writes';
