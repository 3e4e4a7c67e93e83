import { encodeCalcloudKeywords } from './calcloud-features';

describe('encodeCalcloudKeywords', () => {
  const keywords = {
    ipppssoot: 'ia2l51030',
    DETECTOR: 'UVIS',
    SUBARRAY: 'True',
    DRIZCORR: 'PERFORM',
    PCTECORR: 'perform',
    CRSPLIT: 1,
    n_files: '7',
    total_mb: 104.5,
  };

  it('encodes with calcloud rules', () => {
    expect(encodeCalcloudKeywords(keywords)).toEqual({
      n_files: 7,
      total_mb: 105,
      drizcorr: 1,
      pctecorr: 1,
      crsplit: 1,
      subarray: 1,
      detector: 1,
      dtype: 1,
      instr: 3,
    });
  });

  it('encodes missing keywords as 0 and a singleton as dtype 0', () => {
    expect(encodeCalcloudKeywords({ ipst: 'lcxx01abq', n_files: 2, total_mb: 35 })).toEqual({
      n_files: 2,
      total_mb: 35,
      drizcorr: 0,
      pctecorr: 0,
      crsplit: 0,
      subarray: 0,
      detector: 0,
      dtype: 0,
      instr: 1,
    });
  });

  it('encodes a CRSPLIT above 1 as 2', () => {
    expect(encodeCalcloudKeywords({ ...keywords, CRSPLIT: 4 })?.crsplit).toBe(2);
  });

  it.each([
    ['no dataset id', { n_files: 1, total_mb: 1 }],
    ['no file count', { ipst: 'ia2l51030', total_mb: 1 }],
    ['an unknown instrument letter', { ipst: 'xa2l51030', n_files: 1, total_mb: 1 }],
  ])('has nothing to encode with %s', (_case, params) => {
    expect(encodeCalcloudKeywords(params)).toBeUndefined();
  });
});
