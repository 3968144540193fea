/** Demo data: a seeded, realistic bonded-zone dataset for first runs, the CLI, tests and benchmarks. */
export { generateDemoDataset } from './generate';
export type { DemoDataset, DemoOptions } from './generate';
export { demoBackupContent } from './journal';
export { installDemo } from './install';
export { seededRandom, seededUuidv7 } from './random';
export type { Random } from './random';
