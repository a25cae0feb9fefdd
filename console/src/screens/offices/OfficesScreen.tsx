import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../../session/me';
import { can } from '../../session/permissions';
import { Button } from '../../ui/Button';
import { PageHeader } from '../../ui/PageHeader';
import { TextField } from '../../ui/TextField';
import { CreateOfficeDialog } from './CreateOfficeDialog';
import { OfficeTree } from './OfficeTree';
import './offices.css';

/**
 * The office network as a tree, from the top of the person's scope (their own office: every grant reaches from it),
 * opened lazily; a search box that goes to the search results; "New office" for those who may manage offices.
 */
export default function OfficesScreen() {
  const me = useMe();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const find = (event: FormEvent) => {
    event.preventDefault();
    const text = search.trim();
    void navigate(text ? `/offices/search?search=${encodeURIComponent(text)}` : '/offices/search');
  };
  return (
    <>
      <PageHeader
        title="Offices"
        subtitle={`The office network from ${me.office.name} (${me.office.code}) down. Open an office with Enter; expand and collapse with the arrow keys.`}
        actions={can(me, 'office.manage') ? <CreateOfficeDialog defaultParentCode={me.office.code} /> : null}
      />
      <search className="filters offices-find" aria-label="Search offices">
        <form onSubmit={find} className="form-row">
          <TextField label="Find an office" description="Code, name or PIN" value={search} onChange={setSearch} />
          <Button type="submit" className="offices-find-button">
            Search
          </Button>
        </form>
        <Link to="/offices/search" className="offices-find-link">
          List and filter all offices
        </Link>
      </search>
      <OfficeTree rootCode={me.office.code} label="Office tree" />
    </>
  );
}
