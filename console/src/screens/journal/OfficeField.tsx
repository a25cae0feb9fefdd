import { useEffect, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { op } from '../../api/operation';
import type { Problem } from '../../api/problems';
import { JournalOfficeSearchDocument } from '../../gql/graphql';
import { useMe } from '../../session/me';
import { CodeComboField, type CodeOption } from './CodeComboField';

/** How long typing pauses before the offices are searched (one request per pause, not per key). */
const SEARCH_DELAY_MS = 250;

/**
 * An office, by code: the person's own office first, then the offices of their scope matching what is typed (code
 * prefix or name, searched by the API within the caller's office.read scope, 20 at most).
 */
export function OfficeField({ label = 'Office', value, onChange, problems, description, isDisabled }: { label?: string; isDisabled?: boolean; value: string; onChange: (code: string) => void; problems?: Problem[]; description?: string | undefined }) {
  const me = useMe();
  const [search, setSearch] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSearch(value.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [value]);
  const [{ data }] = useQuery({ query: op(JournalOfficeSearchDocument), variables: { search: search === '' ? null : search } });
  const options = useMemo<CodeOption[]>(() => {
    const own = { code: me.office.code, name: `${me.office.name} (your office)` };
    const found = (data?.offices.edges ?? []).map((edge) => ({ code: edge.node.code, name: edge.node.name })).filter((office) => office.code !== own.code);
    const ownMatches = search === '' || own.code.toLowerCase().startsWith(search.toLowerCase()) || own.name.toLowerCase().includes(search.toLowerCase());
    return [...(ownMatches ? [own] : []), ...found];
  }, [data, me.office, search]);
  return <CodeComboField label={label} value={value} onChange={(code) => onChange(code.toUpperCase())} options={options} problems={problems} description={description} isRequired isDisabled={isDisabled} />;
}
