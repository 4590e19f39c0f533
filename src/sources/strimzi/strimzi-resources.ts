// What a Strimzi custom resource is: any document whose apiVersion is in the `kafka.strimzi.io` group. The group has
// had the versions v1alpha1, v1beta1, v1beta2 and v1; the fields read here are spelled the same in all of them.

import { isMap, isScalar, type Document, type Node, type YAMLMap } from 'yaml';
import type { SourceLocation } from '../../model/types.js';
import { documentRoot, locationOf, mapAt, scalarAt, type YamlContext } from '../yaml/yaml-nodes.js';

export interface StrimziResource {
  kind: string;
  /** `metadata.name`, empty when missing. */
  name: string;
  root: YAMLMap;
  /** Where the resource names itself (`metadata.name`), else the document's start: where findings about it point. */
  location: SourceLocation;
}

const STRIMZI_API = /^kafka\.strimzi\.io\/v\d+((alpha|beta)\d+)?$/;

export function strimziResourceOf(context: YamlContext, document: Document.Parsed): StrimziResource | undefined {
  const root = documentRoot(document);
  if (!isMap(root)) return undefined;
  const apiVersion = scalarAt(root, 'apiVersion');
  const kind = scalarAt(root, 'kind');
  if (typeof apiVersion !== 'string' || !STRIMZI_API.test(apiVersion.trim()) || typeof kind !== 'string') return undefined;
  const metadata = mapAt(root, 'metadata');
  const nameNode = metadata?.get('name', true) as Node | undefined;
  const name = isScalar(nameNode) && nameNode.value !== null ? String(nameNode.value) : '';
  return { kind, name, root, location: locationOf(context, nameNode ?? root) };
}

/** A label of the resource (`strimzi.io/cluster`), when it is a scalar. */
export function labelOf(resource: StrimziResource, label: string): string | undefined {
  const value = scalarAt(mapAt(resource.root, 'metadata', 'labels'), label);
  return value === undefined || value === null ? undefined : String(value);
}

/** Annotations such as `strimzi.io/node-pools: enabled`. */
export function annotationOf(resource: StrimziResource, annotation: string): string | undefined {
  const value = scalarAt(mapAt(resource.root, 'metadata', 'annotations'), annotation);
  return value === undefined || value === null ? undefined : String(value);
}

/** A whole number written as a YAML number or a quoted digit string; anything else is not a count. */
export function wholeNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) return Number(value);
  return undefined;
}
