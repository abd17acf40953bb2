// The look at a body's outline before it is parsed: what is inside a text is no structure, and a
// text ends at its first quote that no backslash escapes, however the backslashes run.
import { describe, expect, it } from 'vitest';
import { jsonOverLimits } from '../../../src/domain/json-shape';

const TWO_DEEP = { maxDepth: 2, maxValues: 100, maxKeys: 10 };

describe('jsonOverLimits', () => {
  it('counts no bracket, comma or colon inside a text, escaped quotes included', () => {
    expect(jsonOverLimits(String.raw`{"note":"[[[[ \"{{{{\" ,:,: ]]]]"}`, TWO_DEEP)).toBeNull();
    expect(jsonOverLimits(String.raw`{"note":"\\\"[[[["}`, TWO_DEEP)).toBeNull();
  });

  it('ends a text at a quote after an even run of backslashes, and sees what follows', () => {
    expect(jsonOverLimits(String.raw`{"path":"C:\\","list":[[[1]]]}`, TWO_DEEP)).toBe('depth');
    expect(jsonOverLimits(String.raw`{"path":"\\\\","list":[[[1]]]}`, TWO_DEEP)).toBe('depth');
    expect(jsonOverLimits(String.raw`{"a":"\\","b":1,"c":2}`, { ...TWO_DEEP, maxKeys: 2 })).toBe('keys');
  });

  it('leaves a text never closed to JSON.parse', () => {
    expect(jsonOverLimits(String.raw`{"note":"[[[[\"`, TWO_DEEP)).toBeNull();
  });
});
