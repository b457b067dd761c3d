// YAML as PyYAML reads it (YAML 1.1 implicit resolvers). Python pipelines read their YAML with
// PyYAML, which resolves plain scalars by YAML 1.1 rules, where the YAML 1.2 core schema
// differs exactly where checkpoints are fragile: an unquoted all-digit SHA such as 0123456 is
// an octal int to PyYAML, while 12345e6 or 0128999 stay strings in PyYAML but become numbers
// under the core schema. Timestamps are left as strings (rules about their text need it).
import type { ScalarTag } from 'yaml';

// PyYAML `resolver.py` implicit resolvers (YAML 1.1), in its order of precedence.
const PY_BOOL = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const PY_INT =
  /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const PY_FLOAT =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const PY_NULL = /^(?:~|null|Null|NULL|)$/;

function sexagesimal(body: string): number {
  return body.split(':').reduce((acc, part) => acc * 60 + Number(part), 0);
}

function resolveInt(src: string): number {
  let s = src.replace(/_/g, '');
  let sign = 1;
  if (s.startsWith('-')) sign = -1;
  if (s.startsWith('-') || s.startsWith('+')) s = s.slice(1);
  if (s === '0') return 0;
  if (s.startsWith('0b')) return sign * parseInt(s.slice(2), 2);
  if (s.startsWith('0x')) return sign * parseInt(s.slice(2), 16);
  if (s.startsWith('0')) return sign * parseInt(s, 8);
  if (s.includes(':')) return sign * sexagesimal(s);
  return sign * Number(s);
}

function resolveFloat(src: string): number {
  let s = src.replace(/_/g, '').toLowerCase();
  let sign = 1;
  if (s.startsWith('-')) sign = -1;
  if (s.startsWith('-') || s.startsWith('+')) s = s.slice(1);
  if (s === '.inf') return sign * Infinity;
  if (s === '.nan') return NaN;
  if (s.includes(':')) return sign * sexagesimal(s);
  return sign * Number(s);
}

export const PYYAML_TAGS: ScalarTag[] = [
  { tag: 'tag:yaml.org,2002:null', default: true, test: PY_NULL, resolve: () => null },
  { tag: 'tag:yaml.org,2002:bool', default: true, test: PY_BOOL, resolve: (s) => /^(?:yes|true|on)$/i.test(s) },
  { tag: 'tag:yaml.org,2002:int', default: true, test: PY_INT, resolve: resolveInt },
  { tag: 'tag:yaml.org,2002:float', default: true, test: PY_FLOAT, resolve: resolveFloat },
];

/** Which type PyYAML gives an unquoted scalar written as `src` (used in messages). */
export function pyYamlPlainType(src: string): 'null' | 'bool' | 'int' | 'float' | 'str' {
  if (PY_NULL.test(src)) return 'null';
  if (PY_BOOL.test(src)) return 'bool';
  if (PY_INT.test(src)) return 'int';
  if (PY_FLOAT.test(src)) return 'float';
  return 'str';
}
