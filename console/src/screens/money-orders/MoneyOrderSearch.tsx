export default function MoneyOrderSearch() { return null; }
