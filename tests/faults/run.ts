// `pnpm test:faults`: failure scenarios too slow or disruptive for `npm test`. Each prints one JSON line.
import { crashDuringWrites } from "./crash";
import { databaseOutage } from "./database-outage";

await databaseOutage();
await crashDuringWrites();
process.exit(0);
