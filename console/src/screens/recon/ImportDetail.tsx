import { useParams } from 'react-router';
import { PageHeader } from '../../ui/PageHeader';
import { ImportResult } from './ImportResult';

/** One statement import, as the import screen showed it: its progress or result, its statements or its refusal. */
export default function ImportDetail() {
  const { id = '' } = useParams();
  return (
    <>
      <PageHeader title="Statement import" />
      <ImportResult id={id} />
    </>
  );
}
