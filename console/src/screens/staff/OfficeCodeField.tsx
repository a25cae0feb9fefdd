import { useEffect, useState } from 'react';
import { useQuery } from 'urql';
import type { Problem } from '../../api/problems';
import { op } from '../../api/operation';
import { StaffOfficeLookupDocument } from '../../gql/graphql';
import { TextField } from '../../ui/TextField';
import { officeTypeWord } from './labels';

/**
 * An office typed by its code (the network has 165,000 offices: a code is what a back office knows), with the office
 * it names shown under it as the person types, so a typo shows before the command is sent. The server decides
 * (OFFICE_NOT_FOUND, OFFICE_CLOSED, FORBIDDEN); this only reads.
 */
export function OfficeCodeField({
  label = 'Office code',
  value,
  onChange,
  problems,
  isRequired = true,
  autoFocus,
}: {
  label?: string;
  value: string;
  onChange: (code: string) => void;
  problems: Problem[];
  isRequired?: boolean;
  autoFocus?: boolean;
}) {
  const code = useDebounced(value.trim().toUpperCase(), 300);
  const [{ data, fetching }] = useQuery({ query: op(StaffOfficeLookupDocument), variables: { code }, pause: code.length === 0, requestPolicy: 'cache-first' });
  const office = code.length > 0 && !fetching ? data?.office : undefined;
  let description = 'The office’s code, e.g. NDGPO.';
  let warning: string | undefined;
  if (code.length > 0 && !fetching && data) {
    if (!office) warning = `No office ${code} that you may see.`;
    else if (office.status !== 'ACTIVE') warning = `${office.name} (${office.code}) is closed: nobody can be assigned to it.`;
    else description = `${office.name} · ${officeTypeWord(office.type)}`;
  }
  return (
    <TextField
      label={label}
      value={value}
      onChange={(next) => onChange(next.toUpperCase())}
      isRequired={isRequired}
      validationBehavior="aria"
      inputClassName="mono"
      autoComplete="off"
      spellCheck="false"
      description={description}
      localError={problems.length > 0 ? undefined : warning}
      problems={problems}
      {...(autoFocus ? { autoFocus } : {})}
    />
  );
}

/** The value once it has stopped changing for `ms`: a lookup per pause in typing, not per keystroke. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
