/**
 * Figure 1's second reference row: an action that imports only
 * @actions/core, reads one input and sets one output — the yardstick the
 * project set for an action's start ("as fast as one that imports only
 * @actions/core").
 */
import * as core from '@actions/core';

core.setOutput('greeting', `hello ${core.getInput('who') || 'world'}`);
