import { createCaller, createContextInner } from "@coop/core/trpc";
import { getDb } from "@/server/db";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const api = createCaller(createContextInner({ db: getDb() }));
  const [latest, facets] = await Promise.all([api.feed.latest({ limit: 10 }), api.agreement.facets({})]);
  return (
    <main>
      <h1>coop-tracker</h1>
      <p className="muted">
        {facets.total} published, source-backed records of technology cooperation between African states and
        Russia/Belarus.
      </p>
      <h2>Latest records</h2>
      <ul className="records">
        {latest.items.map((item) => (
          <li key={item.slug}>
            <strong>{item.title}</strong>
            <div className="muted">
              {[...item.countries, ...item.partners].join(" · ")} · {item.status.replaceAll("_", " ").toLowerCase()}
            </div>
          </li>
        ))}
      </ul>
      <p>
        Developers: the public API is at <a href="/api/trpc/agreement.list">/api/trpc</a>.
      </p>
    </main>
  );
}
