// A backup's JSON read and written a piece at a time: exactly what JSON.parse and JSON.stringify
// give and refuse, whatever the spaces, keys and texts, so no file reads differently.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonPieces, parseJsonInSlices } from '../../../src/domain/json-in-slices';

const noPause = async () => {};

/** More than is parsed at once, so the array and object around it are walked member by member. */
const FILLER = `${'"x",'.repeat(9_000)}"x"`;

describe('JSON in slices', () => {
  it('reads what JSON.parse reads and refuses what it refuses, and writes what JSON.stringify writes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.json(), { minLength: 1, maxLength: 12 }),
        fc.constantFrom('', ' ', '\n\t '),
        fc.nat(),
        async (values, space, cut) => {
          const head = `${space}[${space}${values.join(`${space},${space}`)}${space},${space}{${space}"__proto__"${space}:${space}[`;
          const tail = `]${space},"k":1${space}}${space}]${space}`;
          const text = head + FILLER + tail;
          const read = await parseJsonInSlices(text, noPause);
          const expected = JSON.parse(text);
          expect(read.ok && JSON.stringify(read.value)).toBe(JSON.stringify(expected));
          expect(read.ok && (await jsonPieces(read.value, noPause)).join('')).toBe(JSON.stringify(expected));
          // One character gone around the filler: refused exactly when JSON.parse refuses it.
          const at = cut % (head.length + tail.length);
          const damaged =
            at < head.length
              ? head.slice(0, at) + head.slice(at + 1) + FILLER + tail
              : head + FILLER + tail.slice(0, at - head.length) + tail.slice(at - head.length + 1);
          const parsed = (() => {
            try {
              return JSON.stringify(JSON.parse(damaged));
            } catch {
              return null;
            }
          })();
          const again = await parseJsonInSlices(damaged, noPause);
          expect(again.ok ? JSON.stringify(again.value) : null).toBe(parsed);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('refuses a text nested deeper than any file, even when it is also malformed', async () => {
    const deep = `${'['.repeat(65)}${']'.repeat(65)}`;
    expect(await parseJsonInSlices(`{"a":${deep},"b":[${'1,'.repeat(20_000)}1]}`, noPause)).toEqual({
      ok: false,
      problem: 'too_deep',
    });
    expect(await parseJsonInSlices(`[1,,${deep}]`, noPause)).toEqual({ ok: false, problem: 'too_deep' });
    expect(await parseJsonInSlices(`[${'['.repeat(63)}${']'.repeat(63)}]`, noPause)).toMatchObject({ ok: true });
  });
});
