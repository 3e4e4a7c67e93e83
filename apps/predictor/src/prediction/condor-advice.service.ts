import { Injectable } from '@nestjs/common';
import type { CondorLogOptions } from '@jobcast/features';
import { adviseCondorLog, type CondorLogAdvice, type HoldAdvisorOptions } from '@jobcast/models';
import { ServingModels } from '../models/serving-models.service';

export interface CondorAdviceAnswer extends Omit<CondorLogAdvice, 'historySamples'> {
  /** the `condor-hold` champion whose release history was used, or null when the log alone was */
  model: string | null;
  /** where the release history came from, in words */
  history: string;
}

/** The HTCondor hold advisor for a posted log: the champion's release history plus what the log itself shows. */
@Injectable()
export class CondorAdviceService {
  constructor(private readonly models: ServingModels) {}

  advise(log: string, options: HoldAdvisorOptions & CondorLogOptions): CondorAdviceAnswer {
    const champion = this.models.snapshot()['condor-hold'];
    const { historySamples, ...advice } = adviseCondorLog(log, champion?.model.history ?? null, options);
    const source = champion === null ? 'the log alone (no condor-hold model serving)' : `condor-hold ${champion.version} plus the log`;
    return { ...advice, model: champion?.version ?? null, history: `${source}: ${historySamples} released jobs that finished` };
  }
}
