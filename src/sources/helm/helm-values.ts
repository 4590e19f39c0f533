// Helm values files of Kafka charts (Bitnami, incubator/kafka, Confluent cp-kafka) → broker facts, declared by `helm`.
// Only files that clearly configure a Kafka chart are read, either at the top level or under a `kafka:` / `cp-kafka:`
// subchart key of an umbrella chart; every other YAML file yields nothing here.

import { isMap, isScalar, isSeq, type Document, type Node, type YAMLMap } from 'yaml';
import type { BrokerFacts, FileFacts, ListenerFacts, Setting, SourceLocation } from '../../model/types.js';
import { emptyFileFacts } from '../../model/types.js';
import { settingFromEntry, type FlatEntry } from '../flat-config.js';
import { wholeNumber } from '../strimzi/strimzi-resources.js';
import { documentRoot, flattenMap, locationOf, mapAt, scalarAt, spanTo, type YamlContext } from '../yaml/yaml-nodes.js';
import {
  AUTH_PROTOCOL_LISTENERS,
  CHART_PROTOCOLS,
  CHART_VALUE_KEYS,
  CONFIG_MAP_PREFIXES,
  CREDENTIAL_GROUPS,
  EMPTY_IS_MEANINGFUL,
  KAFKA_CHART_MARKERS,
  KAFKA_IMAGE,
  LISTENER_GROUPS,
  PROPERTIES_TEXT_VALUES,
} from './kafka-chart-keys.js';
import { propertiesBlockEntries } from './properties-block.js';

const SUBCHART_KEYS = ['kafka', 'cp-kafka'];

interface ChartValues {
  values: YAMLMap;
  /** The umbrella chart's key for the Kafka subchart, when the values sit under one. */
  subchart?: string;
  keyNode?: Node;
}

export function factsFromHelmValues(context: YamlContext, documents: Document.Parsed[]): FileFacts {
  const facts = emptyFileFacts();
  for (const document of documents) {
    const root = documentRoot(document);
    // Kubernetes objects (Strimzi resources, ConfigMaps, …) have apiVersion and kind; values files do not.
    if (!isMap(root) || (root.has('apiVersion') && root.has('kind'))) continue;
    for (const chart of chartValuesIn(root)) {
      if (!isKafkaChartValues(chart)) continue;
      const broker = brokerFromChartValues(context, chart);
      if (broker) facts.brokers.push(broker);
    }
  }
  return facts;
}

function chartValuesIn(root: YAMLMap): ChartValues[] {
  const charts: ChartValues[] = [{ values: root }];
  for (const pair of root.items) {
    if (isScalar(pair.key) && SUBCHART_KEYS.includes(String(pair.key.value)) && isMap(pair.value)) {
      charts.push({ values: pair.value, subchart: String(pair.key.value), keyNode: pair.key });
    }
  }
  return charts;
}

function isKafkaChartValues(chart: ChartValues): boolean {
  const image = scalarAt(chart.values, 'image', 'repository') ?? scalarAt(chart.values, 'image');
  if (typeof image === 'string' && KAFKA_IMAGE.test(image.trim())) return true;
  const markers = chart.values.items.filter((pair) => isScalar(pair.key) && KAFKA_CHART_MARKERS.has(String(pair.key.value))).length;
  if (markers >= 2) return true;
  if (!chart.subchart) return false;
  // Under a subchart key: Bitnami's listener groups with their protocols, or one marker beside values every chart
  // has (an application's own `kafka:` section with a `numPartitions` is not a chart). `cp-kafka` names its chart.
  if (Object.keys(LISTENER_GROUPS).some((group) => scalarAt(chart.values, 'listeners', group, 'protocol') !== undefined)) return true;
  const chartShaped = chart.subchart === 'cp-kafka' || chart.values.items.some((pair) => isScalar(pair.key) && CHART_SHAPED.has(String(pair.key.value)));
  return markers >= 1 && chartShaped;
}

/** Values nearly every chart has; with a Kafka marker they tell a subchart's values from an application's settings. */
const CHART_SHAPED = new Set(['enabled', 'image', 'replicaCount', 'persistence', 'resources', 'service', 'zookeeper', 'controller', 'broker']);

function brokerFromChartValues(context: YamlContext, chart: ChartValues): BrokerFacts | undefined {
  const entries = flattenMap(context, chart.values);
  const settings = [...entries.flatMap((entry) => settingsOfEntry(context, chart.values, entry)), ...extraEnvSettings(context, chart.values)];
  settings.sort((left, right) => left.location.line - right.location.line || left.location.column - right.location.column);
  const listeners = entries.flatMap((entry) => listenerOfEntry(chart.values, entry));
  if (settings.length === 0 && listeners.length === 0) return undefined;
  const where = chart.subchart ? `${context.file} (subchart ${chart.subchart})` : context.file;
  const broker: BrokerFacts = {
    kind: 'broker',
    declaredBy: 'helm',
    file: context.file,
    location: chartLocation(context, chart) ?? { ...(settings[0]?.location ?? listeners[0].location) },
    settings,
    label: `Kafka chart values ${where}`,
    listeners,
  };
  const brokerCount = brokerCountOf(chart.values);
  if (brokerCount !== undefined) broker.brokerCount = brokerCount;
  return broker;
}

/** Where the values declare the broker: the subchart key, else the Kafka image, else (undefined) its first setting. */
function chartLocation(context: YamlContext, chart: ChartValues): SourceLocation | undefined {
  if (chart.keyNode) return locationOf(context, chart.keyNode);
  const image = mapAt(chart.values, 'image')?.get('repository', true) ?? chart.values.get('image', true);
  return isScalar(image) && typeof image.value === 'string' && KAFKA_IMAGE.test(image.value.trim()) ? locationOf(context, image) : undefined;
}

/** The settings one flattened chart value stands for: none, one, or a whole server.properties text. */
function settingsOfEntry(context: YamlContext, values: YAMLMap, entry: FlatEntry): Setting[] {
  const path = entry.key;
  if (PROPERTIES_TEXT_VALUES.has(path) && typeof entry.typed === 'string') {
    const node = values.getIn(path.split('.'), true) as Node | undefined;
    return propertiesBlockEntries(context, node).map((blockEntry) => settingFromEntry(blockEntry));
  }
  const mapped = CHART_VALUE_KEYS[path];
  if (mapped) return chartSetting(entry, mapped);
  const configPrefix = CONFIG_MAP_PREFIXES.find((prefix) => path.startsWith(prefix));
  if (configPrefix) return chartSetting({ ...entry, key: path.slice(configPrefix.length) }, path.slice(configPrefix.length));
  const perListenerClientAuth = /^listeners\.(\w+)\.sslClientAuth$/.exec(path);
  if (perListenerClientAuth && LISTENER_GROUPS[perListenerClientAuth[1]]) {
    if (!listenerIsDeployed(values, perListenerClientAuth[1])) return [];
    const name = listenerName(values, perListenerClientAuth[1]).toLowerCase();
    return chartSetting(entry, `listener.name.${name}.ssl.client.auth`);
  }
  // SASL user passwords and the like have no Kafka key; the chart path keeps them visible to the credential rules.
  const last = path.split('.').pop() ?? '';
  if (CREDENTIAL_GROUPS.some((group) => path.startsWith(group)) && /password/i.test(last)) return chartSetting(entry, path);
  return [];
}

/** A chart value as a setting; an empty value means "let the chart decide" and gives none. */
function chartSetting(entry: FlatEntry, canonical: string): Setting[] {
  const empty = entry.typed === null || entry.typed === undefined || (typeof entry.typed === 'string' && entry.typed.trim() === '');
  if (empty && !EMPTY_IS_MEANINGFUL.has(canonical)) return [];
  // Bitnami writes big numbers as `_1073741824` so YAML keeps them whole; the chart strips the `_` (`replace "_" ""`).
  const underscored = typeof entry.typed === 'string' && /^_\d+$/.test(entry.typed.trim());
  const cleaned = underscored ? { ...entry, raw: entry.raw.trim().slice(1), typed: Number(entry.raw.trim().slice(1)) } : entry;
  const setting = settingFromEntry(cleaned, canonical);
  if (canonical === 'ALLOW_PLAINTEXT_LISTENER') setting.value = isTrue(entry.typed) ? 'yes' : entry.raw.trim().toLowerCase() === 'yes' ? 'yes' : 'no';
  return [setting];
}

function isTrue(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true');
}

/**
 * `extraEnvVars: [{ name: KAFKA_CFG_AUTO_CREATE_TOPICS_ENABLE, value: "false" }]`: Bitnami maps every KAFKA_CFG_*
 * variable to the Kafka key spelled in lower case with dots for underscores.
 */
function extraEnvSettings(context: YamlContext, values: YAMLMap): Setting[] {
  const settings: Setting[] = [];
  for (const group of [[], ['controller'], ['broker']]) {
    const variables = (group.length === 0 ? values : mapAt(values, ...group))?.get('extraEnvVars', true) as Node | undefined;
    if (!isSeq(variables)) continue;
    for (const variable of variables.items) {
      if (!isMap(variable)) continue;
      const name = scalarAt(variable, 'name');
      const valueNode = variable.get('value', true) as Node | undefined;
      if (typeof name !== 'string' || !isScalar(valueNode)) continue;
      const canonical = name.startsWith('KAFKA_CFG_')
        ? name.slice('KAFKA_CFG_'.length).toLowerCase().replace(/_/g, '.')
        : name === 'ALLOW_PLAINTEXT_LISTENER' ? name : undefined;
      if (!canonical) continue;
      const valueLocation = locationOf(context, valueNode);
      const raw = valueNode.value === null || valueNode.value === undefined ? '' : String(valueNode.value);
      const entry: FlatEntry = { key: name, raw, typed: valueNode.value ?? '', location: spanTo(locationOf(context, variable), valueLocation), valueLocation };
      settings.push(...chartSetting(entry, canonical));
    }
  }
  return settings;
}

/** Listener protocols the values state: Bitnami 23+ `listeners.<group>.protocol`, older `auth.*Protocol`. */
function listenerOfEntry(values: YAMLMap, entry: FlatEntry): ListenerFacts[] {
  const group = /^listeners\.(\w+)\.protocol$/.exec(entry.key)?.[1];
  if (group && LISTENER_GROUPS[group] && listenerIsDeployed(values, group) && entry.raw.trim() !== '') {
    return [{ name: listenerName(values, group), protocol: entry.raw.trim().toUpperCase(), location: entry.location }];
  }
  const authListener = AUTH_PROTOCOL_LISTENERS[entry.key];
  const protocol = CHART_PROTOCOLS[entry.raw.trim().toLowerCase()];
  if (authListener && protocol && (authListener !== 'EXTERNAL' || listenerIsDeployed(values, 'external'))) {
    return [{ name: authListener, protocol, location: entry.location }];
  }
  return [];
}

function listenerName(values: YAMLMap, group: string): string {
  const name = scalarAt(values, 'listeners', group, 'name');
  return typeof name === 'string' && name.trim() !== '' ? name.trim() : LISTENER_GROUPS[group];
}

/** The external listener exists only with `externalAccess.enabled`; the controller listener only in KRaft mode. */
function listenerIsDeployed(values: YAMLMap, group: string): boolean {
  if (group === 'external') return isTrue(scalarAt(values, 'externalAccess', 'enabled'));
  if (group === 'controller') return scalarAt(values, 'kraft', 'enabled') !== false;
  return true;
}

/**
 * Brokers the values deploy: `replicaCount` (Bitnami ≤ 22), `replicas` (incubator/kafka), `brokers` (cp-kafka), or in
 * Bitnami 23+ `broker.replicaCount` plus the controller-eligible nodes that are brokers too (unless
 * `controller.controllerOnly`). A group whose count is left to the chart's default makes the total unknown.
 */
function brokerCountOf(values: YAMLMap): number | undefined {
  for (const key of ['replicaCount', 'replicas', 'brokers']) {
    const count = wholeNumber(scalarAt(values, key));
    if (count !== undefined) return count;
  }
  const brokers = wholeNumber(scalarAt(values, 'broker', 'replicaCount'));
  const controllers = wholeNumber(scalarAt(values, 'controller', 'replicaCount'));
  const controllersAreBrokers = !isTrue(scalarAt(values, 'controller', 'controllerOnly')) && scalarAt(values, 'kraft', 'enabled') !== false;
  if (brokers === undefined && controllers === undefined) return undefined;
  if (!controllersAreBrokers) return brokers;
  if (brokers === undefined || controllers === undefined) return undefined;
  return brokers + controllers;
}
