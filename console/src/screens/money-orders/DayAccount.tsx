export default function DayAccount() { return null; }
