/**
 * Which reader to believe on each judgment rule when a model reviewed the draft: the model decides,
 * except where recorded answers on training drafts showed the rules' learned layer to be the surer
 * reader (`npm run train:merge`, src/learning/merge-policy.ts, writes merge-policy.json).
 */
import stored from "./merge-policy.json";
import type { LearnedRule } from "../core/learned/model";

export interface RulePolicy {
  /** A model's finding stands only when the rules' probability for the rule is at least this (0: always). */
  modelNeedsAtLeast: number;
  /** The rules' finding stands without the model when their probability is at least this (null: never). */
  rulesAloneAtLeast: number | null;
}

export interface StoredMergePolicy {
  format: 1;
  rules: Partial<Record<LearnedRule, RulePolicy>>;
  /** How the policy was measured: answers, corpora, figures. */
  madeFrom: unknown;
}

export interface MergePolicy {
  modelMayFire(rule: string, probabilities: Partial<Record<LearnedRule, number>>): boolean;
  rulesMayFire(rule: LearnedRule, probabilities: Partial<Record<LearnedRule, number>>): boolean;
}

export function mergePolicy(stored: Pick<StoredMergePolicy, "rules">): MergePolicy {
  const of = (rule: string): RulePolicy | undefined => stored.rules[rule as LearnedRule];
  return {
    modelMayFire(rule, probabilities) {
      const p = probabilities[rule as LearnedRule];
      const policy = of(rule);
      return !policy || p === undefined || p >= policy.modelNeedsAtLeast;
    },
    rulesMayFire(rule, probabilities) {
      const p = probabilities[rule];
      const at = of(rule)?.rulesAloneAtLeast;
      return at !== null && at !== undefined && p !== undefined && p >= at;
    },
  };
}

/** The model decides every judgment rule: the policy before any answers were measured. */
export const MODEL_DECIDES: MergePolicy = mergePolicy({ rules: {} });

export const MERGE_POLICY: MergePolicy = mergePolicy(stored as StoredMergePolicy);
