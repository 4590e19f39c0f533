// pom.xml: the kafka-clients version a Maven module declares, in `<dependencies>` or `<dependencyManagement>`.
// A version may be a `${property}` from this pom's `<properties>`; a property this pom does not define (a parent
// pom's, a BOM's, Maven's own `${project.version}`) leaves the version unknown rather than guessed. A kafka-clients
// declaration without a version (managed by a parent or BOM) still says the module uses the Java client.
// A small scanner, not an XML parser: a pom's dependency elements are flat, and comments, `<exclusions>` (a
// dependency excluding kafka-clients does not use it), build plugins' own dependencies and profiles are cut out
// before it looks.

import type { FileFacts } from '../../model/types.js';
import { emptyFileFacts } from '../../model/types.js';
import { javaClientVersion, KAFKA_CLIENTS_ARTIFACT, KAFKA_CLIENTS_GROUP, kafkaClientsDependencies, SPRING_BOOT_KAFKA_VERSION_PROPERTY, usesSpringKafkaOrBoot } from './java-packages.js';

/** The text without comments; an unclosed comment runs to the end of the file, as it does for an XML parser. */
function withoutComments(xml: string): string {
  return xml.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
}

interface Element {
  start: number;
  bodyStart: number;
  bodyEnd: number;
  end: number;
}

/**
 * Each `<name …>…</name>` in order, not nested in one another; it stops at an element that is never closed. Tags are
 * found with indexOf and a regex that cannot run past the next `<`, so a hostile file costs linear time.
 */
function elements(xml: string, name: string): Element[] {
  const found: Element[] = [];
  const open = new RegExp(`<${name}(?:\\s[^<>]*)?>`, 'g');
  for (let match = open.exec(xml); match; match = open.exec(xml)) {
    const bodyStart = match.index + match[0].length;
    const bodyEnd = closingTag(xml, name, bodyStart);
    const close = bodyEnd === -1 ? -1 : xml.indexOf('>', bodyEnd);
    if (close === -1) break;
    found.push({ start: match.index, bodyStart, bodyEnd, end: close + 1 });
    open.lastIndex = close + 1;
  }
  return found;
}

/** Where `</name>` starts, not `</names>` or `</nameManagement>`; -1 when there is none. */
function closingTag(xml: string, name: string, from: number): number {
  for (let index = xml.indexOf(`</${name}`, from); index !== -1; index = xml.indexOf(`</${name}`, index + 1)) {
    const after = xml.charAt(index + name.length + 2);
    if (after === '>' || /\s/.test(after)) return index;
  }
  return -1;
}

function withoutElements(xml: string, name: string): string {
  let result = '';
  let from = 0;
  for (const element of elements(xml, name)) {
    result += xml.slice(from, element.start);
    from = element.end;
  }
  return result + xml.slice(from);
}

function elementBodies(xml: string, name: string): string[] {
  return elements(xml, name).map((element) => xml.slice(element.bodyStart, element.bodyEnd));
}

function childText(xml: string, name: string): string | undefined {
  return new RegExp(`<${name}(?:\\s[^<>]*)?>([^<]*)</${name}\\s*>`).exec(xml)?.[1].trim();
}

/** `<properties>` of the pom itself; a profile's properties apply only when the profile is active. */
function propertiesOf(xml: string): Map<string, string> {
  const properties = new Map<string, string>();
  for (const body of elementBodies(withoutElements(xml, 'profiles'), 'properties')) {
    for (const match of body.matchAll(/<([A-Za-z_][\w.-]*)(?:\s[^<>]*)?>([^<]*)<\/\1\s*>/g)) properties.set(match[1], match[2].trim());
  }
  return properties;
}

/** `${kafka.version}` and properties made of other properties, or undefined when one is not defined here. */
function resolveProperties(text: string, properties: Map<string, string>): string | undefined {
  let resolved = text;
  for (let depth = 0; depth < 5 && resolved.includes('${'); depth++) {
    resolved = resolved.replace(/\$\{([^}]*)\}/g, (reference, name: string) => properties.get(name.trim()) ?? reference);
  }
  return resolved.includes('${') ? undefined : resolved;
}

export function dependenciesOfPom(file: string, text: string): FileFacts {
  const facts = emptyFileFacts();
  const xml = withoutComments(text);
  const properties = propertiesOf(xml);
  const scanned = withoutElements(withoutElements(xml, 'plugin'), 'exclusions');
  const versions: Array<string | undefined> = [];
  for (const dependency of elementBodies(scanned, 'dependency')) {
    if (childText(dependency, 'groupId') !== KAFKA_CLIENTS_GROUP || childText(dependency, 'artifactId') !== KAFKA_CLIENTS_ARTIFACT) continue;
    const written = childText(dependency, 'version');
    versions.push(written === undefined ? undefined : javaClientVersion(resolveProperties(written, properties)));
  }
  const override = properties.get(SPRING_BOOT_KAFKA_VERSION_PROPERTY);
  const bootOverride = override !== undefined && usesSpringKafkaOrBoot(scanned) ? javaClientVersion(resolveProperties(override, properties)) : undefined;
  facts.dependencies.push(...kafkaClientsDependencies(file, versions, bootOverride));
  return facts;
}
