// What the node-rdkafka and @platformatic/kafka detectors share: library constants (`ProduceAcks.ALL`) in any module
// of the run, and the topic names a call names. Settings themselves are made with kafkajs-options.ts, like kafkajs's.

import type { SourceLocation, TopicReference } from '../../../model/types.js';
import type { CodeContext } from '../code-context.js';
import { LibraryImports, type LibraryExport } from '../library-imports.js';
import { locationOfNode, type Node } from '../parse-module.js';
import type { StaticProperty, StaticValue } from '../values.js';

const libraryImportsByFile = new WeakMap<CodeContext, Map<string, LibraryImports>>();

/** The library export a resolved value stands for (`ProduceAcks.ALL`), looked up in the module the value is written in. */
export function libraryExportOfValue(value: StaticValue, context: CodeContext): LibraryExport | undefined {
  if (value.kind !== 'member') return undefined;
  if (value.file === context.file) return context.imports.exportOf(value.node);
  let cache = libraryImportsByFile.get(context);
  if (!cache) libraryImportsByFile.set(context, (cache = new Map()));
  let imports = cache.get(value.file);
  if (!imports) {
    const module = context.project.parsed(value.file);
    if (!module) return undefined;
    cache.set(value.file, (imports = new LibraryImports(module)));
  }
  return imports.exportOf(value.node);
}

/**
 * Topic names an argument names: `'orders'`, `TOPIC`, `['a', B]`. Each is located at the call's own argument (where
 * this client names it), not at the constant's declaration. Regular expressions and computed names are skipped.
 */
export function topicsNamedBy(argument: Node | undefined, context: CodeContext): TopicReference[] {
  if (!argument) return [];
  if (argument.type === 'ArrayExpression') {
    return argument.elements.flatMap((element) => {
      if (!element) return [];
      return topicsNamedBy(element.type === 'SpreadElement' ? element.argument : element, context);
    });
  }
  return topicsOfValue(context.values.resolve(argument, context.module), locationOfNode(context.file, argument));
}

/** Topic names of an option property (`{ topics: [...] }`, `{ topic }`), at the property when it is written elsewhere. */
export function topicsOfProperty(property: StaticProperty | undefined, context: CodeContext): TopicReference[] {
  if (!property) return [];
  if (property.file === context.file && property.node.type === 'Property') return topicsNamedBy(property.node.value as Node, context);
  return topicsOfValue(property.value, locationOfNode(property.file, property.node));
}

function topicsOfValue(value: StaticValue, location: SourceLocation): TopicReference[] {
  const names = value.kind === 'array' ? value.elements : [value];
  return names.flatMap((name) => (name.kind === 'literal' && typeof name.value === 'string' && name.value !== '' ? [{ name: name.value, location }] : []));
}

/** Each topic once, at the first place the client names it. */
export function distinctTopics(topics: TopicReference[]): TopicReference[] {
  const seen = new Set<string>();
  return topics.filter((topic) => (seen.has(topic.name) ? false : (seen.add(topic.name), true)));
}
