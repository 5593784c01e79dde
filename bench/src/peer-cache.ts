/**
 * Figure 1's peer reference, built as actions/cache is: @actions/core and
 * @actions/cache bundled together. It takes the restore step's fast path on
 * a machine without the cache service: read the inputs, ask whether the
 * service is available, set the `cache-hit` output and exit.
 */
import * as cache from '@actions/cache';
import * as core from '@actions/core';

const key = core.getInput('key', { required: true });
const paths = core.getMultilineInput('path', { required: true });
if (cache.isFeatureAvailable()) {
  const hit = await cache.restoreCache(paths, key);
  core.setOutput('cache-hit', String(hit === key));
} else {
  core.info(`cache service not available: ${key} not restored`);
  core.setOutput('cache-hit', 'false');
}
