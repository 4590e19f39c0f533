// A rule's setting per file: the configuration's `overrides` (the last entry whose `files` match the file and that
// names the rule) over `rules`, over the preset. `off` in an override drops the rule's findings in those files; a
// rule that is off everywhere else still runs when an override turns it on somewhere.

import { configRelativePath, fileGlobMatcher } from '../config/file-globs.js';
import type { Severity } from '../model/types.js';
import type { LintOptions, RuleSetting } from './lint.js';
import { presetSeverity } from './registry.js';
import type { Rule } from './rule.js';

/** A rule's setting in the file a finding is in (paths relative to the working directory, as findings name them). */
export type SettingInFile = (file: string) => RuleSetting;

/** The rule's setting from the preset and `rules`, before any override. */
export function globalSetting(rule: Rule, options: LintOptions): RuleSetting {
  return options.rules?.[rule.id] ?? presetSeverity(rule, options.preset ?? 'recommended');
}

function overridesNaming(ruleId: string, options: LintOptions) {
  return (options.overrides ?? []).filter((override) => override.rules[ruleId] !== undefined);
}

/** The severity the rule runs at when it runs anywhere: its own, else the last override that turns it on. */
export function severityWhereEnabled(rule: Rule, options: LintOptions): Severity | undefined {
  const setting = globalSetting(rule, options);
  if (setting !== 'off') return setting;
  const enabling = overridesNaming(rule.id, options).map((override) => override.rules[rule.id]).filter((value) => value !== 'off');
  return enabling[enabling.length - 1] as Severity | undefined;
}

/** The rule's setting per file; a plain severity when no override names the rule. */
export function settingPerFile(rule: Rule, options: LintOptions): Severity | SettingInFile {
  const setting = globalSetting(rule, options);
  const overrides = overridesNaming(rule.id, options).map((override) => ({ matches: fileGlobMatcher(override.files), setting: override.rules[rule.id] }));
  if (overrides.length === 0 && setting !== 'off') return setting;
  const cache = new Map<string, RuleSetting>();
  return (file) => {
    let result = cache.get(file);
    if (result === undefined) {
      const path = configRelativePath(file, options.configBase);
      result = [...overrides].reverse().find((override) => override.matches(path))?.setting ?? setting;
      cache.set(file, result);
    }
    return result;
  };
}
