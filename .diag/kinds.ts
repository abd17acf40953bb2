import { searchWords } from '../src/domain/search';
const t0 = performance.now();
searchWords('Réunion à la mairie');
const t1 = performance.now();
searchWords('Réunion à la mairie de Redon');
const t2 = performance.now();
console.log('first', (t1 - t0).toFixed(2), 'ms; second', (t2 - t1).toFixed(3), 'ms');
