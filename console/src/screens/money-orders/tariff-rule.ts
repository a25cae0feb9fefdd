import { Decimal } from '@postal/money';

/**
 * A tariff's commission rule, as MoneyOrderTariff.rule carries it (JSON): "per X or part", slabs, or free. The
 * console describes a version's rule in words and builds a proposed one from the form; the server validates the
 * proposal again when it is proposed and when the checker's approval executes it.
 */
export type TariffRule =
  | { kind: 'PER_UNIT_OR_PART'; unit: string; chargePerUnit: string }
  | { kind: 'SLABS'; slabs: { upTo: string; charge: string }[] }
  | { kind: 'FREE' };

export type RuleKind = TariffRule['kind'];

export function parseRule(json: string): TariffRule | undefined {
  try {
    const value = JSON.parse(json) as Partial<TariffRule> & Record<string, unknown>;
    if (value.kind === 'FREE') return { kind: 'FREE' };
    if (value.kind === 'PER_UNIT_OR_PART' && typeof value.unit === 'string' && typeof value.chargePerUnit === 'string') {
      return { kind: 'PER_UNIT_OR_PART', unit: value.unit, chargePerUnit: value.chargePerUnit };
    }
    if (value.kind === 'SLABS' && Array.isArray(value.slabs)) {
      const slabs = (value.slabs as unknown[]).filter(
        (slab): slab is { upTo: string; charge: string } => typeof (slab as { upTo?: unknown }).upTo === 'string' && typeof (slab as { charge?: unknown }).charge === 'string',
      );
      return { kind: 'SLABS', slabs };
    }
  } catch {
    // Not JSON: described as it is by the caller.
  }
  return undefined;
}

/** "1 for every 20 or part", "up to 10000: 75; up to 20000: 100", "no commission". */
export function describeRule(json: string, currency: string): string {
  const rule = parseRule(json);
  if (!rule) return json;
  switch (rule.kind) {
    case 'FREE':
      return 'No commission';
    case 'PER_UNIT_OR_PART':
      return `${currency} ${rule.chargePerUnit} for every ${currency} ${rule.unit} or part`;
    case 'SLABS':
      return rule.slabs.map((slab) => `up to ${currency} ${slab.upTo}: ${currency} ${slab.charge}`).join('; ');
  }
}

export interface RuleDraft {
  kind: RuleKind;
  unit: string;
  chargePerUnit: string;
  /** One slab a line: "upTo, charge" (e.g. "10000, 75"). */
  slabsText: string;
}

function isPositiveDecimal(text: string): boolean {
  if (!/^\d+(\.\d+)?$/.test(text)) return false;
  return new Decimal(text).greaterThan(0);
}

function isNonNegativeDecimal(text: string): boolean {
  return /^\d+(\.\d+)?$/.test(text);
}

/** The rule's JSON from the form, or what is wrong with the form in words (field: message). */
export function ruleFromDraft(draft: RuleDraft): { ok: true; json: string } | { ok: false; field: 'unit' | 'chargePerUnit' | 'slabs'; message: string } {
  switch (draft.kind) {
    case 'FREE':
      return { ok: true, json: JSON.stringify({ kind: 'FREE' }) };
    case 'PER_UNIT_OR_PART': {
      const unit = draft.unit.trim();
      const chargePerUnit = draft.chargePerUnit.trim();
      if (!isPositiveDecimal(unit)) return { ok: false, field: 'unit', message: 'The unit is an amount above zero, e.g. 20.' };
      if (!isNonNegativeDecimal(chargePerUnit)) return { ok: false, field: 'chargePerUnit', message: 'The charge is an amount, e.g. 1.' };
      return { ok: true, json: JSON.stringify({ kind: 'PER_UNIT_OR_PART', unit, chargePerUnit }) };
    }
    case 'SLABS': {
      const lines = draft.slabsText.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
      if (lines.length === 0) return { ok: false, field: 'slabs', message: 'Give at least one slab: "up to, charge" on each line.' };
      const slabs: { upTo: string; charge: string }[] = [];
      for (const [index, line] of lines.entries()) {
        const parts = line.split(/[,;|\t]/).map((part) => part.trim());
        const [upTo = '', charge = ''] = parts;
        if (parts.length !== 2 || !isPositiveDecimal(upTo) || !isNonNegativeDecimal(charge)) {
          return { ok: false, field: 'slabs', message: `Line ${index + 1} is not "up to, charge" (e.g. "10000, 75").` };
        }
        const previous = slabs[slabs.length - 1];
        if (previous && !new Decimal(upTo).greaterThan(previous.upTo)) {
          return { ok: false, field: 'slabs', message: `Line ${index + 1}: each slab must go higher than the one before.` };
        }
        slabs.push({ upTo, charge });
      }
      return { ok: true, json: JSON.stringify({ kind: 'SLABS', slabs }) };
    }
  }
}
