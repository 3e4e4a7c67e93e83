/** HST instruments as calcloud encodes them: the dataset id's first letter → name and the `instr` code. */
export const CALCLOUD_INSTRUMENTS = [
  { letter: 'j', name: 'acs', code: 0 },
  { letter: 'l', name: 'cos', code: 1 },
  { letter: 'o', name: 'stis', code: 2 },
  { letter: 'i', name: 'wfc3', code: 3 },
] as const;

export type CalcloudInstrument = (typeof CALCLOUD_INSTRUMENTS)[number];

export function instrumentOfDataset(datasetId: string): CalcloudInstrument | undefined {
  const letter = datasetId.charAt(0).toLowerCase();
  return CALCLOUD_INSTRUMENTS.find((instrument) => instrument.letter === letter);
}

export function instrumentOfCode(code: number): CalcloudInstrument | undefined {
  return CALCLOUD_INSTRUMENTS.find((instrument) => instrument.code === code);
}

/** What every calcloud job type starts with. */
export const CALCLOUD_JOB_TYPE_PREFIX = 'job-hst_calibration:';

/**
 * Job type of a calcloud job, `job-hst_calibration:<acs|cos|stis|wfc3>`, in HySDS' `job-<name>:<version>` shape: the
 * importer, the synthetic HySDS history and the predictor all name these jobs so, and the runtime model's history of
 * a type answers predictions for it.
 */
export function calcloudJobType(instrument: CalcloudInstrument['name']): string {
  return `${CALCLOUD_JOB_TYPE_PREFIX}${instrument}`;
}
