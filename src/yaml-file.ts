/**
 * YAML for policies and plans. Apart from files.ts so that an entry that
 * reads no YAML (collect-evidence) does not load the parser at start.
 */
import { isScalar, parseDocument, visit } from 'yaml';
import { ConfigurationError } from './errors.js';

/** How many aliases a document may expand; more is an "alias bomb" and refused as bad input. */
export const MAX_ALIASES = 100;

export interface YamlOptions {
  /**
   * Keep the text of a plain number or boolean that would not print back as
   * written (`048622080012`, `1.50`, `0x1F`, `True`), so a field meant as text
   * gets exactly what the file says. Fields meant as numbers then see text
   * and report it.
   */
  keepScalarText?: boolean;
}

/** Parses YAML text; a syntax error names the file, line and column. */
export function parseYamlText(text: string, displayPath: string, options: YamlOptions = {}): unknown {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const at = e.linePos?.[0] ? ` at line ${e.linePos[0].line}, column ${e.linePos[0].col}` : '';
    const what = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new ConfigurationError(`${displayPath}: malformed YAML${at}: ${what}`);
  }
  if (options.keepScalarText) {
    visit(doc, {
      Scalar(_key, node) {
        if (!isScalar(node) || node.type !== 'PLAIN' || node.source === undefined) return;
        if ((typeof node.value === 'number' || typeof node.value === 'boolean') && String(node.value) !== node.source) node.value = node.source;
      },
    });
  }
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (err) {
    if (err instanceof ReferenceError && /alias/i.test(err.message) && /count|exceed|excessive/i.test(err.message)) {
      throw new ConfigurationError(`${displayPath}: refused: its aliases (*name) expand to more than ${MAX_ALIASES} copies; write the repeated parts out or use fewer aliases`);
    }
    // An alias to no anchor, or any other error building the document: bad input, not drloop's failure.
    throw new ConfigurationError(`${displayPath}: malformed YAML: ${(err as Error).message.split('\n')[0]}`);
  }
}
