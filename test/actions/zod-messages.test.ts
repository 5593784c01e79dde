/**
 * drloop's schemas are zod/mini schemas, and zod/mini loads no locale: an
 * issue that a schema gives no message of its own would read "Invalid input".
 * src/inputs.ts sets zod's English messages (src/zod-locale.ts), as classic
 * zod did, so a bad input still says what was expected. This file's module
 * graph holds no classic zod (which would set English on its own): the first
 * test proves it, so the others show what the library alone gives.
 */
import { describe, expect, test } from '@jest/globals';

describe('zod messages without classic zod', () => {
  test('zod/mini alone has no locale', async () => {
    const z = await import('zod/mini');
    expect(z.config().localeError).toBeUndefined();
    expect(z.safeParse(z.enum(['a', 'b']), 'c').error?.issues[0]?.message).toBe('Invalid input');
  });

  test('inputs name what was expected, in zod English', async () => {
    const z = await import('zod/mini');
    const { enumInput, intInput, parseInputs } = await import('../../src/inputs.js');
    expect(z.config().localeError).toBeDefined();
    const schema = z.object({ mode: enumInput(['dr', 'burst'] as const, 'dr'), attempts: intInput(3, 1, 10), name: z.string() });
    expect(() => parseInputs(schema, { mode: 'drll', attempts: '11' })).toThrow(
      `invalid input: input 'mode': Invalid option: expected one of "dr"|"burst"; input 'attempts': Too big: expected number to be <=10; input 'name': Invalid input: expected string, received undefined`,
    );
  });

  test('an alert payload names the key and the expectation', async () => {
    const { alertFromJson } = await import('../../src/alerts/alertmanager.js');
    expect(() => alertFromJson({ version: '4', groupKey: 'g', status: 'on', alerts: [] }, 'alert.json')).toThrow(
      `alert.json: key 'status': Invalid option: expected one of "firing"|"resolved"; key 'receiver': Invalid input: expected string, received undefined; key 'groupLabels': Invalid input: expected record, received undefined; key 'commonLabels': Invalid input: expected record, received undefined; key 'commonAnnotations': Invalid input: expected record, received undefined; key 'externalURL': Invalid input: expected string, received undefined`,
    );
  });
});
