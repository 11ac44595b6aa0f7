export type { LayerLabProject, ProjectFieldError, ProjectLoadResult, ProjectWeights, WeightTensor } from './types.ts';
export type { NoDataset, ProjectDataset } from '../datasets/types.ts';
export { CURRENT_PROJECT_VERSION, DEFAULT_PROJECT_DATASET, MAX_PROJECT_FILE_BYTES, PROJECT_FORMAT } from './types.ts';
export { createProject, formatProjectErrors, parseProject, serializeProject } from './load.ts';
export type { Migration, MigrationResult, ProjectHeader } from './migrations.ts';
export { MIGRATIONS, migrateToCurrent, migrateWith, readProjectHeader } from './migrations.ts';
export type { ProjectValidation } from './schema.ts';
export { RESERVED_KEYS, findReservedKeys, formatPath, projectSchema, validateProjectData } from './schema.ts';
export { ADDED_POINT_LIMIT, DATASET_KINDS, MAX_ADDED_POINTS, MAX_CSV_TEXT_BYTES } from './datasetSchema.ts';
