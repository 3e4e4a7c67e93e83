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

/** Job type of a calcloud job: `hst-calibration:<acs|cos|stis|wfc3>`. */
export function calcloudJobType(instrument: CalcloudInstrument): string {
  return `hst-calibration:${instrument.name}`;
}
