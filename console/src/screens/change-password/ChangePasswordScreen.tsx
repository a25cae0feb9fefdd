import { PageHeader } from '../../ui/PageHeader';
import { ChangePassword } from './ChangePassword';

export default function ChangePasswordScreen() {
  return (
    <>
      <PageHeader title="Change password" />
      <ChangePassword />
    </>
  );
}
