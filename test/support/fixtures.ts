import { join } from 'node:path';
import { REPO_ROOT } from './run-action.js';

/** Real sample data shared with the project: Infracost outputs and Alertmanager payloads. */
export const SHARED_FIXTURES = join(REPO_ROOT, '..', 'shared', 'fixtures');
export const infracostFixture = (name: string) => join(SHARED_FIXTURES, 'infracost', name);
export const alertmanagerFixture = (name: string) => join(SHARED_FIXTURES, 'alertmanager', name);
