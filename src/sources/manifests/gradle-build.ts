// build.gradle and build.gradle.kts: the kafka-clients version a Gradle project declares, as a coordinate string
// (`implementation "org.apache.kafka:kafka-clients:3.7.0"`, any configuration) or in map notation
// (`group: 'org.apache.kafka', name: 'kafka-clients', version: '3.7.0'`, Kotlin `group = …`). A version written as a
// variable (`$kafkaVersion`, `${kafkaVersion}`) is looked up among literal definitions in the same file
// (`def kafkaVersion = '…'`, `val kafkaVersion = "…"`, `ext.kafkaVersion = …`, `extra["kafkaVersion"] = …`,
// `set("kafkaVersion", "…")`, a plain `kafkaVersion = …` in an `ext {}` block). Versions from gradle.properties,
// version catalogs or a parent project stay unknown: this reads one file.

import type { FileFacts } from '../../model/types.js';
import { emptyFileFacts } from '../../model/types.js';
import { javaClientVersion, KAFKA_CLIENTS_ARTIFACT, KAFKA_CLIENTS_GROUP, kafkaClientsDependencies, SPRING_BOOT_KAFKA_VERSION_PROPERTY, usesSpringKafkaOrBoot } from './java-packages.js';

/** The script without `//` and `/* *\/` comments; quotes are followed so a URL in a string is not cut. */
function withoutComments(script: string): string {
  let result = '';
  let quote: string | undefined;
  for (let index = 0; index < script.length; index++) {
    const character = script[index];
    if (quote) {
      result += character;
      if (character === '\\') result += script[++index] ?? '';
      else if (character === quote || character === '\n') quote = undefined;
    } else if (character === '/' && script[index + 1] === '/') {
      while (index < script.length && script[index] !== '\n') index++;
      result += '\n';
    } else if (character === '/' && script[index + 1] === '*') {
      const end = script.indexOf('*/', index + 2);
      index = end === -1 ? script.length : end + 1;
      result += ' ';
    } else {
      if (character === '"' || character === "'") quote = character;
      result += character;
    }
  }
  return result;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The literal string a variable is defined as in this script, or undefined when it is not, or defined twice apart. */
function variableValue(script: string, name: string): string | undefined {
  const id = escapeRegExp(name);
  const patterns = [
    new RegExp(`(?:^|[\\s;{(])(?:(?:def|val|var|String)\\s+|ext\\.|project\\.ext\\.)?${id}\\s*(?::\\s*String\\s*)?=\\s*(['"])([^'"$\\n]*)\\1`, 'gm'),
    new RegExp(`extra\\[\\s*"${id}"\\s*\\]\\s*=\\s*(")([^"$\\n]*)"`, 'g'),
    new RegExp(`\\bset\\(\\s*(['"])${id}\\1\\s*,\\s*['"]([^'"$\\n]*)['"]`, 'g'),
  ];
  const values = new Set(patterns.flatMap((pattern) => [...script.matchAll(pattern)].map((match) => match[2].trim())));
  return values.size === 1 ? [...values][0] : undefined;
}

/** A version as written inside quotes: literal, or one interpolated variable in a double-quoted (GString) string. */
function resolveVersion(script: string, written: string, quote: string): string | undefined {
  if (!written.includes('$')) return javaClientVersion(written);
  if (quote !== '"') return undefined; // Groovy single quotes do not interpolate
  const variable = /^\$(?:\{\s*([A-Za-z_]\w*)\s*\}|([A-Za-z_]\w*))$/.exec(written.trim());
  const name = variable?.[1] ?? variable?.[2];
  return name ? javaClientVersion(variableValue(script, name)) : undefined;
}

const COORDINATE = new RegExp(`(['"])${escapeRegExp(KAFKA_CLIENTS_GROUP)}:${escapeRegExp(KAFKA_CLIENTS_ARTIFACT)}(?::([^'":@\\n]*))?(?::[^'"@\\n]*)?(?:@[^'"\\n]*)?\\1`, 'g');

/** `key: 'value'` / `key = "value"` pairs of one line, for map notation. */
function namedArguments(line: string): Map<string, { value: string; quote: string }> {
  const pairs = new Map<string, { value: string; quote: string }>();
  for (const match of line.matchAll(/\b(group|name|version)\s*[:=]\s*(['"])([^'"\n]*)\2/g)) pairs.set(match[1], { value: match[3], quote: match[2] });
  return pairs;
}

/** Groovy `ext['kafka.version'] = '3.7.0'`, or any of the forms variableValue knows (Kotlin `extra["kafka.version"]`). */
function springBootKafkaVersion(script: string): string | undefined {
  const property = escapeRegExp(SPRING_BOOT_KAFKA_VERSION_PROPERTY);
  const values = new Set([...script.matchAll(new RegExp(`\\bext\\[\\s*(['"])${property}\\1\\s*\\]\\s*=\\s*(['"])([^'"$\\n]*)\\2`, 'g'))].map((match) => match[3].trim()));
  const other = variableValue(script, SPRING_BOOT_KAFKA_VERSION_PROPERTY);
  if (other !== undefined) values.add(other);
  return values.size === 1 ? [...values][0] : undefined;
}

export function dependenciesOfGradleBuild(file: string, text: string): FileFacts {
  const facts = emptyFileFacts();
  const script = withoutComments(text);
  const declared: Array<{ written?: string; quote: string }> = [];
  for (const match of script.matchAll(COORDINATE)) declared.push({ written: match[2], quote: match[1] });
  for (const line of script.split('\n')) {
    const pairs = namedArguments(line);
    if (pairs.get('group')?.value !== KAFKA_CLIENTS_GROUP || pairs.get('name')?.value !== KAFKA_CLIENTS_ARTIFACT) continue;
    const version = pairs.get('version');
    declared.push({ written: version?.value, quote: version?.quote ?? '"' });
  }
  const versions = declared.map(({ written, quote }) => (written === undefined || written === '' ? undefined : resolveVersion(script, written, quote)));
  const bootOverride = usesSpringKafkaOrBoot(script) ? javaClientVersion(springBootKafkaVersion(script)) : undefined;
  facts.dependencies.push(...kafkaClientsDependencies(file, versions, bootOverride));
  return facts;
}
