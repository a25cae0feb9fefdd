/** A Biller as federation hands it to cod-settlement's Biller fields: its key. */
export interface BillerReference {
  id: string;
}
