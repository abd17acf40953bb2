// A push's body is written as UTF-8 bytes, a mutation at a time: every text a concierge types
// (accents, ’, emoji, any script) must reach the server as the JSON the device wrote.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { pushBody } from '../../../src/sync/transport';

test('a push’s body is the JSON of its mutations, whatever their text', async () => {
  // ’ and € take three bytes for one UTF-16 unit, the most any unit takes.
  const typography = fc.string({ unit: fc.constantFrom('’', '€', 'é', '😀'), minLength: 100, maxLength: 300 });
  const text = fc.oneof(typography, fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }));
  await fc.assert(
    fc.asyncProperty(fc.array(fc.record({ id: fc.uuid(), note: text })), async (mutations) => {
      const encoded = mutations.map((mutation) => JSON.stringify(mutation));
      const body = new TextDecoder('utf-8', { fatal: true }).decode(await pushBody(encoded).arrayBuffer());
      expect(JSON.parse(body)).toEqual({ mutations });
      expect(body).toBe(`{"mutations":[${encoded.join(',')}]}`);
    }),
  );
});
