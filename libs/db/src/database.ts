import type { JobRunTables } from './job-runs/job-runs.table';
import type { ModelRegistryTables } from './registry/model-versions.table';
import type { TrainingRunTables } from './training-runs/training-runs.table';

/**
 * Every table Jobcast keeps, for Kysely's typing. Each area declares its tables next to its repository
 * and adds them here (one `extends` entry each).
 */
export interface Database extends JobRunTables, TrainingRunTables, ModelRegistryTables {}
