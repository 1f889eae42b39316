import Link from "next/link";
import { publicApi } from "@/server/public-site";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const api = publicApi();
  const [latest, facets] = await Promise.all([api.feed.latest({ limit: 10 }), api.agreement.facets({})]);
  return (
    <main>
      <h1>coop-tracker</h1>
      <p className="muted">
        {facets.total} published, source-backed records of technology cooperation between African states and
        Russia/Belarus.
      </p>
      <p>
        <Link href="/records">Browse and filter all records →</Link>
      </p>
      <h2>Latest records</h2>
      <ul className="records">
        {latest.items.map((item) => (
          <li key={item.slug}>
            <Link href={item.path}>
              <strong>{item.title}</strong>
            </Link>
            <div className="muted">
              {[...item.countries, ...item.partners].join(" · ")} · {item.status.replaceAll("_", " ").toLowerCase()}
            </div>
          </li>
        ))}
      </ul>
      <p>
        Follow: <a href="/feed.atom">Atom feed</a> · <a href="/feed.json">JSON Feed</a> · Download:{" "}
        <a href="/export.csv">CSV</a> · <a href="/export.json">JSON</a>
      </p>
      <p>
        Developers: the public API is at <a href="/api/trpc/agreement.list">/api/trpc</a>.
      </p>
    </main>
  );
}
