import { describe, expect, it } from 'vitest';
import { paperNumbers } from './numbering.ts';

describe('paper numbers', () => {
  it('numbers questions in page order, panels opened, without html or hidden elements', () => {
    const numbers = paperNumbers({
      pages: [
        {
          elements: [
            { type: 'html', name: 'h' },
            { type: 'boolean', name: 'a' },
          ],
        },
        {
          visibleIf: '{a} = true',
          elements: [
            { type: 'panel', name: 'p', elements: [{ type: 'text', name: 'b', visibleIf: '{a} = true' }] },
            { type: 'text', name: 'never', visible: false },
            { type: 'comment', name: 'c' },
          ],
        },
      ],
    });
    expect([...numbers]).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
  });
});
