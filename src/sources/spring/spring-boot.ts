// Spring Boot `spring.kafka.*` and Spring Cloud Stream Kafka binder configuration, from `.properties` entries or
// flattened YAML documents, into the Kafka clients Spring builds from it.
//
// Spring builds each client's config map in layers (see spring-keys.ts): common settings, then the client's own,
// then the binder's, then the binding's. Each client here holds the settings of its layers in that order, so the
// last occurrence of a key is the one Spring uses. A key that a higher layer sets again is left out of the client
// (a per-client `bootstrap-servers` overriding the common one is normal Spring usage, not a duplicate); two
// spellings of one key within a layer are both kept, so the duplicate stays visible.

import { classifyFlatConfig, hasKafkaKeys } from '../../model/roles.js';
import { isSecretKey } from '../../model/secrets.js';
import type { ClientFacts, FileFacts, Role, Setting, SourceLocation, TopicReference } from '../../model/types.js';
import { emptyFileFacts } from '../../model/types.js';
import { factsFromFlatConfig, settingFromEntry, type FlatEntry } from '../flat-config.js';
import { meaningOfSpringName, propertyNameElements, type ClientLayer, type SpringKeyMapping, type SpringNameMeaning } from './spring-keys.js';
import { convertSpringValue } from './spring-values.js';

/** True for property names this source reads: `spring.kafka.*`, the Cloud Stream Kafka binder, `spring.json.*`. */
export function isSpringKafkaKey(key: string): boolean {
  return /^spring\.(kafka|json|cloud\.stream\.(kafka|binders\.[^.]+\.environment\.spring\.(kafka|cloud\.stream\.kafka)))[.[]/i.test(key.trim());
}

/** One mapped entry: its setting, where it sits among Spring's layers, and which binder configured it. */
interface SpringSetting {
  mapping: SpringKeyMapping;
  setting: Setting;
  /** Position in the file, which orders settings within one layer. */
  index: number;
  /** Named Cloud Stream binder whose `environment` holds the entry; undefined for the application's own. */
  binder?: string;
  /** From a binder's environment, which overrides the application's properties of the same name. */
  fromEnvironment: boolean;
}

interface BindingInfo {
  destination?: FlatEntry;
  group?: FlatEntry;
}

interface SpringConfiguration {
  settings: SpringSetting[];
  bindings: Map<string, BindingInfo>;
  /** Binders declared with `inherit-environment: false`. */
  isolatedBinders: Set<string>;
  profile?: string;
}

/** Indexed list entries (`bootstrap-servers[0]`, `[1]`, …) are one list value, as Spring binds them. */
function mergeIndexedEntries(entries: FlatEntry[]): FlatEntry[] {
  const merged: FlatEntry[] = [];
  const lists = new Map<string, FlatEntry>();
  for (const entry of entries) {
    const indexed = /^(.*)\[\d+\]$/.exec(entry.key.trim());
    if (!indexed) {
      merged.push(entry);
      continue;
    }
    const base = indexed[1];
    const list = lists.get(base);
    if (list === undefined) {
      const first: FlatEntry = { ...entry, key: base, typed: undefined };
      lists.set(base, first);
      merged.push(first);
      continue;
    }
    list.raw = `${list.raw},${entry.raw}`;
    list.location = { ...list.location, endLine: entry.location.endLine ?? entry.location.line, endColumn: entry.location.endColumn ?? entry.location.column };
  }
  return merged;
}

/** The typed setting of one entry: Spring's conversions applied; placeholders kept as the text written. */
function springSetting(entry: FlatEntry, mapping: SpringKeyMapping): Setting {
  const setting = settingFromEntry(entry, mapping.canonical);
  if (setting.placeholder) {
    // `${KAFKA_BOOTSTRAP:localhost:9092}` is resolved at run time; its text is all that is known.
    setting.value = entry.raw.trim();
    return setting;
  }
  if (mapping.conversion) {
    const converted = convertSpringValue(mapping.conversion, entry.raw, entry.typed);
    if (converted !== undefined) setting.value = converted;
  }
  return setting;
}

function meaningOf(key: string): { meaning: SpringNameMeaning; binder?: string } | undefined {
  const meaning = meaningOfSpringName(propertyNameElements(key.trim()));
  if (meaning?.kind !== 'binder-environment') return meaning ? { meaning } : undefined;
  // A binder's environment holds ordinary property names, applied to that binder only.
  const inner = meaningOfSpringName(meaning.elements);
  return inner?.kind === 'setting' ? { meaning: inner, binder: meaning.binder } : undefined;
}

function readConfiguration(entries: FlatEntry[]): SpringConfiguration {
  const configuration: SpringConfiguration = { settings: [], bindings: new Map(), isolatedBinders: new Set() };
  const binding = (name: string) => {
    let info = configuration.bindings.get(name);
    if (!info) configuration.bindings.set(name, (info = {}));
    return info;
  };
  mergeIndexedEntries(entries).forEach((entry, index) => {
    const found = meaningOf(entry.key);
    if (!found) return;
    const { meaning, binder } = found;
    switch (meaning.kind) {
      case 'setting':
        configuration.settings.push({ mapping: meaning.mapping, setting: springSetting(entry, meaning.mapping), index, fromEnvironment: binder !== undefined, ...(binder !== undefined ? { binder } : {}) });
        break;
      case 'binding-destination':
        binding(meaning.binding).destination = entry;
        break;
      case 'binding-group':
        binding(meaning.binding).group = entry;
        break;
      case 'binder-inherit':
        if (/^false$/i.test(entry.raw.trim())) configuration.isolatedBinders.add(meaning.binder);
        break;
      case 'profile':
        if (entry.raw.trim() !== '') configuration.profile = entry.raw.trim();
        break;
      default:
        break;
    }
  });
  return configuration;
}

/** `application-prod.yml` is read only for the `prod` profile. */
function profileFromFileName(file: string): string | undefined {
  const base = file.split('/').pop() ?? file;
  return /^application-(.+)\.(properties|ya?ml)$/i.exec(base)?.[1];
}

function tierOf(setting: SpringSetting): number {
  return setting.mapping.level * 2 + (setting.fromEnvironment ? 1 : 0);
}

function precedence(a: SpringSetting, b: SpringSetting): number {
  return tierOf(a) - tierOf(b) || a.mapping.order - b.mapping.order || a.index - b.index;
}

/** The settings one client receives, in Spring's order, without those a higher layer replaces. */
function clientSettings(selected: SpringSetting[]): SpringSetting[] {
  const ordered = [...selected].sort(precedence);
  const highestTier = new Map<string, number>();
  for (const setting of ordered) highestTier.set(setting.setting.key, Math.max(highestTier.get(setting.setting.key) ?? -1, tierOf(setting)));
  return ordered.filter((setting) => tierOf(setting) === highestTier.get(setting.setting.key));
}

const ROLE_NAMES: Record<Role, string> = {
  producer: 'producer',
  consumer: 'consumer',
  admin: 'admin client',
  streams: 'Kafka Streams client',
  connect: 'Connect worker',
  client: 'Kafka client',
};

interface ClientPlan {
  role: Role;
  /** Settings of the client's own layer: where the client is located. */
  own: SpringSetting[];
  all: SpringSetting[];
  binding?: string;
}

interface Context {
  file: string;
  profile?: string;
  binder?: string;
  bindings: Map<string, BindingInfo>;
}

function labelOf(context: Context, plan: ClientPlan): string {
  const role = ROLE_NAMES[plan.role];
  const scope = context.binder !== undefined || plan.binding !== undefined ? 'Spring Cloud Stream' : 'Spring';
  const details = [plan.binding !== undefined ? `binding ${plan.binding}` : undefined, context.binder !== undefined ? `binder ${context.binder}` : undefined].filter(Boolean);
  const qualifier = details.length > 0 ? ` (${details.join(', ')})` : '';
  const profile = context.profile !== undefined ? ` (profile ${context.profile})` : '';
  return `${scope} ${role}${qualifier} in ${context.file}${profile}`;
}

function topicReference(entry: { raw: string; location: SourceLocation; valueLocation?: SourceLocation }, name: string): TopicReference {
  return { name, location: { ...(entry.valueLocation ?? entry.location) } };
}

/** Topics a client names: the template's default topic, a binding's destination (comma-separated). */
function topicsOf(context: Context, plan: ClientPlan, topicSettings: SpringSetting[]): TopicReference[] {
  const topics: TopicReference[] = [];
  if (plan.role === 'producer') {
    for (const topic of topicSettings) {
      const name = String(topic.setting.value ?? '').trim();
      if (name !== '' && !topic.setting.placeholder) topics.push(topicReference(topic.setting, name));
    }
  }
  const destination = plan.binding !== undefined ? context.bindings.get(plan.binding)?.destination : undefined;
  if (destination) {
    for (const name of destination.raw.split(',').map((part) => part.trim())) {
      if (name !== '' && !/\$\{/.test(name)) topics.push(topicReference(destination, name));
    }
  }
  return topics;
}

function groupIdOf(context: Context, plan: ClientPlan, settings: Setting[]): string | undefined {
  if (plan.role !== 'consumer') return undefined;
  const group = [...settings].reverse().find((setting) => setting.key === 'group.id');
  if (group) return typeof group.value === 'string' && group.value !== '' && !group.placeholder ? group.value : undefined;
  const bindingGroup = plan.binding !== undefined ? context.bindings.get(plan.binding)?.group?.raw.trim() : undefined;
  return bindingGroup && !/\$\{/.test(bindingGroup) ? bindingGroup : undefined;
}

function firstByIndex(settings: SpringSetting[]): SpringSetting | undefined {
  return settings.reduce<SpringSetting | undefined>((first, setting) => (first === undefined || setting.index < first.index ? setting : first), undefined);
}

function clientFrom(context: Context, plan: ClientPlan): ClientFacts {
  const ordered = clientSettings(plan.all);
  const settings = ordered.map((setting) => ({ ...setting.setting, location: { ...setting.setting.location } }));
  const anchor = firstByIndex(plan.own) ?? firstByIndex(plan.all)!;
  const topics = topicsOf(context, plan, ordered.filter((setting) => setting.mapping.topic));
  const groupId = groupIdOf(context, plan, settings);
  return {
    kind: 'client',
    role: plan.role,
    library: 'spring',
    file: context.file,
    location: { ...anchor.setting.location },
    settings,
    topics,
    label: labelOf(context, plan),
    ...(groupId !== undefined ? { groupId } : {}),
  };
}

const CLIENT_LAYERS: ClientLayer[] = ['producer', 'consumer', 'admin', 'streams'];

/**
 * The clients one Spring configuration builds: one per client layer that has settings Spring binds, one per Cloud
 * Stream binding with its own Kafka settings, and, when only common settings exist, the roles their keys show.
 */
function planClients(settings: SpringSetting[]): ClientPlan[] {
  const common = settings.filter((setting) => setting.mapping.layer === 'common');
  const plans: ClientPlan[] = [];
  for (const layer of CLIENT_LAYERS) {
    const own = settings.filter((setting) => setting.mapping.layer === layer);
    if (!own.some((setting) => setting.mapping.known)) continue;
    const shared = own.filter((setting) => setting.mapping.binding === undefined);
    const bindings = [...new Set(own.map((setting) => setting.mapping.binding).filter((binding): binding is string => binding !== undefined))];
    if (bindings.length === 0) {
      plans.push({ role: layer, own, all: [...common, ...own] });
      continue;
    }
    for (const binding of bindings) {
      const bindingOwn = own.filter((setting) => setting.mapping.binding === binding);
      plans.push({ role: layer, own: bindingOwn, all: [...common, ...shared, ...bindingOwn], binding });
    }
  }
  if (plans.length > 0 || !common.some((setting) => setting.mapping.known)) return plans;
  // Only common settings: a producer-only or consumer-only key among them shows which client the file configures.
  const roles = classifyFlatConfig('', common.map((setting) => setting.setting.key)).map((kind): Role => (kind === 'producer' || kind === 'consumer' ? kind : 'client'));
  return [...new Set(roles)].map((role) => ({ role, own: common, all: common }));
}

/** Facts from the entries of one Spring configuration (a `.properties` file or one YAML document). */
export function factsFromSpringEntries(file: string, entries: FlatEntry[]): FileFacts {
  const facts = emptyFileFacts();
  const configuration = readConfiguration(entries);
  if (configuration.settings.every((setting) => /^spring\.json[.[]/i.test(setting.setting.writtenAs.trim()))) {
    // Only `spring.json.*` beside plain Kafka keys: a Java client config for Spring's JsonDeserializer, not Boot.
    const plainKeys = entries.map((entry) => entry.key).filter((key) => !/^spring\./i.test(key.trim()));
    if (hasKafkaKeys(plainKeys)) {
      return factsFromFlatConfig(file, entries);
    }
  }
  const profile = configuration.profile ?? profileFromFileName(file);
  const base = { file, bindings: configuration.bindings, ...(profile !== undefined ? { profile } : {}) };
  const application = configuration.settings.filter((setting) => setting.binder === undefined);
  const binders = [...new Set(configuration.settings.map((setting) => setting.binder).filter((binder): binder is string => binder !== undefined))];
  const kafkaBinders = binders.filter((binder) => configuration.settings.some((setting) => setting.binder === binder && setting.mapping.known));
  if (kafkaBinders.length === 0) {
    for (const plan of planClients(application)) facts.clients.push(clientFrom(base, plan));
    return facts;
  }
  // Each named binder builds its clients from its environment on top of the application's properties, unless it is
  // declared with `inherit-environment: false` (Spring Cloud Stream "Multiple Binders").
  for (const binder of kafkaBinders) {
    const own = configuration.settings.filter((setting) => setting.binder === binder);
    const inherited = configuration.isolatedBinders.has(binder) ? [] : application;
    for (const plan of planClients([...inherited, ...own])) facts.clients.push(clientFrom({ ...base, binder }, plan));
  }
  return facts;
}
