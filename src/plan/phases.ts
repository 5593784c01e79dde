/**
 * A plan's phases, in the order they run. Kept apart from the plan schema so
 * that code needing only the names (restoring state between jobs) does not
 * load the schema, YAML and their zod schemas.
 */
export const PHASES = ['bringup', 'restore', 'validate', 'promote', 'teardown'] as const;
export type PhaseName = (typeof PHASES)[number];
