import * as z from 'zod/mini';
import { boolInput, intInput, textInput } from '../inputs.js';

/**
 * The inputs dr-execute takes for running inside the DR loop's workflows:
 * claims, state between jobs, resumes. action.yml declares them next to the
 * plan inputs (a test holds the two together).
 */
export const loopExecuteInputs = z.object({
  claim: boolInput(false),
  state: boolInput(false),
  'resume-from-run': z.optional(z.string().check(z.regex(/^\d+$/, 'expected a workflow run id (digits)'))),
  'plan-wait-minutes': intInput(30, 0, 360),
  'state-retention-days': intInput(35, 1, 90),
  'secret-env': textInput(),
});
export type LoopExecuteInputs = z.output<typeof loopExecuteInputs>;

/** collect-evidence's inputs for the loop: whose state to restore before bundling. */
export const loopEvidenceInputs = z.object({
  'state-plan': textInput(),
});
export type LoopEvidenceInputs = z.output<typeof loopEvidenceInputs>;
