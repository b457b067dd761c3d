// Byte-level imitations of the Python serialisers the real pipelines use, so the samples look like
// files those pipelines wrote (integral floats as `48.0`, PyYAML quoting and list indentation).
import YAML from 'yaml';

// Keys that hold floats in every family; Python prints an integral float as `48.0`.
const FLOAT_KEY = /(_seconds|_s|_usd|_t|bpm)$|^score$/;

/** `json.dumps(obj, indent=2[, ensure_ascii])` for the value types the samples use; undefined keys are left out. */
export function pyJson(value, { ensureAscii = true } = {}) {
  const str = (s) => {
    const j = JSON.stringify(s);
    return ensureAscii ? j.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : j;
  };
  const dump = (v, key, depth) => {
    const pad = '  '.repeat(depth + 1);
    const end = '  '.repeat(depth);
    if (v === null || v === undefined) return 'null';
    if (typeof v === 'number') return Number.isInteger(v) && FLOAT_KEY.test(key) ? v.toFixed(1) : String(v);
    if (typeof v === 'boolean') return String(v);
    if (typeof v === 'string') return str(v);
    if (Array.isArray(v)) return v.length ? `[\n${v.map((x) => pad + dump(x, key, depth + 1)).join(',\n')}\n${end}]` : '[]';
    const keys = Object.keys(v).filter((k) => v[k] !== undefined);
    return keys.length ? `{\n${keys.map((k) => `${pad}${str(k)}: ${dump(v[k], k, depth + 1)}`).join(',\n')}\n${end}}` : '{}';
  };
  return dump(value, '', 0);
}

/**
 * PyYAML `yaml.dump(default_flow_style=False, sort_keys=False)`: YAML 1.1 resolution decides what gets
 * quoted (timestamps, all-digit SHAs, yes/no), quotes are single, sequences sit at their key's indent.
 */
export const pyYaml = (value) => YAML.stringify(value, { version: '1.1', singleQuote: true, indentSeq: false, lineWidth: 80 });
