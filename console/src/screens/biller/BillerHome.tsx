import { useMe } from '../../session/me';
import { PageHeader } from '../../ui/PageHeader';

/**
 * Where a biller's person lands: which biller they act for. A placeholder for the biller's COD dashboard (summary,
 * remittances with their UTRs, articles and disputes), which replaces the paragraph below.
 */
export default function BillerHome() {
  const me = useMe();
  if (!me.billerCode) {
    return (
      <>
        <PageHeader title="COD account" />
        <p>This page is for a biller’s own people: your account is not bound to a biller.</p>
      </>
    );
  }
  return (
    <>
      <PageHeader title="COD account" subtitle={`Biller ${me.billerCode}`} />
      <p>
        You act for biller <strong className="mono">{me.billerCode}</strong>. Its cash-on-delivery articles, settlements, remittances and disputes
        will be shown here; you see no other biller’s.
      </p>
    </>
  );
}
