// Which facts a policy is about. `match` narrows by resource kind, client role, library and group, topic name,
// file and environment; every given criterion must hold. A client matches `topic` when it names such a topic
// (producers write it, consumers read it), a topic when its own name matches; brokers name no topic.

import { configRelativePath, fileGlobMatcher } from '../config/file-globs.js';
import type { RepoModel } from '../model/types.js';
import { nameMatcher } from './name-pattern.js';
import type { PolicyFact } from './policy-values.js';
import type { PolicyMatch, PolicyResource } from './policy-types.js';

export interface MatchOptions {
  /** The working directory as a path below the configuration's folder (LintOptions.configBase; see configRelativePath). */
  configBase?: string;
}

/** The facts a policy judges, with the topic names through which a client matched. */
export interface PolicySubject {
  fact: PolicyFact;
  /** For a client selected by `topic`: the topics it names that match; otherwise empty. */
  topics: string[];
}

/**
 * The kind of fact a policy is about: as written, else clients when a client-only criterion is given, else every
 * kind (`all`). In `all` a key is judged only where it has a value, so `require: { acks: all }` does not call every
 * topic "acks not set".
 */
export function policyResource(match: PolicyMatch): PolicyResource | 'all' {
  if (match.resource) return match.resource;
  return match.role !== undefined || match.library !== undefined || match.group !== undefined ? 'client' : 'all';
}

function listOf<T>(value: T | T[] | undefined): T[] | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value : [value];
}

function topicNamesMatching(fact: PolicyFact, matches: (name: string) => boolean): string[] | undefined {
  switch (fact.kind) {
    case 'client': {
      const names = [...new Set(fact.topics.map((reference) => reference.name))].filter(matches);
      return names.length > 0 ? names : undefined;
    }
    case 'topic':
      return matches(fact.name) ? [] : undefined;
    case 'broker':
      return undefined;
  }
}

/** The facts of the model this `match` selects, in model order (clients, topics, brokers). */
export function selectSubjects(model: RepoModel, match: PolicyMatch, options: MatchOptions = {}): PolicySubject[] {
  const resource = policyResource(match);
  const roles = listOf(match.role);
  const libraries = listOf(match.library);
  const files = match.files !== undefined ? fileGlobMatcher(listOf(match.files)!) : undefined;
  const topicMatches = match.topic !== undefined ? nameMatcher(match.topic) : undefined;
  const groupMatches = match.group !== undefined ? nameMatcher(match.group) : undefined;
  const clientOnly = roles !== undefined || libraries !== undefined || groupMatches !== undefined;

  const candidates: PolicyFact[] = [
    ...(resource === 'all' || resource === 'client' ? model.clients : []),
    ...(resource === 'all' || resource === 'topic' ? model.topics : []),
    ...(resource === 'all' || resource === 'broker' ? model.brokers : []),
  ];
  const subjects: PolicySubject[] = [];
  for (const fact of candidates) {
    if (clientOnly) {
      if (fact.kind !== 'client') continue;
      if (roles && !roles.includes(fact.role)) continue;
      if (libraries && !libraries.includes(fact.library)) continue;
      if (groupMatches && (fact.groupId === undefined || !groupMatches(fact.groupId))) continue;
    }
    if (match.environment !== undefined && fact.environment?.name !== match.environment) continue;
    if (files && !files(configRelativePath(fact.file, options.configBase))) continue;
    let topics: string[] = [];
    if (topicMatches) {
      const matched = topicNamesMatching(fact, topicMatches);
      if (!matched) continue;
      topics = matched;
    }
    subjects.push({ fact, topics });
  }
  return subjects;
}
