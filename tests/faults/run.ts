// `pnpm test:faults`: failure scenarios too slow or disruptive for `npm test`. Each prints its claim in words and one JSON line of figures.
import { concurrentSaves } from "./conflicts";
import { crashDuringWrites } from "./crash";
import { databaseOutage } from "./database-outage";
import { FaultNotProved } from "./harness";
import { secondInstance } from "./second-instance";
import { crashDuringWebhookDelivery } from "./webhook-crash";

try {
  await databaseOutage();
  await crashDuringWrites();
  await concurrentSaves();
  await secondInstance();
  await crashDuringWebhookDelivery();
} catch (error) {
  // A claim not proved has printed its FAILED line already; anything else is a broken run.
  if (!(error instanceof FaultNotProved)) console.error(error);
  process.exit(1);
}
process.exit(0);
