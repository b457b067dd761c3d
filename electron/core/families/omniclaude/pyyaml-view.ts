// The checkpoint as the pipeline itself sees it. OmniClaude reads its YAML with PyYAML, which
// resolves plain scalars by YAML 1.1 rules; the core decodes with the YAML 1.2 core schema.
// They disagree exactly where checkpoints are fragile: an unquoted all-digit SHA such as
// 0123456 is an octal int to PyYAML (the model then rejects it), while 12345e6 or 0128999 stay
// strings in PyYAML but become numbers under the core schema. Judging SHAs needs PyYAML's view,
// so the adapter re-reads the text with PyYAML's implicit resolvers (timestamps are left as
// strings: the tz-awareness rule needs their text). Aliases stay capped as in the core.
import { parseDocument } from 'yaml';
import { MAX_YAML_ALIASES } from '../../read/parse-yaml';
import { PYYAML_TAGS } from '../../read/pyyaml-schema';

export { pyYamlPlainType } from '../../read/pyyaml-schema';

/**
 * Decode `text` as PyYAML would (scalars only; timestamps kept as text). Returns undefined when
 * the text cannot be read this way, in which case the caller keeps the core's decoding.
 */
export function pyYamlView(text: string): { data: unknown } | undefined {
  if (!text || !text.trim()) return undefined;
  try {
    const doc = parseDocument(text, { schema: 'failsafe', customTags: PYYAML_TAGS, uniqueKeys: true, version: '1.1', logLevel: 'error' });
    if (doc.errors.length) return undefined;
    return { data: doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) };
  } catch {
    return undefined;
  }
}
