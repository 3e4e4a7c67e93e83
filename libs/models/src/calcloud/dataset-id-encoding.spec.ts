import { DATASET_ID_COLUMNS, DatasetIdEncoder, fitDatasetIdEncoding, outOfFoldDatasetIdColumns } from './dataset-id-encoding';

const job = (ipst: string | undefined, memoryGb: number, memBin: number) => ({ features: { ipst }, memoryGb, wallclockSeconds: 100, memBin });
const column = (name: string) => DATASET_ID_COLUMNS.indexOf(name);
const encode = (encoder: DatasetIdEncoder, ipst: string | undefined) => {
  const out = new Float32Array(DATASET_ID_COLUMNS.length);
  encoder.encode(ipst, out, 0);
  return out;
};

describe('dataset-id encoding', () => {
  // program "a2l": three bin-1 jobs of 3 GB in two visits; program "bbb": one bin-0 job of 1 GB; one job without an id
  const rows = [job('ia2l51030', 3, 1), job('ia2l51q4q', 3, 1), job('ia2l52030', 3, 1), job('ibbb01010', 1, 0), job(undefined, 1, 0)];
  const encoding = new DatasetIdEncoder(fitDatasetIdEncoding(rows, 2));

  it('shrinks a program toward all jobs and a visit toward its program, by the smoothing pseudo-count', () => {
    const a2l = encode(encoding, 'ia2l51abc');
    expect(a2l[column('program_log_count')]).toBeCloseTo(Math.log1p(3));
    const allBin1Share = 3 / 5;
    const programBin1Share = (3 + 2 * allBin1Share) / (3 + 2);
    expect(a2l[column('program_bin1_share')]).toBeCloseTo(programBin1Share);
    expect(a2l[column('visit_log_count')]).toBeCloseTo(Math.log1p(2));
    expect(a2l[column('visit_bin1_share')]).toBeCloseTo((2 + 2 * programBin1Share) / (2 + 2));
    expect(a2l[column('program_log_memory')]).toBeCloseTo((3 * Math.log1p(3) + 2 * ((3 * Math.log1p(3) + 2 * Math.log1p(1)) / 5)) / 5);
  });

  it('encodes a new visit of a known program with the program’s means, whichever encoder computes it first', () => {
    const newVisit = encode(encoding, 'ia2l99010');
    expect(newVisit[column('visit_log_count')]).toBe(0);
    expect(newVisit[column('program_log_count')]).toBeCloseTo(Math.log1p(3));
    expect(newVisit[column('visit_bin1_share')]).toBeCloseTo(newVisit[column('program_bin1_share')]);
    expect(encode(encoding, 'ia2l98q1q')).toEqual(newVisit);
    const fresh = new DatasetIdEncoder(fitDatasetIdEncoding(rows, 2));
    expect(encode(fresh, 'ia2l98q1q')).toEqual(newVisit);
    expect(encode(fresh, 'ia2l51abc')).toEqual(encode(encoding, 'ia2l51abc'));
  });

  it('encodes an unknown, short or missing id as count 0 with all jobs’ means', () => {
    const prior = encode(encoding, 'izzz01010');
    expect(prior[column('program_log_count')]).toBe(0);
    expect(prior[column('visit_log_count')]).toBe(0);
    expect(prior[column('program_bin1_share')]).toBeCloseTo(3 / 5);
    expect(encode(encoding, undefined)).toEqual(prior);
    expect(encode(encoding, 'ia2l')).toEqual(prior);
  });

  it('encodes training rows out of fold: no row ever sees its own target', () => {
    const many = Array.from({ length: 400 }, (_, i) => job(`i${String(i).padStart(3, '0')}01010`, i % 2 === 0 ? 1 : 10, i % 2 === 0 ? 0 : 2));
    const columns = outOfFoldDatasetIdColumns(many, { smoothing: 1, folds: 5, maskShare: 0, models: ['memClf'] }, 7);
    // every program holds one job, so out of fold each is unknown: count 0, whatever its own bin
    for (let r = 0; r < many.length; r++) expect(columns[r * DATASET_ID_COLUMNS.length + column('program_log_count')]).toBe(0);
  });

  it('masks about the asked share of training rows as unknown', () => {
    const shared = Array.from({ length: 2000 }, (_, i) => job(`iabc${String(i % 10).padStart(2, '0')}010`, 1, 0));
    const columns = outOfFoldDatasetIdColumns(shared, { smoothing: 1, folds: 5, maskShare: 0.2, models: ['memClf'] }, 7);
    let unknown = 0;
    for (let r = 0; r < shared.length; r++) if (columns[r * DATASET_ID_COLUMNS.length + column('program_log_count')] === 0) unknown++;
    expect(unknown / shared.length).toBeGreaterThan(0.15);
    expect(unknown / shared.length).toBeLessThan(0.25);
  });
});
