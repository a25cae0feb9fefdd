import { Button } from '../../ui/Button';

/**
 * The counter receipt: the API's 40-column text (every figure of the booking, no secret), and a print button. The
 * print stylesheet (money-orders.css) hides the console around it, so only the receipt reaches the paper.
 */
export function Receipt({ text }: { text: string }) {
  return (
    <section className="mo-receipt-panel" aria-labelledby="mo-receipt-heading">
      <h2 id="mo-receipt-heading" className="no-print">
        Receipt
      </h2>
      <pre className="mo-receipt" aria-label="Receipt text">
        {text}
      </pre>
      <div className="actions no-print">
        <Button onPress={() => window.print()}>Print receipt</Button>
      </div>
    </section>
  );
}
