// Spring Boot `application.yml`: each YAML document is one Spring configuration (a multi-document file gives one
// per profile, `spring.config.activate.on-profile` or the older `spring.profiles` naming it), flattened to
// property names with positions and read like an `application.properties` file.

import { isMap, isScalar, type Document } from 'yaml';
import type { FileFacts } from '../../model/types.js';
import { emptyFileFacts } from '../../model/types.js';
import { mergeFacts } from '../source-text.js';
import { documentRoot, flattenMap, type YamlContext } from '../yaml/yaml-nodes.js';
import { factsFromSpringEntries, isSpringKafkaKey } from './spring-boot.js';

/** A root key that starts Spring's namespace: `spring:` or a dotted `spring.cloud.stream:`. */
function isSpringRootKey(key: unknown): boolean {
  return isScalar(key) && /^spring($|[.[])/i.test(String(key.value));
}

export function factsFromSpringYamlDocuments(context: YamlContext, documents: Document.Parsed[]): FileFacts {
  const facts = emptyFileFacts();
  for (const document of documents) {
    const root = documentRoot(document);
    if (!isMap(root) || !root.items.some((pair) => isSpringRootKey(pair.key))) continue;
    const entries = flattenMap(context, root).filter((entry) => /^spring($|[.[])/i.test(entry.key));
    if (!entries.some((entry) => isSpringKafkaKey(entry.key))) continue;
    mergeFacts(facts, factsFromSpringEntries(context.file, entries));
  }
  return facts;
}
