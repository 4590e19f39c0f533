// package.json, lockfiles, pom.xml and build.gradle(.kts): which Kafka client library the repository uses, and which
// version. The engine gives that version to clients of the library whose own file does not say one, so defaults that
// changed between versions are judged right. A manifest that names no Kafka package is not parsed at all.

import { LineCounter, parseDocument } from 'yaml';
import type { FileFacts } from '../../model/types.js';
import { emptyFileFacts } from '../../model/types.js';
import { LineIndex, parseJson } from '../json/parse-json.js';
import { dependenciesOfGradleBuild } from './gradle-build.js';
import { mentionsKafkaClients } from './java-packages.js';
import { mentionsKafkaPackage } from './kafka-packages.js';
import { dependenciesOfPom } from './maven-pom.js';
import { dependenciesOfNpmLockfile } from './npm-lockfile.js';
import { dependenciesOfPackageJson } from './package-json.js';
import { dependenciesOfPnpmLockfile } from './pnpm-lockfile.js';
import { dependenciesOfYarnLockfile } from './yarn-lockfile.js';

export function extractManifestFacts(file: string, text: string): FileFacts {
  const base = file.split('/').pop()!.toLowerCase();
  if (JAVA_BUILD_FILES.has(base)) return javaBuildFacts(file, base, text);
  if (!mentionsKafkaPackage(text)) return emptyFileFacts();
  switch (base) {
    case 'package.json':
      return withJson(file, text, (value) => dependenciesOfPackageJson(file, value));
    case 'package-lock.json':
    case 'npm-shrinkwrap.json':
      return withJson(file, text, (value) => dependenciesOfNpmLockfile(file, value));
    case 'yarn.lock':
      return dependenciesOfYarnLockfile(file, text);
    case 'pnpm-lock.yaml':
      return withYaml(file, text, (value) => dependenciesOfPnpmLockfile(file, value));
    default:
      return emptyFileFacts();
  }
}

/** Maven and Gradle build files: which kafka-clients version a Java project declares (see maven-pom.ts, gradle-build.ts). */
const JAVA_BUILD_FILES = new Set(['pom.xml', 'build.gradle', 'build.gradle.kts']);

function javaBuildFacts(file: string, base: string, text: string): FileFacts {
  if (!mentionsKafkaClients(text)) return emptyFileFacts();
  return base === 'pom.xml' ? dependenciesOfPom(file, text) : dependenciesOfGradleBuild(file, text);
}

/**
 * npm reads these files with JSON.parse (after dropping a byte order mark), so they are held to strict JSON. The
 * built-in parser is several times faster on a lockfile of megabytes; ours is asked only where an error is, since
 * JSON.parse does not always say and quotes the text around it.
 */
function withJson(file: string, text: string, read: (value: unknown) => FileFacts): FileFacts {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    return jsonProblem(file, text);
  }
  return read(value);
}

function jsonProblem(file: string, text: string): FileFacts {
  const parsed = parseJson(text);
  const offset = parsed.ok ? 0 : parsed.error.offset;
  const reason = parsed.ok ? 'not valid JSON' : parsed.error.message;
  const { line, column } = new LineIndex(text).position(offset);
  const facts = emptyFileFacts();
  facts.problems.push({ file, line, column, message: `JSON syntax error: ${reason}` });
  return facts;
}

function withYaml(file: string, text: string, read: (value: unknown) => FileFacts): FileFacts {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  if (document.errors.length === 0) {
    try {
      return read(document.toJS());
    } catch {
      // Only an alias bomb gets here (toJS refuses excessive alias expansion); pnpm never writes aliases.
      return emptyFileFacts();
    }
  }
  const facts = emptyFileFacts();
  const error = document.errors[0];
  const position = error.linePos?.[0] ?? { line: 1, col: 1 };
  const reason = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  facts.problems.push({ file, line: position.line, column: position.col, message: `YAML syntax error: ${reason}` });
  return facts;
}
