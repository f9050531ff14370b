import { afterEach, describe, expect, it } from 'vitest';
import { columnWidthStyle, readColumnWidths, writeColumnWidths } from './column-widths';

describe('column widths', () => {
  afterEach(() => globalThis.localStorage?.clear());

  it('become one CSS variable per chosen column, and the row width', () => {
    expect(columnWidthStyle({ url: 312.4, model: 90 }, 1300)).toEqual({
      '--w-url': '312px',
      '--w-model': '90px',
      '--grid-sized-width': '1300px',
    });
    expect(columnWidthStyle({}, 1300)).toEqual({});
  });

  it('read back what was written, and nothing from bad storage', () => {
    if (!globalThis.localStorage) return; // the unit project may run without a DOM
    writeColumnWidths('t', { url: 300 });
    expect(readColumnWidths('t')).toEqual({ url: 300 });
    localStorage.setItem('cassette-viewer.column-widths.t', '{"url":"wide","x":-1,"y":20}');
    expect(readColumnWidths('t')).toEqual({ y: 20 });
    localStorage.setItem('cassette-viewer.column-widths.t', 'not json');
    expect(readColumnWidths('t')).toEqual({});
  });
});
