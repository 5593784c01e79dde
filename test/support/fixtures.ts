import { join } from 'node:path';
import { REPO_ROOT } from './run-action.js';

/**
 * Real sample data inside the repository (Infracost outputs, Alertmanager
 * payloads); test/fixtures/README.md says where each file came from.
 */
export const FIXTURES = join(REPO_ROOT, 'test', 'fixtures');
export const infracostFixture = (name: string) => join(FIXTURES, 'infracost', name);
export const alertmanagerFixture = (name: string) => join(FIXTURES, 'alertmanager', name);
