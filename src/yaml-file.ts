/**
 * YAML for policies and plans. Apart from files.ts so that an entry that
 * reads no YAML (collect-evidence) does not load the parser at start.
 */
import { parseDocument } from 'yaml';
import { ConfigurationError } from './errors.js';

/** Parses YAML text; a syntax error names the file, line and column. */
export function parseYamlText(text: string, displayPath: string): unknown {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const at = e.linePos?.[0] ? ` at line ${e.linePos[0].line}, column ${e.linePos[0].col}` : '';
    const what = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new ConfigurationError(`${displayPath}: malformed YAML${at}: ${what}`);
  }
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    // An alias to no anchor, or an alias bomb (aliases that expand past maxAliasCount): bad input, not drloop's failure.
    throw new ConfigurationError(`${displayPath}: malformed YAML: ${(err as Error).message.split('\n')[0]}`);
  }
}
