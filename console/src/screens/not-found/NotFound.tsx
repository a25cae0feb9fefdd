import { Link } from 'react-router';
import { PageHeader } from '../../ui/PageHeader';

export default function NotFound() {
  return (
    <>
      <PageHeader title="Not found" />
      <p>
        There is no screen at this address. <Link to="/">Go to the dashboard</Link>.
      </p>
    </>
  );
}
