/**
 * Calendar 'IN': the national bank holidays on which NEFT/RTGS settlement to a seller's bank does not happen (banks
 * closed under the Negotiable Instruments Act), seeded by migration 0007_india_bank_holidays (a test checks the rows
 * equal this list). Sundays and the second and fourth Saturdays are not listed: contracts/calendar.ts knows them.
 *
 * Source for 2026: the Government of India's list of gazetted holidays for central government offices in 2026
 * (Department of Personnel and Training office memorandum, 2025), which RBI's New Delhi list of NI-Act holidays
 * follows for the national days. Islamic festivals are "subject to the sighting of the moon" there; a change is notified
 * shortly before the day and goes in as a data change. 2027: the fixed national days and Good Friday (Easter 28 March
 * 2027) are certain; Holi, Id-ul-Fitr and Diwali are the astronomical dates, provisional until the 2027 list is
 * notified, when this calendar is to be checked against it. State holidays (regional festivals) are not here: a
 * settlement office in a state adds them as rows of its own calendar.
 */
export const INDIA_BANK_HOLIDAYS: ReadonlyArray<{ date: string; name: string }> = [
  { date: '2026-01-26', name: 'Republic Day' },
  { date: '2026-03-04', name: 'Holi' },
  { date: '2026-03-21', name: 'Id-ul-Fitr' },
  { date: '2026-03-31', name: 'Mahavir Jayanti' },
  { date: '2026-04-03', name: 'Good Friday' },
  { date: '2026-05-01', name: 'Buddha Purnima' },
  { date: '2026-05-27', name: 'Id-ul-Zuha (Bakrid)' },
  { date: '2026-06-26', name: 'Muharram' },
  { date: '2026-08-15', name: 'Independence Day' },
  { date: '2026-08-26', name: 'Milad-un-Nabi' },
  { date: '2026-10-02', name: "Mahatma Gandhi's Birthday" },
  { date: '2026-10-20', name: 'Dussehra (Vijaya Dashami)' },
  { date: '2026-11-08', name: 'Diwali (Deepavali)' },
  { date: '2026-11-24', name: "Guru Nanak's Birthday" },
  { date: '2026-12-25', name: 'Christmas Day' },
  { date: '2027-01-26', name: 'Republic Day' },
  { date: '2027-03-10', name: 'Id-ul-Fitr (provisional)' },
  { date: '2027-03-22', name: 'Holi (provisional)' },
  { date: '2027-03-26', name: 'Good Friday' },
  { date: '2027-08-15', name: 'Independence Day' },
  { date: '2027-10-02', name: "Mahatma Gandhi's Birthday" },
  { date: '2027-10-29', name: 'Diwali (Deepavali) (provisional)' },
  { date: '2027-12-25', name: 'Christmas Day' },
];
